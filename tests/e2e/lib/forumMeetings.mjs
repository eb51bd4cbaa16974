// A forum's earlier meeting, over real SignalR: the data a forum's next meeting reviews. Used by forum.test.mjs and
// forum-review.test.mjs (the review of "Fix the lift" and the listener's action).
import * as signalR from "@microsoft/signalr";
import { MeetingClient } from "./client.mjs";
import { facilitatorHttp } from "./facilitator.mjs";

/**
 * Meeting "North forum, March" of forum `forumId`: member `member` proposes "Fix the lift" (left undecided, so it is
 * carried forward), the agenda is agreed, listener Lee is invited and says "I will ask the bus company.", which
 * becomes Lee's action "Write to the bus company", and the meeting is closed. Returns the meeting as created.
 */
export async function liftMeeting(baseUrl, forumId, { member = "Ann" } = {}) {
  const http = await facilitatorHttp(baseUrl);
  const m = await http.request("POST", "/api/meetings", { body: { commandId: crypto.randomUUID(), title: "North forum, March", facilitatorName: "Fay", forumId } });
  const joined = await http.join({ code: m.joinCode, displayName: member, picture: "star" });
  const lee = await http.join({ code: m.listenerCode, displayName: "Lee" });
  const connect = (token) => new MeetingClient({ baseUrl, meetingId: m.meetingId, token, signalR });
  const clients = [connect(m.facilitatorToken), connect(joined.token), connect(lee.token)];
  const [fayClient, memberClient, leeClient] = clients;
  try {
    await Promise.all(clients.map((c) => c.start()));
    const lift = await memberClient.proposeItem({ title: "Fix the lift", picture: "bus" });
    await fayClient.moveToPhase({ phase: "agenda" });
    await fayClient.agreeAgenda({ itemIds: [lift.id] });
    await fayClient.inviteListener({ listenerId: lee.participantId });
    const said = await leeClient.respondAsListener({ text: "I will ask the bus company." });
    await fayClient.addAction({ what: "Write to the bus company", ownerId: lee.participantId, fromResponseId: said.id });
    await fayClient.moveToPhase({ phase: "closed" }); // carries the lift forward
  } finally {
    await Promise.all(clients.map((c) => c.stop()));
  }
  return m;
}
