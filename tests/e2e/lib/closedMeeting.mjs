// A whole small meeting over real SignalR, closed, with its Easy Read minutes published: data for the backup,
// restore and upgrade tests. Uses only the client module (and the minutes endpoints over HTTP).
import * as signalR from "@microsoft/signalr";
import { MeetingClient } from "./client.mjs";
import { facilitatorHttp } from "./facilitator.mjs";

async function api(baseUrl, method, url, token, body) {
  const response = await fetch(`${baseUrl}${url}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { "Content-Type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text}`);
  return response.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text;
}

/**
 * The meeting itself, over live connections (facilitator Fay, member Ann, listener Lee, all started): both questions
 * answered, Ann's wish promoted and agreed, noted, voted on in secret, decided, finished, and the meeting closed.
 */
export async function runNorthForum({ fay, ann, lee }) {
  await ann.answerQuestion({ question: "whyAreYouHere", text: "To see my friends", picture: "friends" });
  await lee.answerQuestion({ question: "whyAreYouHere", text: "To listen to members" });
  const wish = await ann.answerQuestion({ question: "whatDoYouWantToDo", text: "Better buses on Sundays", picture: "bus" });
  await fay.moveToPhase({ phase: "agenda" });
  const item = await fay.promoteAnswer({ answerId: wish.id });
  await fay.agreeAgenda({ itemIds: [item.id] });
  await fay.moveToPhase({ phase: "items" });
  await fay.startItem({ itemId: item.id });
  await fay.addNote({ itemId: item.id, text: "The 12 bus does not run on Sundays." });
  const poll = await fay.openPoll({ itemId: item.id, question: "Shall we ask the council for Sunday buses?", secret: true, handCount: false });
  await ann.castBallot({ pollId: poll.id, optionId: "yes" });
  await fay.closePoll({ pollId: poll.id });
  await fay.recordDecision({ itemId: item.id, text: "We will write to the council.", level: "coProduction", pollId: poll.id });
  await fay.finishItem({ itemId: item.id });
  await fay.moveToPhase({ phase: "closed" });
}

/**
 * Runs "North forum" on the Api at `baseUrl`: Ann (member) and Lee (listener) join and answer, an item is agreed,
 * noted, voted on in secret and decided, the meeting closes and its minutes are published.
 * Returns the ids and tokens to read it all back.
 */
export async function closedMeetingWithMinutes(baseUrl, title = "North forum") {
  const http = await facilitatorHttp(baseUrl);
  const created = await http.createMeeting({ title, facilitatorName: "Fay" });
  const meetingId = created.meetingId;
  const annJoin = await http.join({ code: created.joinCode, displayName: "Ann", picture: "star" });
  const leeJoin = await http.join({ code: created.listenerCode, displayName: "Lee" });
  const connect = (token) => new MeetingClient({ baseUrl, meetingId, token, signalR, reconnectBackoff: { initialMs: 100, maxMs: 2_000 } });
  const fay = connect(created.facilitatorToken);
  const ann = connect(annJoin.token);
  const lee = connect(leeJoin.token);
  try {
    await Promise.all([fay.start(), ann.start(), lee.start()]);
    await runNorthForum({ fay, ann, lee });
  } finally {
    await Promise.all([fay.stop(), ann.stop(), lee.stop()]);
  }
  const minutes = `/api/meetings/${meetingId}/minutes`;
  const draft = await api(baseUrl, "POST", `${minutes}/drafts`, created.facilitatorToken, { nextMeeting: "2026-12-01" });
  await api(baseUrl, "POST", `${minutes}/publish`, created.facilitatorToken, { version: draft.number, reviewedWithId: annJoin.participantId });
  return { meetingId, facilitatorToken: created.facilitatorToken, memberToken: annJoin.token, listenerToken: leeJoin.token };
}

/** What a member reads back: the published Easy Read and standard minutes, and every event of the meeting. */
export async function readBack(baseUrl, meeting) {
  const minutes = `/api/meetings/${meeting.meetingId}/minutes`;
  const easyRead = await api(baseUrl, "GET", `${minutes}/easy-read.html`, meeting.memberToken);
  const standard = await api(baseUrl, "GET", `${minutes}/standard.html`, meeting.memberToken);
  const events = await allEvents(baseUrl, meeting.meetingId, meeting.memberToken);
  return { easyRead, standard, events };
}

/** Every event of a meeting, page by page (GET /api/meetings/{id}/events). */
export async function allEvents(baseUrl, meetingId, token) {
  const events = [];
  for (let after = 0; ; ) {
    const page = await api(baseUrl, "GET", `/api/meetings/${meetingId}/events?after=${after}`, token);
    events.push(...page.events);
    if (page.complete || page.events.length === 0) break;
    after = page.lastSeq;
  }
  return events;
}
