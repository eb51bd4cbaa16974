import { describe, expect, it } from "vitest";
import { MeetingClient, type ClientStatus } from "./meetingClient";
import type { EventEnvelope } from "./protocol";
import { FakeServer } from "./testing/fakeServer";
import { at, guid, ids } from "./testing/fixtures";

/** Lets every pending promise and zero-delay timer run. */
const settle = async (rounds = 5) => {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

function clientFor(server: FakeServer, options: Partial<ConstructorParameters<typeof MeetingClient>[0]> = {}) {
  const delays: number[] = [];
  const statuses: ClientStatus[] = [];
  const seen: number[] = [];
  const client = new MeetingClient({
    baseUrl: "http://forum.test",
    meetingId: ids.meeting,
    token: "token-1",
    fetch: server.fetch,
    transport: server.transport,
    random: () => 0.5,
    sleep: (ms) => {
      delays.push(ms);
      return new Promise((resolve) => setTimeout(resolve, 0));
    },
    ...options,
  });
  client.onStatus((s) => statuses.push(s));
  client.onEvent((e: EventEnvelope) => seen.push(e.seq));
  return { client, delays, statuses, seen };
}

describe("MeetingClient: joining and the live feed", () => {
  it("starts from JoinMeeting's snapshot and applies events that raced with it", async () => {
    const server = new FakeServer();
    // An event is broadcast after we joined the group but before the snapshot was taken: it arrives twice
    // (feed and snapshot), and must count once.
    server.duringJoin = () => {
      server.someoneActs();
    };
    const { client, statuses } = clientFor(server);
    const state = await client.start();
    expect(state.seq).toBe(6);
    expect(client.state).toEqual(server.snapshot());
    expect(client.status).toBe("connected");
    expect(statuses).toEqual(["connecting", "joining", "connected"]);
    await client.stop();
  });

  it("applies live events in order, ignores repeats, and tells listeners about each", async () => {
    const server = new FakeServer();
    const { client, seen } = clientFor(server);
    await client.start();
    const first = server.someoneActs();
    server.deliver(first); // a repeat
    server.someoneActs();
    expect(client.state?.seq).toBe(7);
    expect(seen).toEqual([6, 7]);
    expect(client.state).toEqual(server.snapshot());
    await client.stop();
  });

  it("after a gap in the feed pages GET events?after=lastSeq until complete, then goes on", async () => {
    const server = new FakeServer();
    server.pageSize = 2;
    const { client, seen, statuses } = clientFor(server);
    await client.start(); // seq 5
    server.dropLiveEvents = true;
    for (let i = 0; i < 4; i++) server.someoneActs(); // 6..9 lost
    server.dropLiveEvents = false;
    server.someoneActs(); // 10 arrives: gap
    await settle();
    expect(server.calls.events).toEqual([5, 7, 9]);
    expect(client.state?.seq).toBe(10);
    expect(client.state).toEqual(server.snapshot());
    expect(seen).toEqual([6, 7, 8, 9, 10]);
    expect(statuses.slice(-2)).toEqual(["resyncing", "connected"]);
    await client.stop();
  });

  it("takes a fresh snapshot instead of events when the gap is huge", async () => {
    const server = new FakeServer();
    const { client } = clientFor(server, { snapshotAfterGap: 3 });
    await client.start();
    server.dropLiveEvents = true;
    for (let i = 0; i < 5; i++) server.someoneActs();
    server.dropLiveEvents = false;
    server.someoneActs();
    await settle();
    expect(server.calls.events).toEqual([]);
    expect(server.calls.snapshot).toBe(1);
    expect(client.state).toEqual(server.snapshot());
    await client.stop();
  });

  it("takes a fresh snapshot for an event type it does not know", async () => {
    const server = new FakeServer();
    const { client } = clientFor(server);
    await client.start();
    server.log.seq++;
    const unknown = { seq: server.log.seq, type: "minutesPublished", at: at(50), data: {} };
    server.deliver(unknown);
    await settle();
    expect(server.calls.snapshot).toBe(1);
    expect(client.state?.seq).toBe(6);
    expect(client.status).toBe("connected");
    await client.stop();
  });
});

describe("MeetingClient: reconnecting", () => {
  it("tries JoinMeeting again when it is rate limited", async () => {
    const server = new FakeServer();
    const { client, delays } = clientFor(server);
    let refusals = 2;
    server.duringJoin = () => {
      if (refusals-- > 0) {
        throw new Error("An unexpected error occurred invoking 'JoinMeeting' on the server. HubException: rate_limited: That was a lot at once.");
      }
    };
    await client.start();
    expect(server.calls.join).toBe(3);
    expect(delays).toHaveLength(2);
    expect(client.status).toBe("connected");
    await client.stop();
  });

  it("queues commands while offline; on reconnect joins again, resyncs from lastSeq, then sends them once", async () => {
    const server = new FakeServer();
    const { client, statuses, seen } = clientFor(server);
    await client.start();
    server.drop();
    expect(client.status).toBe("reconnecting");
    const sent = client.proposeItem({ title: "Buses" });
    await settle();
    expect(server.calls.commands).toHaveLength(0);
    expect(client.pendingCommands).toHaveLength(1);
    // Others carry on while we are away.
    server.connected = true;
    server.inGroup = false;
    server.someoneActs();
    server.someoneActs();
    server.connected = false;
    server.reconnect();
    const ack = await sent;
    expect(server.calls.join).toBe(2);
    expect(server.calls.events).toEqual([5]);
    expect(seen.slice(0, 2)).toEqual([6, 7]);
    expect(server.calls.commands).toHaveLength(1);
    expect(ack.seq).toBe(8);
    expect(client.state).toEqual(server.snapshot());
    expect(client.state?.items.map((i) => i.title)).toEqual(["Buses"]);
    expect(statuses).toEqual(["connecting", "joining", "connected", "reconnecting", "joining", "connected"]);
    await client.stop();
  });

  it("a drop while joining again leaves the reconnect to SignalR, which joins once more when it is back", async () => {
    const server = new FakeServer();
    const { client } = clientFor(server);
    await client.start();
    server.drop();
    let dropDuringJoin = true;
    server.duringJoin = () => {
      if (!dropDuringJoin) return;
      dropDuringJoin = false;
      server.drop();
      throw new Error("Invocation canceled due to the underlying connection being closed.");
    };
    server.reconnect();
    await settle();
    expect(client.status).toBe("reconnecting");
    expect(server.calls.stop).toBe(0);
    server.reconnect();
    await settle();
    expect(server.calls.join).toBe(3);
    expect(client.status).toBe("connected");
    await client.stop();
  });

  it("re-sends a command whose ack was lost with the same commandId; the server applies it once", async () => {
    const server = new FakeServer();
    const { client } = clientFor(server);
    await client.start();
    let first = true;
    server.behaviour = (method, command) => {
      if (!first) return server.applyDefault(method, command);
      first = false;
      return "drop-after-apply";
    };
    const sent = client.raiseCard({ kind: "stop" });
    await settle();
    expect(client.status).toBe("reconnecting");
    server.reconnect();
    const ack = await sent;
    const [a, b] = server.calls.commands;
    expect(b?.command.commandId).toBe(a?.command.commandId);
    expect(ack.seq).toBe(6);
    expect(server.log.seq).toBe(6);
    expect(client.state?.cards).toHaveLength(1);
    expect(client.state).toEqual(server.snapshot());
    await client.stop();
  });

  it("falls back to the snapshot when GET events answers 404 or 410", async () => {
    for (const status of [404, 410]) {
      const server = new FakeServer();
      const { client } = clientFor(server);
      await client.start();
      server.drop();
      server.connected = true;
      server.someoneActs();
      server.connected = false;
      server.eventsStatus = status;
      server.reconnect();
      await settle();
      expect(server.calls.events).toEqual([5]);
      expect(client.state).toEqual(server.snapshot());
      expect(client.status).toBe("connected");
      await client.stop();
    }
  });

  it("never gives up reconnecting while the meeting is open (jittered back-off), and stops when told", async () => {
    const server = new FakeServer();
    const { client } = clientFor(server, { reconnectBackoff: { initialMs: 100, maxMs: 10_000 }, random: Math.random });
    await client.start();
    const policy = server.retryDelay as (n: number, reason?: Error) => number | null;
    const delays = [0, 1, 2, 5, 10, 100, 10_000].map((n) => policy(n, new Error("WebSocket closed")));
    expect(delays.every((d) => typeof d === "number")).toBe(true);
    expect(delays[0]).toBeGreaterThanOrEqual(50);
    expect(delays[0]).toBeLessThanOrEqual(100);
    for (const d of delays.slice(4)) {
      expect(d).toBeGreaterThanOrEqual(5_000);
      expect(d).toBeLessThanOrEqual(10_000);
    }
    await client.stop();
    expect(policy(0)).toBeNull();
  });

  it("stops reconnecting once the meeting is closed", async () => {
    const server = new FakeServer();
    const { client } = clientFor(server);
    await client.start();
    server.emit("phaseChanged", { from: "gathering", to: "closed", at: at(59) });
    const policy = server.retryDelay as (n: number, reason?: Error) => number | null;
    expect(policy(0, new Error("WebSocket closed"))).toBeNull();
    server.close(new Error("gone"));
    expect(client.status).toBe("ended");
    await client.stop();
  });

  it("when the connection closes for good, starts it again with back-off until it works, then rejoins", async () => {
    const server = new FakeServer();
    const { client, delays } = clientFor(server, { reconnectBackoff: { initialMs: 100, maxMs: 1_000 } });
    await client.start();
    server.startResults = [new Error("Failed to fetch"), new Error("Failed to fetch"), "ok"];
    server.close(new Error("Server timeout elapsed without receiving a message from the server."));
    await settle(10);
    expect(server.calls.start).toBe(4);
    expect(delays).toEqual([75, 150]);
    expect(server.calls.join).toBe(2);
    expect(client.status).toBe("connected");
    await client.stop();
  });

  it("gives up, and says so, when the server refuses our access (401)", async () => {
    const server = new FakeServer();
    server.startResults = [new Error("Failed to complete negotiation with the server: Error: Unauthorized: Status code '401'")];
    const { client } = clientFor(server);
    const pending = client.proposeItem({ title: "Never" });
    await expect(client.start()).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(pending).rejects.toMatchObject({ code: "stopped" });
    expect(client.status).toBe("refused");
    expect(server.calls.start).toBe(1);
  });

  it("a removed participant's reconnect is refused: the retry policy stops", async () => {
    const server = new FakeServer();
    const { client } = clientFor(server);
    await client.start();
    const policy = server.retryDelay as (n: number, reason?: Error) => number | null;
    expect(policy(3, new Error("Failed to complete negotiation with the server: Error: Unauthorized: Status code '401'"))).toBeNull();
    await settle();
    expect(client.status).toBe("refused");
  });
});

describe("MeetingClient: minutes", () => {
  it("passes MinutesReady on to its listeners without touching the state", async () => {
    const server = new FakeServer();
    const { client } = clientFor(server);
    const state = await client.start();
    const heard: unknown[] = [];
    client.onMinutesReady((m) => heard.push(m));
    const message = {
      meetingId: ids.meeting, publication: 1, version: 2, isCorrection: false, publishedAt: at(59),
      easyReadPath: "/api/meetings/x/minutes/easy-read", standardPath: "/api/meetings/x/minutes/standard",
    };
    server.handlers?.minutesReady(message);
    expect(heard).toEqual([message]);
    expect(client.state).toBe(state);
    await client.stop();
  });
});

describe("MeetingClient: commands", () => {
  it("stops (refused) when a command says our access was withdrawn", async () => {
    const server = new FakeServer();
    const { client } = clientFor(server);
    await client.start();
    server.behaviour = () =>
      new Error("An unexpected error occurred invoking 'RaiseCard' on the server. HubException: unauthenticated: You are no longer in this meeting.");
    await expect(client.raiseCard({ kind: "stop" })).rejects.toMatchObject({ code: "unauthenticated" });
    await settle();
    expect(client.status).toBe("refused");
    await expect(client.raiseCard({ kind: "stop" })).rejects.toMatchObject({ code: "stopped" });
  });

  it("goes on when a command is refused because the person it names has left (participant_removed)", async () => {
    const server = new FakeServer();
    const { client } = clientFor(server);
    await client.start();
    server.behaviour = () =>
      new Error("An unexpected error occurred invoking 'RemoveParticipant' on the server. HubException: participant_removed: This person has left the meeting.");
    await expect(client.removeParticipant({ participantId: ids.ann })).rejects.toMatchObject({ code: "participant_removed" });
    await settle();
    expect(client.status).toBe("connected");
    server.behaviour = null;
    await expect(client.raiseCard({ kind: "stop" })).resolves.toMatchObject({ seq: 6 });
    await client.stop();
  });

  it("resolves a command once its events are in the state, and rejects refusals with their code", async () => {
    const server = new FakeServer();
    const { client } = clientFor(server);
    await client.start();
    const ack = await client.proposeItem({ title: "Parks" });
    expect(client.state?.seq).toBeGreaterThanOrEqual(ack.seq);
    expect(client.state?.items[0]?.id).toBe(ack.id);
    server.behaviour = () =>
      new Error("An unexpected error occurred invoking 'OpenPoll' on the server. HubException: not_allowed: You cannot do this in your role.");
    await expect(client.openPoll({ question: "Q?", secret: false, handCount: false })).rejects.toMatchObject({
      code: "not_allowed",
      message: "You cannot do this in your role.",
    });
    expect(client.state?.seq).toBe(ack.seq);
    await client.stop();
  });

  it("every typed command goes through the hub under its own method name", async () => {
    const server = new FakeServer();
    const { client } = clientFor(server);
    await client.start();
    const p = guid(1);
    await client.answerQuestion({ question: "whyAreYouHere", text: "t" });
    await client.proposeItem({ title: "t" });
    await client.promoteAnswer({ answerId: p });
    await client.agreeAgenda({ itemIds: [p] });
    await client.moveToPhase({ phase: "agenda" });
    await client.startItem({ itemId: p });
    await client.finishItem({ itemId: p });
    await client.carryItemForward({ itemId: p });
    await client.addNote({ itemId: p, text: "t" });
    await client.openPoll({ question: "q", secret: true, handCount: false });
    await client.castBallot({ pollId: p, optionId: "yes" });
    await client.recordHandCount({ pollId: p, counts: { yes: 1 } });
    await client.closePoll({ pollId: p });
    await client.recordDecision({ text: "t", level: "coDesign" });
    await client.addAction({ what: "t", ownerId: p, dueDate: "2026-12-01" });
    await client.setActionStatus({ actionId: p, status: "done" });
    await client.inviteListener({ listenerId: p });
    await client.respondAsListener({ text: "t" });
    await client.raiseCard({ kind: "break" });
    await client.clearCard({ cardId: p });
    await client.removeParticipant({ participantId: p });
    await client.giveRole({ participantId: p, role: "chair" });
    await client.takeRole({ participantId: p, role: "chair" });
    expect(server.calls.commands.map((c) => c.method)).toEqual([
      "AnswerQuestion", "ProposeItem", "PromoteAnswer", "AgreeAgenda", "MoveToPhase", "StartItem", "FinishItem", "CarryItemForward",
      "AddNote", "OpenPoll", "CastBallot", "RecordHandCount", "ClosePoll", "RecordDecision", "AddAction", "SetActionStatus",
      "InviteListener", "RespondAsListener", "RaiseCard", "ClearCard", "RemoveParticipant", "GiveRole", "TakeRole",
    ]);
    expect(server.calls.commands[10]?.command).toMatchObject({ pollId: p, optionId: "yes" });
    expect(server.calls.commands.every((c) => /^[0-9a-f-]{36}$/.test(c.command.commandId))).toBe(true);
    await client.stop();
  });
});

describe("MeetingHttp", () => {
  it("sends the bearer token and reads ProblemDetails into coded errors", async () => {
    const server = new FakeServer();
    const { client } = clientFor(server);
    await expect(client.http.getSnapshot(ids.meeting, "token-1")).resolves.toEqual(server.snapshot());
    await expect(client.http.getEvents(ids.meeting, "wrong", 0)).rejects.toMatchObject({ code: "unauthenticated", status: 401 });
    const all = await client.http.getAllEvents(ids.meeting, "token-1", 2);
    expect(all.map((e) => e.seq)).toEqual([3, 4, 5]);
  });

  it("adds the configured extra headers (e.g. a Cookie in Node) to every request", async () => {
    const seen: Headers[] = [];
    const fetch = async (_url: RequestInfo | URL, init?: RequestInit) => {
      seen.push(new Headers(init?.headers));
      return new Response(JSON.stringify({ meetingId: ids.meeting, title: "T", phase: "gathering", isListenerCode: false, members: [] }));
    };
    const { MeetingHttp } = await import("./meetingClient");
    const http = new MeetingHttp({ baseUrl: "http://forum.test", fetch, headers: () => ({ Cookie: "a=b" }) });
    await http.lookUpCode("ABC123");
    expect(seen[0]?.get("Cookie")).toBe("a=b");
    expect(seen[0]?.get("Accept")).toBe("application/json");
  });

  it("retries an idempotent POST with the same commandId after a transport failure", async () => {
    const bodies: { commandId: string }[] = [];
    let calls = 0;
    const fetch = async (_url: RequestInfo | URL, init?: RequestInit) => {
      bodies.push(JSON.parse(String(init?.body)) as { commandId: string });
      if (++calls === 1) throw new TypeError("fetch failed");
      if (calls === 2) return new Response(JSON.stringify({ code: "storage_unavailable", title: "Try again.", retriable: true }), { status: 503 });
      return new Response(JSON.stringify({ meetingId: ids.meeting, participantId: ids.ann, role: "member", token: "t", seq: 4 }), { status: 200 });
    };
    const { MeetingHttp } = await import("./meetingClient");
    const http = new MeetingHttp({ baseUrl: "http://forum.test/", fetch, sleep: () => Promise.resolve() });
    const joined = await http.join({ code: "ABC123", displayName: "Ann" });
    expect(joined.participantId).toBe(ids.ann);
    expect(bodies).toHaveLength(3);
    expect(new Set(bodies.map((b) => b.commandId)).size).toBe(1);
  });
});
