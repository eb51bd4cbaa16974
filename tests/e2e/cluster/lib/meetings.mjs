// Meetings for the cluster tests: set up through nginx, people connected with the client module's MeetingClient (its
// reconnect, rejoin, resync on sequence gaps and command retries with the same commandId), a vote load that keeps
// every meeting voting, a ledger of every acknowledged command, and the checks against PostgreSQL and the clients.
import { randomUUID } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import * as signalR from "@microsoft/signalr";
import { MeetingClient, applyEvents, emptyState, signalRTransport } from "../../lib/client.mjs";
import { facilitatorHttp } from "../../lib/facilitator.mjs";
import { signalRLogger, verbose } from "../../lib/signalRLog.mjs";
import { sleep, within } from "../../lib/wait.mjs";

export { signalR };

/** The short form of an id used in messages. */
export const short = (id) => String(id).slice(0, 8);

/** How long one command may take to be answered (it is retried with the same commandId meanwhile) before it counts as lost. */
export const COMMAND_LIMIT_MS = 60_000;

/** The event each command used here produces, at its ack's seq. */
const EVENT_OF = { OpenPoll: "pollOpened", CastBallot: "ballotCast", ClosePoll: "pollClosed", MoveToPhase: "phaseChanged" };

/**
 * Every command a test sent and what became of it, per meeting: acknowledged (commandId -> ack), refused, or still
 * unanswered. Set-up commands (create, joins) are listed too, so PostgreSQL can be compared with it exactly.
 */
export class Ledger {
  constructor() {
    /** @type {Map<string, { setup: Set<string>, acks: Map<string, { method: string, seq: number, id: string | null, who: string, at: number }>, refused: any[], unanswered: Map<string, any> }>} */
    this.meetings = new Map();
  }

  of(meetingId) {
    let m = this.meetings.get(meetingId);
    if (!m) {
      m = { setup: new Set(), acks: new Map(), refused: [], unanswered: new Map() };
      this.meetings.set(meetingId, m);
    }
    return m;
  }

  setup(meetingId, commandId) {
    this.of(meetingId).setup.add(commandId);
  }

  sent(meetingId, commandId, method, who) {
    this.of(meetingId).unanswered.set(commandId, { method, who, at: Date.now() });
  }

  acked(meetingId, commandId, method, ack, who) {
    const m = this.of(meetingId);
    m.unanswered.delete(commandId);
    m.acks.set(commandId, { method, seq: ack.seq, id: ack.id ?? null, who, at: Date.now() });
  }

  refused(meetingId, commandId, method, error, who) {
    const m = this.of(meetingId);
    m.unanswered.delete(commandId);
    m.refused.push({ commandId, method, who, code: error?.code ?? "error", message: error?.message ?? String(error) });
  }

  get ackCount() {
    let n = 0;
    for (const m of this.meetings.values()) n += m.acks.size;
    return n;
  }
}

/**
 * A MeetingClient that keeps a record of what happened to it: each status it went through (with the time), each
 * command retry and each resync its log mentions.
 *   skipNegotiation: connect straight with a WebSocket (for round robin, where a negotiate and its WebSocket could
 *   reach different nodes).
 */
export function watchedClient({ baseUrl, meetingId, token, label, skipNegotiation = false }) {
  const watch = { label, statuses: [], retries: [], resyncs: [], lines: [] };
  const transport = signalRTransport({
    baseUrl, meetingId, token, signalR, logger: signalRLogger,
    configure: skipNegotiation
      ? (builder) => builder.withUrl(builder.url, { transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true })
      : (builder) => builder.withUrl(builder.url, { transport: signalR.HttpTransportType.WebSockets }),
  });
  const client = new MeetingClient({
    baseUrl, meetingId, token, signalR, transport,
    log: (message) => {
      const at = Date.now();
      watch.lines.push(`${new Date(at).toISOString()} [${label}] ${message}`);
      if (watch.lines.length > 200) watch.lines.shift();
      if (/^\[meeting \w+\] retrying /.test(message)) watch.retries.push({ at, message });
      if (/gap:|fresh snapshot|resync/.test(message)) watch.resyncs.push({ at, message });
      if (verbose) console.error(`[${label}] ${message}`);
    },
  });
  client.onStatus((status, error) => watch.statuses.push({ at: Date.now(), status, code: error?.code }));
  return { client, watch, label };
}

/**
 * Creates a meeting through `baseUrl` as the e2e facilitator, joins `members` members, and connects the facilitator
 * and each member with a watched MeetingClient. Every create/join commandId goes into the ledger.
 * @returns {Promise<Meeting>}
 */
