// Members without a device (state, selectors and the client's take-over code) and honest vote counts.
import { describe, expect, it } from "vitest";
import { MeetingClient } from "../client/meetingClient";
import { FakeServer } from "../client/testing/fakeServer";
import { ids } from "../client/testing/fixtures";
import { ID, MeetingBuilder } from "./testing/meetingBuilder";
import { codeForReading, membersHelpedBy, membersWithoutDevice, peopleWithAVote, takeOverLink, whoChoseWhat } from "./withoutDevice";

const DEE = "00000000-0000-4000-8000-0000000000a9";
const POLL = "20000000-0000-4000-8000-000000000001";
const OPTIONS = [
  { id: "yes", label: "Yes", picture: "yes" },
  { id: "no", label: "No", picture: "no" },
];

function withDee() {
  return new MeetingBuilder().add("participantJoined", {
    participantId: DEE, displayName: "Dee", role: "member", picture: "cat", supportsMemberId: null, at: "2026-03-03T10:30:00+00:00",
    withoutDevice: true, helperId: ID.sam, addedById: ID.fay,
  });
}

describe("members without a device", () => {
  it("are members like everyone else, marked without a device until they take over", () => {
    const state = withDee().build();
    const dee = state.participants.find((p) => p.id === DEE);
    expect(dee).toMatchObject({ role: "member", withoutDevice: true, helperId: ID.sam, addedById: ID.fay, removed: false });
    expect(membersWithoutDevice(state).map((p) => p.displayName)).toEqual(["Dee"]);
    expect(membersHelpedBy(state, ID.sam).map((p) => p.id)).toEqual([DEE]);
    // Events stored before members without a device existed have no such fields: a device join.
    expect(state.participants.find((p) => p.id === ID.ann)).toMatchObject({ withoutDevice: false, helperId: null, addedById: null });

    const after = withDee()
      .add("takeOverCodeIssued", { participantId: DEE, issuedById: ID.fay, at: "2026-03-03T10:40:00+00:00" })
      .add("memberTookOver", { participantId: DEE, at: "2026-03-03T10:41:00+00:00" })
      .build();
    expect(after.participants.find((p) => p.id === DEE)?.withoutDevice).toBe(false);
    expect(membersWithoutDevice(after)).toEqual([]);
    expect(after.participants).toHaveLength(state.participants.length); // the same person, not a new one
  });

  it("counts exactly the people with a vote: members, with or without a device, never the facilitator", () => {
    const state = withDee().add("participantRemoved", { participantId: ID.ann }).build();
    expect(peopleWithAVote(state).map((p) => p.displayName)).toEqual(["Cat", "Dee"]);
  });

  it("gives a link and a readable code", () => {
    expect(takeOverLink("https://forum.example/", "KMRT4QX")).toBe("https://forum.example/join/KMRT4QX");
    expect(codeForReading("KMRT4QX")).toBe("KMR T4QX");
  });
});

describe("who chose what", () => {
  const open = (secret: boolean, mode: "devices" | "handCount" = "devices") =>
    withDee()
      .add("pollOpened", { pollId: POLL, itemId: null, question: "Trip?", options: OPTIONS, secret, mode, at: "2026-03-03T10:50:00+00:00" })
      .add("ballotCast", { pollId: POLL, memberId: ID.ann, enteredById: ID.ann, optionId: secret ? "secret" : "yes" })
      .add("ballotCast", { pollId: POLL, memberId: DEE, enteredById: ID.fay, optionId: secret ? "secret" : "yes" })
      .build();

  it("shows the names under each choice in an open vote", () => {
    const state = open(false);
    expect(whoChoseWhat(state, state.polls[0]!)).toEqual([
      { optionId: "yes", label: "Yes", names: ["Ann", "Dee"] },
      { optionId: "no", label: "No", names: [] },
    ]);
  });

  it("shows nothing of anyone's choice in a secret vote or a hand count", () => {
    expect(whoChoseWhat(open(true), open(true).polls[0]!)).toBeNull();
    const hands = withDee().add("pollOpened", { pollId: POLL, itemId: null, question: "Trip?", options: OPTIONS, secret: false, mode: "handCount", at: "2026-03-03T10:50:00+00:00" }).build();
    expect(whoChoseWhat(hands, hands.polls[0]!)).toBeNull();
  });
});

describe("MeetingClient.issueTakeOverCode", () => {
  function client(server: FakeServer) {
    return new MeetingClient({
      baseUrl: "http://forum.test", meetingId: ids.meeting, token: "token-1", fetch: server.fetch, transport: server.transport,
      random: () => 0.5, sleep: () => new Promise((resolve) => setTimeout(resolve, 0)),
    });
  }

  it("answers the code from the ack and sends the member's id", async () => {
    const server = new FakeServer();
    server.behaviour = (method, command) =>
      method === "IssueTakeOverCode" ? { seq: server.log.seq, id: ids.ann, code: "KMRT4QX" } : server.applyDefault(method, command);
    const c = client(server);
    await c.start();
    const ack = await c.issueTakeOverCode({ memberId: ids.ann });
    expect(ack.code).toBe("KMRT4QX");
    expect(server.calls.commands.at(-1)).toMatchObject({ method: "IssueTakeOverCode", command: { memberId: ids.ann } });
    await c.stop();
  });

  it("refuses an ack without a code instead of showing nothing", async () => {
    const server = new FakeServer();
    server.behaviour = () => ({ seq: server.log.seq, id: ids.ann });
    const c = client(server);
    await c.start();
    await expect(c.issueTakeOverCode({ memberId: ids.ann })).rejects.toMatchObject({ code: "bad_response" });
    await c.stop();
  });
});
