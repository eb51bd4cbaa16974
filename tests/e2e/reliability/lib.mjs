// Shared pieces of the reliability tests (tests/e2e/reliability/*.test.mjs): a seeded PRNG, MeetingClients whose
// WebSocket the test can cut abruptly (and keep cut for a while), forum set-up, ballot bookkeeping and the checks that
// every client, GET snapshot, a replay of GET events and PostgreSQL agree.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import * as signalR from "@microsoft/signalr";
import { MeetingClient, applyEvents, emptyState, signalRTransport } from "../lib/client.mjs";
import { freePort } from "../lib/app.mjs";
import { facilitatorHttp } from "../lib/facilitator.mjs";
import { signalRLogger, verbose } from "../lib/signalRLog.mjs";
import { until, within } from "../lib/wait.mjs";

export { signalR };

// The very `ws` module @microsoft/signalr uses in Node (its dependency), so the sockets we cut are the real ones.
const WebSocket = createRequire(createRequire(import.meta.url).resolve("@microsoft/signalr"))("ws");

/**
 * The seed for this run: `envName` when set (to replay a failure), otherwise a fresh one. Printed either way.
 * @returns {number}
 */
export function seedFrom(envName, what) {
  const given = process.env[envName];
  const seed = given ? Number(given) >>> 0 : Math.floor(Math.random() * 2 ** 32) >>> 0;
  console.log(`# ${what}: seed ${seed} (replay with ${envName}=${seed})`);
  return seed;
}

/** mulberry32: a small seeded PRNG; returns a function giving floats in [0, 1). */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.int = (n) => Math.floor(next() * n);
  next.pick = (list) => list[Math.floor(next() * list.length)];
  next.between = (lo, hi) => lo + next() * (hi - lo);
  return next;
}

/**
 * A TCP port nobody listens on (connections to it are refused): where an "offline" client's WebSocket goes. A free
 * port is just that, until something takes it.
 */
export const refusedPort = freePort;

/**
 * A MeetingClient over real SignalR (the client module's own signalRTransport, WebSockets only) whose socket the test
 * can cut like a phone losing Wi-Fi: `cut()` destroys the TCP connection with no close frame (ws.terminate());
 * `cut(ms)` also keeps every new WebSocket of this client failing (connection refused) for `ms`.
 * A short cut is healed by SignalR's stateful reconnect; a long one makes the client reconnect, rejoin and resync.
 */
export function cuttableClient({ baseUrl, meetingId, token, name, deadPort, reconnectBackoff, commandBackoff, logLines }) {
  const sockets = new Set();
  let offlineUntil = 0;
  class CuttableWebSocket extends WebSocket {
    constructor(url, protocols, options) {
      const offline = Date.now() < offlineUntil;
      super(offline ? String(url).replace(/^(wss?:\/\/)[^/]+/, `$1127.0.0.1:${deadPort}`) : url, protocols, options);
      sockets.add(this);
      this.once("close", () => sockets.delete(this));
    }
  }
  const transport = signalRTransport({
    baseUrl, meetingId, token, signalR, logger: signalRLogger,
    configure: (builder) => builder.withUrl(builder.url, { WebSocket: CuttableWebSocket, transport: signalR.HttpTransportType.WebSockets }),
  });
  const client = new MeetingClient({
    baseUrl, meetingId, token, signalR, transport, reconnectBackoff, commandBackoff,
    log: (message) => {
      logLines?.push(`[${name}] ${message}`);
      if (verbose) console.error(`[${name}] ${message}`);
    },
  });
  let cuts = 0;
  return {
    client,
    name,
    get cuts() {
      return cuts;
    },
    /** Drops the connection abruptly; with `offlineMs` > 0 it stays unreachable that long. */
    cut(offlineMs = 0) {
      cuts++;
      offlineUntil = Date.now() + offlineMs;
      for (const socket of [...sockets]) socket.terminate();
    },
  };
}

/**
 * Creates a meeting (as the e2e facilitator when the Api has accounts) and joins `members` members by HTTP.
 * @returns {Promise<{ http: any, created: any, meetingId: string, members: { name: string, token: string, participantId: string }[] }>}
 */