export async function setUpMeeting({ baseUrl, title, members: count, ledger, skipNegotiation = false, http }) {
  http ??= await facilitatorHttp(baseUrl);
  const createId = randomUUID();
  const created = await http.createMeeting({ title, facilitatorName: "Fay", commandId: createId });
  const meetingId = created.meetingId;
  ledger.setup(meetingId, createId);
  const joined = [];
  for (let i = 0; i < count; i++) {
    const commandId = randomUUID();
    const name = `${title} M${i + 1}`;
    const join = await http.join({ code: created.joinCode, displayName: name, commandId });
    ledger.setup(meetingId, commandId);
    joined.push({ name, token: join.token, participantId: join.participantId });
  }
  const person = (name, token, participantId) => ({
    name, participantId, token, ...watchedClient({ baseUrl, meetingId, token, label: `${short(meetingId)} ${name}`, skipNegotiation }),
  });
  const meeting = {
    title, meetingId, http, created,
    facilitator: person("Fay", created.facilitatorToken, created.facilitatorId),
    members: joined.map((j) => person(j.name.replace(`${title} `, ""), j.token, j.participantId)),
    /** The node that served the meeting at the last look (nodeServing). */
    node: null,
    /** A command refused for good, or not answered in time: the vote loop stopped on it. */
    failure: null,
    polls: 0,
  };
  meeting.people = [meeting.facilitator, ...meeting.members];
  return meeting;
}

/** Runs `fn` over `items`, at most `limit` at a time. */
export async function pool(items, limit, fn) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i], i);
    }
  }));
}

/** Starts every client of the meetings; resolves when all are connected (bounded). */
export async function connectAll(meetings, limitMs = 90_000) {
  await within(limitMs, pool(meetings.flatMap((m) => m.people), 20, (p) => p.client.start()), "every client to connect and join");
}

/**
 * Sends one command with a fresh commandId and records it: acknowledged (the ack, once this client's state includes
 * it), refused, or not answered within COMMAND_LIMIT_MS. Throws on the last two.
 */
export async function command(ledger, meeting, person, method, args) {
  const commandId = randomUUID();
  ledger.sent(meeting.meetingId, commandId, method, person.name);
  try {
    const ack = await within(COMMAND_LIMIT_MS, person.client.send(method, args, commandId),
      `${method} ${commandId} of ${person.label} (meeting ${meeting.meetingId}) to be answered`);
    ledger.acked(meeting.meetingId, commandId, method, ack, person.name);
    return ack;
  } catch (error) {
    if (!/^timed out/.test(error?.message ?? "")) ledger.refused(meeting.meetingId, commandId, method, error, person.name);
    throw error;
  }
}

/**
 * Keeps every meeting voting: the facilitator opens a poll, each member votes after a random moment within
 * `voteWindowMs`, the facilitator closes the poll once every ballot is acknowledged, and again, until stop().
 * A meeting whose command is refused for good (or not answered in time) stops and keeps the reason in `failure`.
 */
export class VoteLoad {
  constructor(ledger, meetings, { voteWindowMs = 1_500, pauseMs = 500 } = {}) {
    this.ledger = ledger;
    this.meetings = meetings;
    this.voteWindowMs = voteWindowMs;
    this.pauseMs = pauseMs;
    this.running = false;
    this.loops = [];
  }

  start() {
    if (this.running) return;
    this.running = true;
    this.loops = this.meetings.filter((m) => !m.failure).map((m) => this.loop(m));
  }

  /** Lets each meeting finish the poll it is in (bounded), then resolves. */
  async stop(limitMs = 90_000) {
    this.running = false;
    await within(limitMs, Promise.all(this.loops), "every meeting to finish its poll");
    this.loops = [];
  }

  async loop(m) {
    const { ledger } = this;
    try {
      await sleep(Math.random() * this.pauseMs);
      while (this.running) {
        m.polls++;
        const poll = await command(ledger, m, m.facilitator, "OpenPoll",
          { itemId: null, question: `Poll ${m.polls} of ${m.title}`, options: null, secret: false, handCount: false });
        await Promise.all(m.members.map(async (member) => {
          await sleep(Math.random() * this.voteWindowMs);
          const optionId = ["yes", "no", "not-sure"][Math.floor(Math.random() * 3)];
          await command(ledger, m, member, "CastBallot", { pollId: poll.id, optionId, forMemberId: null });
        }));
        await command(ledger, m, m.facilitator, "ClosePoll", { pollId: poll.id });
        await sleep(this.pauseMs * (0.5 + Math.random()));
      }
    } catch (error) {
      m.failure = `${error?.code ? `${error.code}: ` : ""}${error?.message ?? String(error)}`;
    }
  }
}

/**
 * Which node serves a meeting now: the node that answers GET /api/meetings/<id>/snapshot through `baseUrl` (with
 * meeting affinity, the node every connection of the meeting is sent to). Returns { node, seq }.
 */
