// 10,000 malformed or hostile hub invocations against a meeting with one of everything (and a second meeting whose ids
// the first one's people try to use), from every role's token: unknown and look-alike methods, wrong argument counts,
// non-objects (null, numbers, strings, arrays), deeply nested JSON, missing/empty/foreign/garbage ids, nulls, wrong
// types, invalid enum strings, over-long and huge strings (past the 32 KB message limit too), extra fields that try to
// pick another caller or meeting, and raw WebSocket frames that break the SignalR protocol itself. Every case carries
// at least one defect that must get it refused, so nothing may change.
//
// Checked: the Api logs no failure (no "fail:"/"crit:" line, no stack trace) and never answers server_error; every
// call is refused with a code, or fails argument binding, or (message too large, broken protocol) the connection is
// closed with a reason; a connection that was not closed still works (probed with JoinMeeting); both meetings' state
// (GET snapshot) and their stored events are exactly as before.
//
//   node --test tests/e2e/reliability/fuzz.test.mjs
//   FORUMHUB_FUZZ_SEED=<seed> replays the same cases (fresh random UUIDs aside); FORUMHUB_FUZZ_CASES=<n> runs another
//   number of them (the soak run uses 40,000).
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { after, before, test } from "node:test";
import { startApp } from "../lib/app.mjs";
import { adminEnv } from "../lib/facilitator.mjs";
import { verbose } from "../lib/signalRLog.mjs";
import { until } from "../lib/wait.mjs";
import { failureLines, populatedMeeting, prng, seedFrom, signalR, storedCounts } from "./lib.mjs";

const CASES = Number(process.env.FORUMHUB_FUZZ_CASES ?? 10_000);
const PROBE_EVERY = 25;
const WebSocket = createRequire(createRequire(import.meta.url).resolve("@microsoft/signalr"))("ws");

let app;
const log = [];
const everyClient = [];

before(async () => {
  app = await startApp({
    dbName: "e2e_rel_fuzz",
    env: {
      ...adminEnv,
      // A fuzzer is a flood: let it through here (tests/e2e/reliability/logs-and-limits.test.mjs checks the defaults).
      RateLimits__HubCallsPerSecondPerConnection: "100000",
      RateLimits__HubCallsPerSecondPerParticipant: "100000",
    },
    onOutput: (line) => log.push(line),
  });
});

after(async () => {
  await Promise.all(everyClient.map((c) => c.stop()));
  await app?.stop();
});

// ---- Case generation ------------------------------------------------------------------------------------------------

const COMMANDS = [
  "AnswerQuestion", "ProposeItem", "PromoteAnswer", "AgreeAgenda", "MoveToPhase", "StartItem", "FinishItem",
  "CarryItemForward", "AddNote", "OpenPoll", "CastBallot", "RecordHandCount", "ClosePoll", "RecordDecision", "AddAction",
  "SetActionStatus", "InviteListener", "RespondAsListener", "RaiseCard", "ClearCard", "RemoveParticipant",
  "AddMemberWithoutDevice", "IssueTakeOverCode",
];