export async function createForum(baseUrl, { title, members: count, listener = false }) {
  const http = await facilitatorHttp(baseUrl);
  const created = await http.createMeeting({ title, facilitatorName: "Fay" });
  const members = [];
  for (let i = 0; i < count; i++) {
    const name = `M${String(i + 1).padStart(3, "0")}`;
    const joined = await http.join({ code: created.joinCode, displayName: name });
    members.push({ name, token: joined.token, participantId: joined.participantId });
  }
  let listenerJoin = null;
  if (listener) listenerJoin = await http.join({ code: created.listenerCode, displayName: "Lee" });
  return { http, created, meetingId: created.meetingId, members, listener: listenerJoin };
}

/** Counts of the meeting's rows in meeting_events, and its stored version. */
export async function storedCounts(app, meetingId) {
  const [events] = await app.dbQuery(
    "select count(*)::int as count, coalesce(max(seq), 0)::int as max from meeting_events where meeting_id = $1", [meetingId]);
  const [meeting] = await app.dbQuery("select version::int as version from meetings where id = $1", [meetingId]);
  return { events: events.count, maxSeq: events.max, version: meeting?.version ?? null };
}

/**
 * Ballots of one poll as PostgreSQL holds them: the ballots rows and the ballotCast events (each with its seq), and
 * the seq of the poll's pollClosed event (null while open).
 */
export async function storedBallots(app, meetingId, pollId) {
  const rows = await app.dbQuery(
    "select member_id, option_id, seq::int as seq from ballots where meeting_id = $1 and poll_id = $2", [meetingId, pollId]);
  const events = await app.dbQuery(
    `select seq::int as seq, payload->>'memberId' as member_id, payload->>'optionId' as option_id
       from meeting_events where meeting_id = $1 and type = 'ballotCast' and payload->>'pollId' = $2 order by seq`,
    [meetingId, pollId]);
  const [closed] = await app.dbQuery(
    "select seq::int as seq from meeting_events where meeting_id = $1 and type = 'pollClosed' and payload->>'pollId' = $2",
    [meetingId, pollId]);
  return { rows, events, closedSeq: closed?.seq ?? null };
}

/**
 * Checks one poll: every acknowledged ballot is stored (0 lost) with its option, nothing is stored that was not
 * acknowledged, and no member has two ballots or two ballotCast events (0 duplicates).
 * @param {Map<string, string>} acked memberId -> optionId of the acknowledged ballots
 */
export async function assertBallotsMatch(app, meetingId, pollId, acked, label) {
  const { rows, events, closedSeq } = await storedBallots(app, meetingId, pollId);
  const eventMembers = events.map((e) => e.member_id);
  assert.equal(new Set(eventMembers).size, eventMembers.length, `${label}: a member has two ballotCast events`);
  assert.equal(rows.length, events.length, `${label}: ballots rows == ballotCast events`);
  const lost = [...acked.keys()].filter((m) => !rows.some((r) => r.member_id === m));
  assert.deepEqual(lost, [], `${label}: acknowledged ballots missing from PostgreSQL`);
  const unacknowledged = rows.filter((r) => !acked.has(r.member_id)).map((r) => r.member_id);
  assert.deepEqual(unacknowledged, [], `${label}: stored ballots nobody was told about`);
  for (const row of rows) assert.equal(row.option_id, acked.get(row.member_id), `${label}: ${row.member_id}'s option`);
  assert.equal(rows.length, acked.size, `${label}: counted == acknowledged`);
  return { rows, events, closedSeq };
}

/**
 * Every client is connected and holds exactly GET snapshot, which equals a replay of every stored event (GET events
 * reads PostgreSQL) and PostgreSQL's own version, event count and ballots.
 */