export async function nodeServing(cluster, baseUrl, meeting) {
  const response = await fetch(`${baseUrl}/api/meetings/${meeting.meetingId}/snapshot`, {
    headers: { Authorization: `Bearer ${meeting.created.facilitatorToken}`, Accept: "application/json" },
    signal: AbortSignal.timeout(10_000),
  });
  const node = cluster.nodeOf(response);
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(`GET snapshot of meeting ${meeting.meetingId} answered ${response.status} (node ${node})`);
  return { node, seq: body.seq, phase: body.phase };
}

/** What a client went through since `since` (ms): statuses other than "connected", retries, resyncs. */
export function troubleSince(person, since) {
  const w = person.watch;
  const statuses = w.statuses.filter((s) => s.at >= since && s.status !== "connected").map((s) => s.status + (s.code ? `(${s.code})` : ""));
  const retries = w.retries.filter((r) => r.at >= since).map((r) => r.message.replace(/^\[meeting \w+\] /, ""));
  const resyncs = w.resyncs.filter((r) => r.at >= since).map((r) => r.message.replace(/^\[meeting \w+\] /, ""));
  return { statuses, retries, resyncs, any: statuses.length + retries.length > 0 };
}

/**
 * Every client of each meeting is connected and holds exactly the state of GET snapshot (read through `baseUrl`), and
 * a replay of every stored event gives that snapshot. Waits up to `waitMs` for the clients to get there. Returns the
 * problems found (strings naming meeting, person and node), empty when none.
 */
export async function inStepProblems(cluster, baseUrl, meetings, waitMs = 30_000) {
  const problems = [];
  await pool(meetings, 5, async (m) => {
    const token = m.created.facilitatorToken;
    let snapshot;
    try {
      snapshot = await m.http.getSnapshot(m.meetingId, token);
    } catch (error) {
      problems.push(`meeting ${m.meetingId}: GET snapshot failed (${error.code ?? ""} ${error.message})`);
      return;
    }
    const deadline = Date.now() + waitMs;
    while (Date.now() < deadline && !m.people.every((p) => p.client.status === "connected" && p.client.state?.seq === snapshot.seq)) {
      await sleep(100);
    }
    for (const p of m.people) {
      if (p.client.status !== "connected" || p.client.state?.seq !== snapshot.seq) {
        problems.push(`meeting ${m.meetingId} (${m.title}, node ${m.node ?? "?"}): ${p.name} is ${p.client.status} at seq ` +
          `${p.client.state?.seq} after ${waitMs / 1000} s, the server is at seq ${snapshot.seq}`);
      } else if (!isDeepStrictEqual(p.client.state, snapshot)) {
        const keys = Object.keys(snapshot).filter((k) => !isDeepStrictEqual(p.client.state[k], snapshot[k]));
        problems.push(`meeting ${m.meetingId} (${m.title}): ${p.name}'s state at seq ${snapshot.seq} differs from GET snapshot in ${keys.join(", ")}`);
      }
    }
    const events = await m.http.getAllEvents(m.meetingId, token, 0);
    const replayed = applyEvents(emptyState(), events);
    if (replayed.kind !== "applied" || !isDeepStrictEqual(replayed.state, snapshot)) {
      const keys = Object.keys(snapshot).filter((k) => !isDeepStrictEqual(replayed.state?.[k], snapshot[k]));
      problems.push(`meeting ${m.meetingId} (${m.title}): replaying its ${events.length} stored events does not give GET snapshot ` +
        `(${replayed.kind}; differs in ${keys.join(", ")})`);
    }
  });
  void cluster;
  return problems;
}

/**
 * PostgreSQL against the ledger, for each meeting: every acknowledged command is stored exactly once (one
 * processed_commands row, with the ack's seq) and applied exactly once (one event of its kind at the ack's seq, and as
 * many events of each kind as acknowledged commands of that kind: none applied twice); nothing is stored that was
 * never acknowledged; the events run 1..version with no gap; ballots rows = ballotCast events, one per member and poll.
 * Returns the problems (strings naming the meeting, the command and its sender), empty when none.
 */