function makeGenerator(random, a, b) {
  const huge = (n) => "x".repeat(n);
  const sample = (list) => random.pick(list);
  const foreign = {
    participant: () => sample(Object.values(b.participants)),
    item: () => sample(Object.values(b.items)),
    poll: () => sample(Object.values(b.polls)),
    answer: () => b.answer,
    action: () => b.action,
    card: () => b.card,
    response: () => b.response,
  };
  /** A required id: never one that exists in meeting A as that kind of thing. */
  const badId = (kind) => () => sample([
    foreign[kind](), foreign[kind](), randomUUID(), "00000000-0000-0000-0000-000000000000", null, "not-a-guid", 42, true, {}, [],
    [foreign[kind]()], huge(100), `${foreign[kind]()}x`, a.meetingId, "", "' or 1=1 --",
  ]);
  /** An optional id (null is fine there): something that does not exist in A, or not an id at all. */
  const badOptionalId = (kind) => () => sample([foreign[kind](), randomUUID(), "00000000-0000-0000-0000-000000000000", "nope", 7, {}, [a.meetingId]]);
  const badText = (limit) => () => sample([
    null, "", "   ", "\u0000\u0001\u0002", "\ud800", "\u0000 \udc00\u007f", 123, false, {}, [], ["a list"], huge(limit + 1), huge(limit + random.int(5_000) + 1),
    huge(30_000), { text: "nested" },
  ]);
  const badEnum = () => sample([
    "", "nope", "closed!", "why are you here", "1", 1, 0, -1, 3.5, true, null, {}, [], "phase;drop table meetings", huge(2_000),
    "\u0000", "whyAreYouHere\u0000", " items", "co-production", "Question_1",
  ]);
  const badBool = () => sample(["yes", 1, 0, null, {}, [], "true!"]);

  const ids = a;
  /** Per command: a base that would pass binding (ids of A), and the fields a case may break (each break is fatal). */
  const specs = {
    AnswerQuestion: { base: () => ({ question: "whyAreYouHere", text: "Hello", picture: null, forMemberId: null }),
      breaks: { question: badEnum, text: badText(280), forMemberId: badOptionalId("participant") } },
    ProposeItem: { base: () => ({ title: "Trains", picture: null, forMemberId: null }),
      breaks: { title: badText(120), forMemberId: badOptionalId("participant") } },
    PromoteAnswer: { base: () => ({ answerId: ids.answer, title: null }), breaks: { answerId: badId("answer") } },
    // A is in the items phase: agreeing an agenda is refused whatever the ids; these break binding or the ids too.
    AgreeAgenda: { base: () => ({ itemIds: [ids.items.agreed] }),
      breaks: { itemIds: () => sample([null, "x", 5, {}, [null], [1, 2], [foreign.item()], [randomUUID()], Array.from({ length: 600 }, randomUUID)]) } },
    MoveToPhase: { base: () => ({ phase: "closed" }), breaks: { phase: badEnum } },
    StartItem: { base: () => ({ itemId: ids.items.agreed }), breaks: { itemId: badId("item") } },
    FinishItem: { base: () => ({ itemId: ids.items.current }), breaks: { itemId: badId("item") } },
    CarryItemForward: { base: () => ({ itemId: ids.items.agreed }), breaks: { itemId: badId("item") } },
    AddNote: { base: () => ({ itemId: ids.items.current, text: "A note" }), breaks: { itemId: badId("item"), text: badText(1_000) } },
    // A poll is open in A, so opening another is refused anyway; the breaks reach binding and the text rules first.
    OpenPoll: { base: () => ({ itemId: null, question: "Tea?", options: null, secret: false, handCount: false }),
      breaks: {
        question: badText(200), itemId: badOptionalId("item"), secret: badBool, handCount: badBool,
        options: () => sample([[{ label: "Only one", picture: null }], Array.from({ length: 9 }, (_, i) => ({ label: `O${i}`, picture: null })),
          [{ label: "Same", picture: null }, { label: "same", picture: null }], [{ label: null }, { label: "B" }], "yes,no", 3, {}, [null, null],
          [{ label: huge(61), picture: null }, { label: "B", picture: null }]]),
      } },
    CastBallot: { base: () => ({ pollId: ids.polls.open, optionId: "o2", forMemberId: null }),
      breaks: {
        pollId: badId("poll"), forMemberId: badOptionalId("participant"),
        optionId: () => sample([null, "", "o9", "yes", "O1 ", 1, {}, [], huge(500), "o1\u0000", "__proto__"]),
      } },
    RecordHandCount: { base: () => ({ pollId: ids.polls.open, counts: { o1: 3, o2: 4 } }),
      breaks: {
        pollId: badId("poll"),
        counts: () => sample([null, {}, { o1: -1 }, { o1: 10_001 }, { o9: 1 }, { o1: "many" }, { o1: 1.5 }, { o1: 2 ** 40 }, [1, 2], "o1=3", 3]),
      } },
    ClosePoll: { base: () => ({ pollId: ids.polls.open }), breaks: { pollId: () => sample([ids.polls.closed, badId("poll")()]) } },
    RecordDecision: { base: () => ({ itemId: ids.items.current, text: "Agreed", level: "coProduction", pollId: null }),
      breaks: { text: badText(280), level: badEnum, itemId: badOptionalId("item"), pollId: badOptionalId("poll") } },
    AddAction: { base: () => ({ itemId: ids.items.current, what: "Do it", ownerId: ids.participants.ann, supporterId: null, dueDate: null, fromResponseId: null }),
      breaks: {
        what: badText(200), ownerId: badId("participant"), supporterId: badOptionalId("participant"), itemId: badOptionalId("item"),
        fromResponseId: badOptionalId("response"),
        dueDate: () => sample(["2001-01-01", "2026-02-30", "tomorrow", "01/02/2030", 20300101, {}, "2030-13-01", "9999-99-99"]),
      } },
    SetActionStatus: { base: () => ({ actionId: ids.action, status: "done" }), breaks: { actionId: badId("action"), status: badEnum } },
    InviteListener: { base: () => ({ listenerId: ids.participants.lee, itemId: null }),
      breaks: { listenerId: () => sample([ids.participants.ann, ids.participants.fay, badId("participant")()]), itemId: badOptionalId("item") } },
    RespondAsListener: { base: () => ({ text: "We hear you", itemId: ids.items.current }),
      breaks: { text: badText(500), itemId: badOptionalId("item") } },
    RaiseCard: { base: () => ({ kind: "stop", forMemberId: null }), breaks: { kind: badEnum, forMemberId: badOptionalId("participant") } },
    ClearCard: { base: () => ({ cardId: ids.card }), breaks: { cardId: badId("card") } },
    RemoveParticipant: { base: () => ({ participantId: ids.participants.ben }), breaks: { participantId: badId("participant") } },
    // Issue 11: members without a device.
    AddMemberWithoutDevice: { base: () => ({ displayName: "Zed", picture: null, helperId: null }),
      breaks: { displayName: badText(40), helperId: badOptionalId("participant") } },
    IssueTakeOverCode: { base: () => ({ memberId: ids.participants.ben }), breaks: { memberId: badId("participant") } },
  };

  const deep = (depth, leaf = 1) => {
    let value = leaf;
    for (let i = 0; i < depth; i++) value = random() < 0.5 ? { a: value } : [value];
    return value;
  };
  /** Extra fields: harmless on their own (System.Text.Json skips unknown members), hostile in intent. */
  const decorate = (arg) => {
    const extras = [
      () => ({ caller: { participantId: b.participants.fay, meetingId: b.meetingId, role: "facilitator" } }),
      () => ({ Caller: { ParticipantId: ids.participants.fay, Role: "Facilitator" } }),
      () => ({ meetingId: b.meetingId }),
      () => ({ participantId: b.participants.fay, role: "facilitator", actorId: ids.participants.fay }),
      () => JSON.parse('{"__proto__": {"admin": true}, "constructor": {"prototype": {"x": 1}}}'),
      () => ({ $type: "System.Diagnostics.Process, System", $id: "1", $ref: "1" }),
      () => ({ extra: huge(random.int(2_000)), more: [1, "two", null, { three: 3 }] }),
      () => ({ seq: -1, version: 0, id: randomUUID() }),
    ];
    return Object.assign(arg, sample(extras)());
  };
  const commandId = () => randomUUID();
  const badCommandId = () => sample([undefined, null, "", "00000000-0000-0000-0000-000000000000", "not-a-guid", 12, {}, [], huge(200)]);

  /** One case: { kind, method, args } (a hub call) or { kind: "raw", frames } (bytes on a bare WebSocket). */
  return function nextCase() {
    const r = random();
    const method = sample(COMMANDS);
    const spec = specs[method];
    if (r < 0.04) {
      const name = sample(["Nope", "OnConnectedAsync", "OnDisconnectedAsync", "Dispose", "Send", "CurrentCaller", "get_Context",
        "Groups", "ToString", "GetType", "MeetingEvent", "__proto__", "constructor", "../JoinMeeting", "JoinMeeting ", "Join Meeting",
        huge(300), "\u0000", "CastBallot\u0000", "castballot2", "Cast-Ballot"]);
      return { kind: "unknown method", method: name, args: [spec.base()] };
    }
    if (r < 0.08) {
      const n = sample([0, 2, 3, 10]);
      if (n === 0) return { kind: "no argument", method, args: [] };
      return { kind: "too many arguments", method, args: Array.from({ length: n }, () => ({ ...spec.base(), commandId: commandId() })) };
    }
    if (r < 0.10) return { kind: "arguments to JoinMeeting", method: "JoinMeeting", args: [sample([{ meetingId: b.meetingId }, b.meetingId, null, 1])] };
    if (r < 0.20) {
      return { kind: "not an object", method, args: [sample([null, 0, -1, 1e308, "", "CastBallot", true, [], [spec.base()], [[[]]], [commandId()]])] };
    }
    if (r < 0.25) {
      const depth = sample([65, 100, 1_000, 3_000]);
      const arg = random() < 0.5 ? deep(depth) : { ...spec.base(), commandId: commandId(), [sample(Object.keys(spec.breaks))]: deep(depth) };
      return { kind: "deeply nested", method, args: [arg] };
    }
    if (r < 0.26) {
      const arg = { ...spec.base(), commandId: commandId(), padding: huge(33_000 + random.int(100_000)) };
      return { kind: "over the message size limit", method, args: [arg] };
    }
    if (r < 0.28) return { kind: "raw", frames: rawFrames() };
    if (r < 0.38) {
      const arg = spec.base();
      const id = badCommandId();
      if (id !== undefined) arg.commandId = id;
      return { kind: "bad commandId", method, args: [random() < 0.5 ? decorate(arg) : arg] };
    }
    // A real commandId and one or more broken fields (or a broken field left out entirely where it is required).
    const arg = { ...spec.base(), commandId: commandId() };
    const fields = Object.keys(spec.breaks);
    const broken = [sample(fields), ...(random() < 0.3 ? [sample(fields)] : [])];
    for (const field of broken) arg[field] = spec.breaks[field]();
    if (random() < 0.4) decorate(arg);
    return { kind: "broken field", method, broken, args: [arg] };
  };

  function rawFrames() {
    const rs = "\u001e";
    return sample([
      ["{" + rs], ["not json" + rs], ["[]" + rs], ["1" + rs], ["null" + rs], ['"text"' + rs],
      ['{"type":1}' + rs], ['{"type":1,"target":"JoinMeeting","arguments":{}}' + rs],
      [`{"type":1,"invocationId":"1","target":"CastBallot","arguments":[{"pollId":"${b.polls.open}","pollId":"${ids.polls.closed}","optionId":"o1"}]}${rs}`],
      ['{"type":99}' + rs], ['{"type":"1","target":"JoinMeeting"}' + rs],
      ['{"type":4,"invocationId":"s","target":"CastBallot","arguments":[]}' + rs],
      ['{"type":5,"invocationId":"nope"}' + rs], ['{"type":3,"invocationId":"nope","result":1}' + rs],
      ['{"type":2,"invocationId":"x","item":1}' + rs], ['{"type":8,"sequenceId":-5}' + rs], ['{"type":9,"sequenceId":"x"}' + rs],
      [`{"type":1,"invocationId":"${huge(10_000)}","target":"JoinMeeting","arguments":[]}${rs}`],
      [rs + rs + rs], ["a".repeat(40_000)], [Buffer.from([0xff, 0xfe, 0x00, 0x1e, 0x80])],
      [`{"type":1,"invocationId":"d","target":"AddNote","arguments":[${"[".repeat(5_000)}${"]".repeat(5_000)}]}${rs}`],
      [`{"type":1,"invocationId":"e","target":"JoinMeeting","arguments":[],"headers":{"x":${"[".repeat(200)}${"]".repeat(200)}}}${rs}`],
      [`{"type":1,"invocationId":"f","target":"ProposeItem","arguments":[{"title":"\\ud800","commandId":"${randomUUID()}"}]}${rs}`],
    ]);
  }
}