export async function assertAllAgree({ app, http, meetingId, token, clients, waitMs = 30_000, label = "meeting" }) {
  const snapshot = await http.getSnapshot(meetingId, token);
  await within(waitMs, Promise.all(clients.map((c) => c.whenSeq(snapshot.seq))), `${label}: every client to reach seq ${snapshot.seq}`);
  await until(waitMs, () => clients.every((c) => c.status === "connected"),
    `${label}: every client connected (${clients.map((c) => c.status).join(", ")})`);
  for (const [index, client] of clients.entries()) {
    assert.equal(client.state.seq, snapshot.seq, `${label}: client ${index} seq`);
    assert.deepEqual(client.state, snapshot, `${label}: client ${index} state equals GET snapshot`);
  }
  const replayed = applyEvents(emptyState(), await http.getAllEvents(meetingId, token, 0));
  assert.equal(replayed.kind, "applied", `${label}: the stored events apply in order`);
  assert.deepEqual(replayed.state, snapshot, `${label}: replaying every stored event gives the snapshot`);
  const counts = await storedCounts(app, meetingId);
  assert.deepEqual(counts, { events: snapshot.seq, maxSeq: snapshot.seq, version: snapshot.seq },
    `${label}: PostgreSQL has one event per seq, none missing, and the meeting row's version`);
  const ballotRows = await app.dbQuery("select poll_id, member_id, option_id from ballots where meeting_id = $1", [meetingId]);
  const stateBallots = snapshot.polls.flatMap((p) => p.ballots.map((b) => ({ ...b, pollId: p.id, secret: p.secret })));
  assert.equal(ballotRows.length, stateBallots.length, `${label}: ballots rows == ballots in the state`);
  for (const b of stateBallots) {
    const row = ballotRows.find((r) => r.poll_id === b.pollId && r.member_id === b.memberId);
    assert.ok(row, `${label}: a row for ${b.memberId} in poll ${b.pollId}`);
    if (!b.secret) assert.equal(row.option_id, b.optionId);
  }
  return snapshot;
}