export async function integrityProblems(cluster, ledger, meetings) {
  const problems = [];
  const ids = meetings.map((m) => m.meetingId);
  const processed = await cluster.dbQuery(
    "select meeting_id::text as meeting_id, command_id::text as command_id, seq::int as seq, result from processed_commands where meeting_id = any($1::uuid[])",
    [ids]);
  const events = await cluster.dbQuery(
    `select meeting_id::text as meeting_id, seq::int as seq, type, payload->>'pollId' as poll_id, payload->>'memberId' as member_id
       from meeting_events where meeting_id = any($1::uuid[]) order by meeting_id, seq`, [ids]);
  const versions = await cluster.dbQuery("select id::text as id, version::int as version, phase from meetings where id = any($1::uuid[])", [ids]);
  const ballots = await cluster.dbQuery(
    "select meeting_id::text as meeting_id, count(*)::int as n from ballots where meeting_id = any($1::uuid[]) group by meeting_id", [ids]);

  for (const m of meetings) {
    const id = m.meetingId;
    const where = `meeting ${id} (${m.title}, node ${m.node ?? "?"})`;
    const book = ledger.of(id);
    const rows = processed.filter((r) => r.meeting_id === id);
    const byCommand = new Map();
    for (const r of rows) byCommand.set(r.command_id, [...(byCommand.get(r.command_id) ?? []), r]);
    const evs = events.filter((e) => e.meeting_id === id);
    const bySeq = new Map(evs.map((e) => [e.seq, e]));
    const version = versions.find((v) => v.id === id);

    for (const [commandId, ack] of book.acks) {
      const stored = byCommand.get(commandId) ?? [];
      if (stored.length !== 1) {
        problems.push(`${where}: ${ack.method} ${commandId} by ${ack.who} was acknowledged (seq ${ack.seq}) but is stored ${stored.length} times`);
        continue;
      }
      if (stored[0].seq !== ack.seq) {
        problems.push(`${where}: ${ack.method} ${commandId} by ${ack.who}: acknowledged with seq ${ack.seq}, stored with seq ${stored[0].seq}`);
      }
      const event = bySeq.get(ack.seq);
      if (!event || event.type !== EVENT_OF[ack.method]) {
        problems.push(`${where}: ${ack.method} ${commandId} by ${ack.who}: the event at its seq ${ack.seq} is ${event?.type ?? "missing"}, not ${EVENT_OF[ack.method]}`);
      }
    }
    for (const [commandId, stored] of byCommand) {
      if (!book.acks.has(commandId) && !book.setup.has(commandId)) {
        problems.push(`${where}: command ${commandId} is stored (seq ${stored.map((r) => r.seq).join(", ")}) but was never acknowledged to a client`);
      }
    }
    for (const commandId of book.setup) {
      if (!byCommand.has(commandId)) problems.push(`${where}: the set-up command ${commandId} (create or join) is not stored`);
    }
    // Applied exactly once: as many events of each kind as acknowledged commands of that kind.
    for (const [method, type] of Object.entries(EVENT_OF)) {
      const acked = [...book.acks.values()].filter((a) => a.method === method).length;
      const stored = evs.filter((e) => e.type === type).length;
      if (acked !== stored) problems.push(`${where}: ${acked} ${method} acknowledged, ${stored} ${type} events stored`);
    }
    const ballotKeys = evs.filter((e) => e.type === "ballotCast").map((e) => `${e.poll_id}:${e.member_id}`);
    if (new Set(ballotKeys).size !== ballotKeys.length) problems.push(`${where}: a member has two ballotCast events in one poll`);
    const ballotRows = ballots.find((b) => b.meeting_id === id)?.n ?? 0;
    if (ballotRows !== ballotKeys.length) problems.push(`${where}: ${ballotRows} ballots rows, ${ballotKeys.length} ballotCast events`);
    const seqs = evs.map((e) => e.seq);
    if (seqs.some((s, i) => s !== i + 1)) problems.push(`${where}: the stored events do not run 1..${seqs.length} without a gap`);
    if (version?.version !== seqs.length) problems.push(`${where}: the meeting row's version is ${version?.version}, ${seqs.length} events stored`);
    if (version?.phase === "closed") problems.push(`${where}: the meeting is closed`);
    for (const r of book.refused) problems.push(`${where}: ${r.method} ${r.commandId} by ${r.who} was refused: ${r.code} ${r.message}`);
    for (const [commandId, u] of book.unanswered) {
      problems.push(`${where}: ${u.method} ${commandId} by ${u.who} was never answered (sent ${Math.round((Date.now() - u.at) / 1000)} s ago)`);
    }
    if (m.failure) problems.push(`${where}: its vote loop stopped: ${m.failure}`);
  }
  return problems;
}

/** A list of problems as one assertion message (the first `max` of them, and how many more). */
export function report(title, problems, max = 25) {
  const shown = problems.slice(0, max).map((p) => `  - ${p}`).join("\n");
  const more = problems.length > max ? `\n  ... and ${problems.length - max} more` : "";
  return `${title}: ${problems.length} problem(s)\n${shown}${more}`;
}

/** Stops every client (bounded; a client that will not stop is left to the process exit). */
export async function stopClients(meetings) {
  await Promise.race([
    Promise.allSettled(meetings.flatMap((m) => m.people.map((p) => p.client.stop()))),
    sleep(15_000),
  ]);
}