// ---- A bare SignalR client over ws, for the raw-frame cases -----------------------------------------------------------

async function rawSession(baseUrl, token, frames) {
  const negotiate = await fetch(`${baseUrl}/hubs/meeting/negotiate?negotiateVersion=1`, {
    method: "POST", headers: { Authorization: `Bearer ${token}` },
  });
  assert.equal(negotiate.status, 200, "negotiate");
  const { connectionToken } = await negotiate.json();
  const url = `${baseUrl.replace(/^http/, "ws")}/hubs/meeting?id=${encodeURIComponent(connectionToken)}&access_token=${encodeURIComponent(token)}`;
  const socket = new WebSocket(url);
  const received = [];
  let closed = null;
  socket.on("message", (data) => received.push(...data.toString().split("\u001e").filter((m) => m !== "")));
  const closedPromise = new Promise((resolve) => socket.on("close", (code, reason) => resolve((closed = { code, reason: reason.toString() }))));
  await new Promise((resolve, reject) => {
    socket.once("open", resolve);
    socket.once("error", reject);
  });
  socket.send('{"protocol":"json","version":1}\u001e');
  const waitFor = async (predicate, ms) => {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline && !closed && !received.some(predicate)) await new Promise((r) => setTimeout(r, 5));
  };
  await waitFor((m) => m === "{}", 5_000);
  for (const frame of frames) socket.send(frame);
  await waitFor((m) => m.includes('"type":7'), 300);
  let usable = false;
  let reason = null;
  const closeMessage = received.map((m) => { try { return JSON.parse(m); } catch { return null; } }).find((m) => m?.type === 7);
  if (closeMessage) reason = closeMessage.error ?? "closed by the server";
  if (!closed && !closeMessage) {
    socket.send('{"type":1,"invocationId":"probe","target":"JoinMeeting","arguments":[]}\u001e');
    await waitFor((m) => m.includes('"invocationId":"probe"') || m.includes('"type":7'), 5_000);
    usable = received.some((m) => m.includes('"invocationId":"probe"') && m.includes('"result"'));
    const late = received.map((m) => { try { return JSON.parse(m); } catch { return null; } }).find((m) => m?.type === 7);
    if (late) reason = late.error ?? "closed by the server";
  }
  socket.terminate();
  await closedPromise;
  return { usable, reason, received };
}