/** Lines of the Api's log that show a failure: "fail:"/"crit:" entries, unhandled exceptions and stack frames. */
export function failureLines(lines) {
  const known = knownFrameworkRaces(lines);
  return lines.filter((line, i) => !known.has(i) && /\b(fail|crit): |Unhandled exception|^\[(out|err)\]\s+at [\w.<>`]+/.test(line));
}

/**
 * The lines of one failure ASP.NET Core's SignalR logs itself, and only under cut connections: stateful reconnect
 * resends its buffer (MessageBuffer.ResendAsync) into a transport whose pipe has just been completed by the next cut,
 * logs "Failed writing message" (HubConnectionContext, event 6) and aborts that connection. Nothing of ours is
 * involved and nothing is lost (the client reconnects and resyncs; the tests' integrity checks still have to hold), so
 * the entry is not counted as the Api failing. Any other failure, or this one from another place, still is.
 */
function knownFrameworkRaces(lines) {
  const known = new Set();
  lines.forEach((line, start) => {
    if (!/fail: Microsoft\.AspNetCore\.SignalR\.HubConnectionContext\[6\]/.test(line)) return;
    let end = start + 1;
    while (end < lines.length && end - start < 40 && !/\b(trce|dbug|info|warn|fail|crit): /.test(lines[end])) end++;
    const entry = lines.slice(start, end).join("\n");
    if (entry.includes("NoWritingAllowed") && entry.includes("MessageBuffer.ResendAsync")) {
      for (let i = start; i < end; i++) known.add(i);
    }
  });
  return known;
}

/** A date this many days from today, "YYYY-MM-DD". */
export function daysFromToday(days) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A meeting with one of everything, in the items phase with a poll open: answers, items (agreed, current, proposed), a
 * note, a closed poll with a decision, an invited listener's response, an action, a raised card. Returns its forum,
 * the connected clients (fay, ann, ben, cat, sam who supports cat, lee the listener, the screen) and every id.
 * `texts` collects each piece of text sent (for the log test).
 */
export async function populatedMeeting(baseUrl, { title, texts = [] }) {
  const http = await facilitatorHttp(baseUrl);
  const say = (text) => {
    texts.push(text);
    return text;
  };
  const created = await http.createMeeting({ title: say(title), facilitatorName: say(`Fay ${title}`) });
  const { meetingId } = created;
  const join = (displayName, extra = {}) => http.join({ code: created.joinCode, displayName: say(displayName), ...extra });
  const annJoin = await join(`Ann ${title}`);
  const benJoin = await join(`Ben ${title}`);
  const catJoin = await join(`Cat ${title}`);
  const samJoin = await join(`Sam ${title}`, { role: "supporter", supportsMemberId: catJoin.participantId });
  const leeJoin = await http.join({ code: created.listenerCode, displayName: say(`Lee ${title}`) });
  const tokens = {
    fay: created.facilitatorToken, screen: created.screenToken, ann: annJoin.token, ben: benJoin.token, cat: catJoin.token,
    sam: samJoin.token, lee: leeJoin.token,
  };
  const clients = Object.fromEntries(Object.entries(tokens).map(([name, token]) =>
    [name, new MeetingClient({ baseUrl, meetingId, token, signalR, signalRLogger })]));
  await within(30_000, Promise.all(Object.values(clients).map((c) => c.start())), `${title}: everyone to join`);
  const { fay, ann, ben, sam, lee } = clients;

  await ann.answerQuestion({ question: "whyAreYouHere", text: say(`To be heard (${title})`) });
  const wish = await ann.answerQuestion({ question: "whatDoYouWantToDo", text: say(`Talk about the buses (${title})`) });
  const buses = await fay.promoteAnswer({ answerId: wish.id, title: say(`Buses (${title})`) });
  const parks = await ben.proposeItem({ title: say(`Parks (${title})`) });
  const cake = await sam.proposeItem({ title: say(`Cake (${title})`), forMemberId: catJoin.participantId });
  await fay.moveToPhase({ phase: "agenda" });
  await fay.agreeAgenda({ itemIds: [buses.id, parks.id] });
  await fay.moveToPhase({ phase: "items" });
  await fay.startItem({ itemId: buses.id });
  await fay.addNote({ itemId: buses.id, text: say(`The 42 bus is late (${title})`) });
  const closedPoll = await fay.openPoll({ itemId: buses.id, question: say(`Write to the bus company? (${title})`), secret: false, handCount: false });
  await ann.castBallot({ pollId: closedPoll.id, optionId: "yes" });
  await sam.castBallot({ pollId: closedPoll.id, optionId: "no", forMemberId: catJoin.participantId });
  await fay.closePoll({ pollId: closedPoll.id });
  const decision = await fay.recordDecision({ itemId: buses.id, text: say(`We will write (${title})`), level: "coProduction", pollId: closedPoll.id });
  await fay.inviteListener({ listenerId: leeJoin.participantId, itemId: buses.id });
  const response = await lee.respondAsListener({ text: say(`I will raise it with the board (${title})`), itemId: buses.id });
  const action = await fay.addAction({
    itemId: buses.id, what: say(`Write the letter (${title})`), ownerId: annJoin.participantId, supporterId: null,
    dueDate: daysFromToday(30), fromResponseId: null,
  });
  const card = await ann.raiseCard({ kind: "question" });
  const openPoll = await fay.openPoll({
    itemId: buses.id, question: say(`Which day? (${title})`), secret: false, handCount: false,
    options: [{ label: say(`Monday ${title}`), picture: null }, { label: say(`Friday ${title}`), picture: null }],
  });
  const last = await ben.castBallot({ pollId: openPoll.id, optionId: "o1" });
  await within(30_000, Promise.all(Object.values(clients).map((c) => c.whenSeq(last.seq))), `${title}: everyone in step`);

  const ids = {
    meetingId,
    participants: {
      fay: created.facilitatorId, ann: annJoin.participantId, ben: benJoin.participantId, cat: catJoin.participantId,
      sam: samJoin.participantId, lee: leeJoin.participantId,
    },
    answer: wish.id, items: { current: buses.id, agreed: parks.id, proposed: cake.id },
    polls: { closed: closedPoll.id, open: openPoll.id }, decision: decision.id, response: response.id, action: action.id,
    card: card.id,
  };
  return { http, created, meetingId, tokens, clients, ids, texts };
}