// ---- The test ---------------------------------------------------------------------------------------------------------

test(`${CASES} hostile hub invocations: no server failure, refused or closed with a reason, state unchanged`, async () => {
  const seed = seedFrom("FORUMHUB_FUZZ_SEED", "fuzz");
  const random = prng(seed);
  const a = await populatedMeeting(app.baseUrl, { title: "Fuzz A" });
  const b = await populatedMeeting(app.baseUrl, { title: "Fuzz B" });
  everyClient.push(...Object.values(a.clients), ...Object.values(b.clients));
  // The fuzzer's own connections stand in for these clients; stop them so only the fuzz touches the Api.
  await Promise.all(everyClient.map((c) => c.stop()));
  const snapshotOf = (m) => m.http.getSnapshot(m.meetingId, m.tokens.fay);
  const before = { a: await snapshotOf(a), b: await snapshotOf(b), storedA: await storedCounts(app, a.meetingId), storedB: await storedCounts(app, b.meetingId) };
  const logLinesBefore = log.length;

  // Lanes, one connection each: every role of A (whose "foreign" ids are B's), and B's facilitator, who acts in B and
  // whose every id is A's. The seed fixes every lane's cases.
  const towardsB = makeGenerator(random, a.ids, b.ids);
  const fromB = makeGenerator(random, a.ids, a.ids);
  const lanes = [
    ...["fay", "ann", "sam", "lee", "screen"].map((role) => ({ role: `A ${role}`, token: a.tokens[role], seq: before.a.seq, next: towardsB })),
    { role: "B fay", token: b.tokens.fay, seq: before.b.seq, next: fromB },
  ];
  const cases = Array.from({ length: CASES }, (_, i) => lanes[i % lanes.length].next());

  const stats = { samples: {}, byKind: {}, outcomes: {}, codes: {}, closes: 0, closeReasons: {}, probes: 0, raw: { usable: 0, closed: 0 } };
  const problems = [];
  const count = (bag, key) => (bag[key] = (bag[key] ?? 0) + 1);

  async function openConnection(lane) {
    const connection = new signalR.HubConnectionBuilder()
      .withUrl(`${app.baseUrl}/hubs/meeting?meeting=${a.meetingId}`, {
        accessTokenFactory: () => lane.token, transport: signalR.HttpTransportType.WebSockets,
      })
      .configureLogging(signalR.LogLevel.None)
      .build();
    const state = { connection, closedWith: undefined };
    connection.onclose((error) => (state.closedWith = error ?? null));
    await connection.start();
    return state;
  }

  async function runLane(lane, laneCases) {
    let current = await openConnection(lane);
    let sinceProbe = 0;
    for (const c of laneCases) {
      count(stats.byKind, c.kind);
      if (c.kind === "raw") {
        const result = await rawSession(app.baseUrl, lane.token, c.frames);
        if (result.usable) stats.raw.usable++;
        else if (result.reason) {
          stats.raw.closed++;
          count(stats.closeReasons, result.reason);
        } else problems.push(`raw ${JSON.stringify(c.frames).slice(0, 120)}: neither usable nor closed with a reason (${result.received.join(" | ").slice(0, 200)})`);
        continue;
      }
      let outcome;
      try {
        const result = await current.connection.invoke(c.method, ...c.args);
        outcome = c.method === "JoinMeeting" && c.args.length === 0 ? "ok" : `accepted: ${JSON.stringify(result).slice(0, 200)}`;
      } catch (error) {
        outcome = classify(error?.message ?? String(error));
        if (verbose && !stats.samples[outcome]) stats.samples[outcome] = `${c.method} ${JSON.stringify(c.args).slice(0, 200)} -> ${error?.message}`;
      }
      if (outcome === "closed") {
        // The invocation died with its connection: the server must have closed it with a reason.
        await until(10_000, () => current.closedWith !== undefined, "onclose", 5);
        stats.closes++;
        if (!current.closedWith?.message) problems.push(`${lane.role} ${c.kind} ${c.method}: connection closed without a reason`);
        else count(stats.closeReasons, current.closedWith.message);
        current = await openConnection(lane);
        sinceProbe = 0;
        count(stats.outcomes, "connection closed with a reason");
        continue;
      }
      count(stats.outcomes, outcome.startsWith("code ") ? "refused with a code" : outcome);
      if (outcome.startsWith("code ")) count(stats.codes, outcome.slice(5));
      if (outcome === "server_error" || outcome.startsWith("accepted") || outcome.startsWith("unexpected")) {
        problems.push(`${lane.role} ${c.kind} ${c.method}${c.broken ? ` [${c.broken}]` : ""} ${JSON.stringify(c.args).slice(0, 300)} -> ${outcome}`);
      }
      if (++sinceProbe >= PROBE_EVERY) {
        sinceProbe = 0;
        stats.probes++;
        const snapshot = await current.connection.invoke("JoinMeeting");
        if (snapshot.seq !== lane.seq) problems.push(`${lane.role}: the meeting moved from seq ${lane.seq} to ${snapshot.seq}`);
      }
    }
    await current.connection.stop();
  }

  const started = Date.now();
  await Promise.all(lanes.map((lane, i) => runLane(lane, cases.filter((_, k) => k % lanes.length === i))));
  const tookMs = Date.now() - started;

  const fuzzLog = log.slice(logLinesBefore);
  const failures = failureLines(fuzzLog);
  if (verbose || problems.length > 0 || failures.length > 0) console.error(JSON.stringify(stats, null, 2));
  if (problems.length > 0) console.error(problems.join("\n"));
  if (failures.length > 0) console.error(fuzzLog.filter((l) => !/ warn: |^\[out\]\s+Refused /.test(l)).slice(0, 400).join("\n"));
  assert.deepEqual(problems.slice(0, 30), [], `${problems.length} problems (seed ${seed})`);
  assert.deepEqual(failures.slice(0, 40), [], `the Api logged failures (seed ${seed})`);

  // Both meetings are exactly as before, in memory and in PostgreSQL.
  assert.deepEqual(await snapshotOf(a), before.a, "meeting A unchanged (GET snapshot)");
  assert.deepEqual(await snapshotOf(b), before.b, "meeting B unchanged (GET snapshot)");
  assert.deepEqual(await storedCounts(app, a.meetingId), before.storedA, "meeting A: no event stored");
  assert.deepEqual(await storedCounts(app, b.meetingId), before.storedB, "meeting B: no event stored");
  assert.equal(Object.values(stats.byKind).reduce((x, y) => x + y, 0), CASES);

  console.log(`# fuzz: ${CASES} cases in ${tookMs} ms over ${lanes.length} connections: ${JSON.stringify(stats.outcomes)}; ` +
    `raw frames: ${stats.raw.usable} left the connection usable, ${stats.raw.closed} closed it with a reason; ` +
    `${stats.probes} JoinMeeting probes; codes: ${JSON.stringify(stats.codes)}`);
});

/** What the client saw: a coded refusal, a binding failure, a dead connection, or something that must not happen. */
function classify(message) {
  const coded = /HubException: ([a-z][a-z0-9_]*): /.exec(message);
  if (coded) return coded[1] === "server_error" ? "server_error" : `code ${coded[1]}`;
  // Arguments that do not bind (wrong types, counts, JSON): SignalR's own refusal, without details (EnableDetailedErrors is off).
  if (/^Failed to invoke '[^']*' due to an error on the server\.$/.test(message)) return "argument binding refused";
  if (/^Failed to invoke '[^']*' due to an error on the server\. HubException: Method does not exist\./.test(message)) return "unknown method refused";
  if (/^Failed to invoke '[^']*' due to an error on the server\./.test(message)) return `binding: ${message.slice(0, 160)}`;
  if (/^Server returned an error on close: |underlying connection being closed|Invocation canceled|Cannot send data if the connection is not in the 'Connected' State/i.test(message)) return "closed";
  return `unexpected: ${message.slice(0, 200)}`;
}
