// One load-generator process: owns a share of the meetings (every connection of a meeting lives in the same
// process, so "arrived at every member" can be measured without crossing processes). Driven by bench.mjs over IPC:
//   setup -> connect -> run -> close, each answered with a message. See bench/README.md for the scenario.
import { randomUUID } from "node:crypto";
import { monitorEventLoopDelay } from "node:perf_hooks";
import * as signalR from "@microsoft/signalr";
import { Histograms, RETRIABLE, errorCode, nowMs, parseAtMs, pick, sleep } from "./common.mjs";

/** @type {any} */
let config;
/** @type {Meeting[]} */
let meetings = [];
const stats = new Histograms();
const counters = {
  commands: 0,
  ballotsAcked: 0,
  errors: /** @type {Record<string, number>} */ ({}),
  retries: 0,
  unexpectedDisconnects: 0,
  connectFailures: 0,
  httpRetries: 0,
  negativeLatencies: 0,
  eventsReceived: 0,
};
let measuring = false;
let stopping = false;
let runEndsAt = Infinity;
/** From this moment on (the "everyone at once" poll) measurements also go to the *_burst histograms, else *_steady. */
let burstFrom = Infinity;
const phaseOf = (t) => (t >= burstFrom ? "burst" : "steady");
const inflight = new Set();

const CARD_KINDS = ["stop", "slowDown", "question", "break"];
const LEVELS = ["coProduction", "coDesign", "engagement", "consultation"];

function countError(code) {
  counters.errors[code] = (counters.errors[code] ?? 0) + 1;
}

/** Runs a reaction or a script step without letting one failure stop the process. */
function spawnTask(promise) {
  const p = promise.catch((e) => countError(`task:${errorCode(e)}`)).finally(() => inflight.delete(p));
  inflight.add(p);
  return p;
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP (ForumHub only: create and join)

async function httpJson(method, path, body, headers = {}) {
  for (let attempt = 0; ; attempt++) {
    let response;
    try {
      response = await fetch(`${config.url}${path}`, {
        method,
        headers: { "Content-Type": "application/json", Accept: "application/json", ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      if (attempt >= 8) throw error;
      counters.httpRetries++;
      await sleep(250 * 2 ** Math.min(attempt, 4));
      continue;
    }
    const text = await response.text();
    if (response.ok) return JSON.parse(text);
    if ([429, 503, 409].includes(response.status) && attempt < 8 && !/duplicate_command_id/.test(text)) {
      counters.httpRetries++;
      await sleep(250 * 2 ** Math.min(attempt, 4));
      continue;
    }
    throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  }
}

async function pool(items, limit, fn) {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i], i);
    }
  });
  await Promise.all(runners);
}

// ---------------------------------------------------------------------------------------------------------------

class Person {
  constructor(meeting, role, name) {
    this.meeting = meeting;
    this.role = role;
    this.name = name;
    this.id = null;
    this.token = null;
    /** @type {signalR.HubConnection | null} */
    this.conn = null;
    this.ready = false;
    this.buffer = [];
    this.lastSeq = 0;
    this.gaps = 0;
    this.duplicates = 0;
    this.received = 0;
    this.disconnected = false;
  }

  get isVoter() {
    return this.role === "member";
  }

  async connect() {
    const m = this.meeting;
    // As the web app's client does (src/Web/src/client/meetingClient.ts): negotiate, WebSockets, stateful reconnect.
    const options = { transport: signalR.HttpTransportType.WebSockets };
    if (this.token) options.accessTokenFactory = () => this.token;
    const conn = new signalR.HubConnectionBuilder()
      .withUrl(`${config.url}/hubs/meeting?meeting=${m.id}`, options)
      .withStatefulReconnect()
      .configureLogging(signalR.LogLevel.None)
      .build();
    conn.serverTimeoutInMilliseconds = 60_000;
    conn.on("MeetingEvent", (envelope) => this.onEvent(envelope));
    conn.on("MinutesReady", () => {});
    conn.onclose(() => {
      if (!stopping) {
        counters.unexpectedDisconnects++;
        this.disconnected = true;
      }
      this.ready = false;
    });
    this.conn = conn;
    await conn.start();
    const snapshot = await conn.invoke("JoinMeeting");
    this.lastSeq = snapshot.seq;
    m.noteSeq(snapshot.seq);
    this.ready = true;
    const buffered = this.buffer;
    this.buffer = [];
    for (const [envelope, t] of buffered) if (envelope.seq > this.lastSeq) this.apply(envelope, t);
  }

  onEvent(envelope) {
    const t = nowMs();
    counters.eventsReceived++;
    if (!this.ready) {
      this.buffer.push([envelope, t]);
      return;
    }
    this.apply(envelope, t);
  }

  apply(envelope, t) {
    const m = this.meeting;
    if (envelope.seq <= this.lastSeq) {
      this.duplicates++;
      return;
    }
    if (envelope.seq > this.lastSeq + 1) this.gaps += envelope.seq - this.lastSeq - 1;
    this.lastSeq = envelope.seq;
    this.received++;
    m.noteSeq(envelope.seq);
    if (measuring) m.measureDelivery(this, envelope, t);
    m.react(this, envelope);
  }

  /** Sends a command with a fresh commandId; retriable refusals are retried with the same id. */
  async cmd(method, args) {
    const body = { commandId: randomUUID(), ...args };
    const t0 = nowMs();
    for (let attempt = 0; ; attempt++) {
      try {
        const ack = await this.conn.invoke(method, body);
        const dt = nowMs() - t0;
        if (measuring) {
          stats.record("ack_all", dt);
          stats.record(`ack_all_${phaseOf(t0)}`, dt);
          stats.record(`ack_${method}`, dt);
          counters.commands++;
        }
        this.meeting.noteSeq(ack.seq);
        return ack;
      } catch (error) {
        const code = errorCode(error);
        countError(`${method}:${code}`);
        if (!RETRIABLE.has(code) || code === "transport" || attempt >= 5 || stopping) throw error;
        counters.retries++;
        await sleep(200 * (attempt + 1));
      }
    }
  }
}

class Meeting {
  constructor(spec) {
    this.index = spec.index;
    this.size = spec.size;
    this.big = spec.big === true;
    this.id = null;
    this.joinCode = null;
    this.listenerCode = null;
    /** @type {Person[]} */
    this.people = [];
    this.facilitator = new Person(this, "facilitator", "Sam");
    this.screen = new Person(this, "screen", "Shared screen");
    this.listener = null;
    /** @type {Person[]} */
    this.members = [];
    this.people.push(this.facilitator, this.screen);
    let others = this.size - 2;
    if (!this.big && others >= 3) {
      this.listener = new Person(this, "listener", "Pat (trustee)");
      this.people.push(this.listener);
      others--;
    }
    for (let i = 0; i < others; i++) {
      const p = new Person(this, "member", `Member ${i + 1}`);
      this.members.push(p);
      this.people.push(p);
    }
    this.maxSeq = 0;
    /** seq -> { left, max } for "arrived at every member" */
    this.pendingFanout = new Map();
    this.ballotsAcked = 0;
    this.ballotKeys = new Set();
    this.duplicateBallotAcks = 0;
    /** pollId -> ballots the facilitator has seen */
    this.ballotsSeen = new Map();
    /** "pollId:memberId" -> { sentAt, left, max, poll } (big room: ballot on every screen) */
    this.castTimes = new Map();
    this.bigPolls = new Map();
    this.waiters = [];
    this.agreedItems = [];
    this.roundsDone = 0;
    this.syncPollDone = false;
  }

  noteSeq(seq) {
    if (seq > this.maxSeq) this.maxSeq = seq;
  }

  connectedCount() {
    let n = 0;
    for (const p of this.people) if (p.ready) n++;
    return n;
  }

  measureDelivery(person, envelope, t) {
    const at = parseAtMs(envelope.at);
    let latency = t - at;
    if (latency < 0) {
      counters.negativeLatencies++;
      latency = 0;
    }
    stats.record("fanout_delivery", latency);
    if (this.big) stats.record("bigroom_delivery", latency);
    let entry = this.pendingFanout.get(envelope.seq);
    if (!entry) {
      entry = { left: this.connectedCount(), max: 0, min: Infinity };
      this.pendingFanout.set(envelope.seq, entry);
    }
    entry.max = Math.max(entry.max, latency);
    entry.min = Math.min(entry.min, latency);
    if (--entry.left <= 0) {
      stats.record("fanout_every_member", entry.max);
      stats.record(`fanout_every_member_${phaseOf(at)}`, entry.max);
      stats.record("fanout_spread", entry.max - entry.min);
      this.pendingFanout.delete(envelope.seq);
    }
    if (envelope.type === "ballotCast") {
      const d = envelope.data;
      const key = `${d.pollId}:${d.memberId ?? d.forMemberId}`;
      const cast = this.castTimes.get(key);
      if (cast) {
        const sinceCast = t - cast.sentAt;
        cast.max = Math.max(cast.max, sinceCast);
        if (--cast.left <= 0) {
          stats.record(this.big ? "bigroom_ballot_on_every_screen" : "ballot_on_every_screen", cast.max);
          this.castTimes.delete(key);
        }
        const poll = this.bigPolls.get(d.pollId);
        if (poll && --poll.deliveriesLeft === 0) {
          stats.record("bigroom_all_ballots_on_every_screen_since_first_cast", t - poll.firstSentAt);
          stats.record("bigroom_all_ballots_on_every_screen_since_last_cast", t - poll.lastSentAt);
        }
      }
    }
  }

  /** Resolves when a facilitator-side condition holds (checked on every event the facilitator sees), or after timeoutMs. */
  waitFor(predicate, timeoutMs) {
    return new Promise((resolve) => {
      const waiter = { predicate, resolve, timer: null };
      waiter.timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(null);
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** The people's reactions to what they see: voters vote, owners finish actions, the listener answers, cards come down. */
  react(person, envelope) {
    const d = envelope.data ?? {};
    const type = envelope.type;
    if (person === this.facilitator && type === "ballotCast") this.ballotsSeen.set(d.pollId, (this.ballotsSeen.get(d.pollId) ?? 0) + 1);
    if (person === this.facilitator && this.waiters.length > 0) {
      for (const w of [...this.waiters]) {
        const value = w.predicate(envelope);
        if (value) {
          clearTimeout(w.timer);
          this.waiters = this.waiters.filter((x) => x !== w);
          w.resolve(value);
        }
      }
    }
    if (stopping || nowMs() > runEndsAt) return;
    if (type === "pollOpened" && person.isVoter) {
      const pollId = d.pollId ?? d.id;
      spawnTask(this.vote(person, pollId));
    } else if (type === "listenerInvited" && person === this.listener && d.listenerId === person.id) {
      spawnTask(
        (async () => {
          await sleep(200 + Math.random() * 400);
          await person.cmd("RespondAsListener", { text: "We will look at the bus times with you.", itemId: null });
        })(),
      );
    } else if (type === "actionAdded" && d.ownerId === person.id) {
      const actionId = d.actionId ?? d.id;
      spawnTask(
        (async () => {
          await sleep(300 + Math.random() * 1200);
          await person.cmd("SetActionStatus", { actionId, status: "done" });
        })(),
      );
    } else if (type === "cardRaised" && person === this.facilitator) {
      const cardId = d.cardId ?? d.id;
      spawnTask(
        (async () => {
          await sleep(300 + Math.random() * 500);
          await person.cmd("ClearCard", { cardId });
        })(),
      );
    }
  }

  async vote(person, pollId) {
    await sleep(Math.random() * config.voteWindowMs);
    if (stopping) return;
    const key = `${pollId}:${person.id}`;
    const sentAt = nowMs();
    if (measuring) this.castTimes.set(key, { sentAt, left: this.connectedCount(), max: 0 });
    const poll = this.bigPolls.get(pollId);
    if (poll) {
      poll.firstSentAt = Math.min(poll.firstSentAt, sentAt);
      poll.lastSentAt = Math.max(poll.lastSentAt, sentAt);
    }
    const t0 = nowMs();
    await person.cmd("CastBallot", { pollId, optionId: pick(["yes", "no", "not-sure"]), forMemberId: person.id });
    const dt = nowMs() - t0;
    if (measuring) {
      stats.record("ack_ballot", dt);
      stats.record(`ack_ballot_${phaseOf(t0)}`, dt);
      if (this.big) stats.record("bigroom_ack_ballot", dt);
    }
    if (this.ballotKeys.has(key)) this.duplicateBallotAcks++;
    this.ballotKeys.add(key);
    this.ballotsAcked++;
    counters.ballotsAcked++;
  }

  async think() {
    await sleep(config.thinkMs * (0.5 + Math.random()));
  }

  // ---- the script, run by the facilitator ---------------------------------------------------------------------

  async gathering(gatherMs) {
    const f = this.facilitator;
    const tasks = [];
    const at = (ms, fn) => tasks.push(sleep(ms).then(() => (stopping ? null : fn())));
    for (const p of this.people) {
      if (p.role === "screen") continue;
      at(Math.random() * gatherMs, () =>
        p.cmd("AnswerQuestion", { question: "whyAreYouHere", text: `${p.name} is here to be heard`, picture: "smile", forMemberId: null }),
      );
      if (p.role === "member") {
        at(Math.random() * gatherMs, () =>
          p.cmd("AnswerQuestion", { question: "whatDoYouWantToDo", text: "Talk about the late buses", picture: "bus", forMemberId: null }),
        );
      }
    }
    const proposers = this.members.slice(0, Math.min(4, this.members.length));
    const items = [];
    for (const [i, p] of proposers.entries()) {
      at(Math.random() * gatherMs, async () => {
        const ack = await p.cmd("ProposeItem", { title: `Item ${i + 1}: day trips`, picture: "sun", forMemberId: null });
        items.push(ack.id);
      });
    }
    let promoted = null;
    at(Math.random() * gatherMs * 0.5, async () => {
      const answer = await f.cmd("AnswerQuestion", { question: "whatDoYouWantToDo", text: "Better buses", picture: "bus", forMemberId: null });
      await this.think();
      promoted = (await f.cmd("PromoteAnswer", { answerId: answer.id, title: null })).id;
    });
    const results = await Promise.allSettled(tasks);
    for (const r of results) if (r.status === "rejected") countError("gathering");
    if (promoted) items.push(promoted);
    await f.cmd("MoveToPhase", { phase: "agenda" });
    await this.think();
    if (items.length > 0) {
      await f.cmd("AgreeAgenda", { itemIds: items });
      this.agreedItems = [...items];
      await this.think();
      await f.cmd("MoveToPhase", { phase: "items" });
    }
  }

  async round(r) {
    const f = this.facilitator;
    const itemId = this.agreedItems[r] ?? null;
    if (itemId) {
      await f.cmd("StartItem", { itemId });
      await this.think();
      await f.cmd("AddNote", { itemId, text: "The 7 o'clock bus is often 20 minutes late." });
      await this.think();
    }
    await this.poll(itemId, `Round ${r + 1}: shall we write to the bus company?`);
    await this.think();
    if (this.listener) {
      const invited = f.cmd("InviteListener", { listenerId: this.listener.id, itemId });
      const responded = this.waitFor((e) => e.type === "listenerResponded" && (e.data.responseId ?? e.data.id), 5_000);
      await invited;
      const responseId = await responded;
      await this.think();
      const owner = pick(this.members);
      await f.cmd("AddAction", { itemId, what: "Write to the bus company", ownerId: owner.id, supporterId: null, dueDate: null, fromResponseId: responseId ?? null });
    } else {
      await f.cmd("AddAction", { itemId, what: "Write to the bus company", ownerId: pick(this.members).id, supporterId: null, dueDate: null, fromResponseId: null });
    }
    await this.think();
    const raiser = pick(this.members);
    await raiser.cmd("RaiseCard", { kind: CARD_KINDS[r % CARD_KINDS.length], forMemberId: raiser.id });
    await this.think();
    if (itemId) await f.cmd("FinishItem", { itemId });
    this.roundsDone++;
  }

  /** Opens a poll, lets every member vote within the vote window, closes it when all ballots are in (or after a timeout). */
  async poll(itemId, question) {
    const f = this.facilitator;
    const ack = await f.cmd("OpenPoll", { itemId, question, options: null, secret: false, handCount: false });
    await this.allBallotsIn(ack.id);
    await this.think();
    await f.cmd("ClosePoll", { pollId: ack.id });
    await this.think();
    await f.cmd("RecordDecision", { itemId, text: "We will write to the bus company.", level: pick(LEVELS), pollId: ack.id });
  }

  /** Waits until the facilitator has seen every member's ballot of the poll (or the vote window plus 5 s). */
  async allBallotsIn(pollId) {
    const voters = this.members.length;
    const seen = () => this.ballotsSeen.get(pollId) ?? 0;
    if (seen() < voters) await this.waitFor(() => seen() >= voters, config.voteWindowMs + 5_000);
  }

  /** The big room: polls only, every member votes within the vote window. */
  async bigPoll(r) {
    const f = this.facilitator;
    const tracking = { firstSentAt: Infinity, lastSentAt: 0, deliveriesLeft: this.members.length * this.connectedCount() };
    const ack = await f.cmd("OpenPoll", { itemId: null, question: `Big room vote ${r + 1}`, options: null, secret: false, handCount: false });
    if (measuring) this.bigPolls.set(ack.id, tracking);
    await this.allBallotsIn(ack.id);
    await this.think();
    await f.cmd("ClosePoll", { pollId: ack.id });
    this.roundsDone++;
  }

  async runScript(startAt, syncAt, endAt) {
    const f = this.facilitator;
    await sleep(startAt - nowMs());
    if (this.big) {
      await f.cmd("MoveToPhase", { phase: "agenda" });
      let r = 0;
      await sleep(Math.random() * config.bigRoundEveryMs);
      while (nowMs() + config.voteWindowMs + 2_000 < syncAt && !stopping) {
        const next = nowMs() + config.bigRoundEveryMs;
        await this.bigPoll(r++);
        await sleep(next - nowMs());
      }
      return;
    }
    const gatherMs = config.gatherMs;
    await this.gathering(gatherMs);
    // Meetings are independent: each starts its rounds at a random point of the round period, so polls do not line up.
    await sleep(Math.random() * config.roundEveryMs);
    let r = 0;
    while (nowMs() + config.roundEstimateMs < syncAt && !stopping) {
      const next = nowMs() + config.roundEveryMs;
      await this.round(r++);
      await sleep(Math.min(next, syncAt) - nowMs());
    }
    if (config.syncPoll && !stopping) {
      await sleep(syncAt - nowMs());
      await this.poll(null, "Everyone at once: is this a good time for the next meeting?");
      this.syncPollDone = true;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------

async function setupForumHub(m) {
  const headers = config.cookie ? { Cookie: config.cookie } : {};
  const created = await httpJson(
    "POST",
    "/api/meetings",
    { commandId: randomUUID(), title: `Bench forum ${m.index}`, facilitatorName: "Sam" },
    headers,
  );
  m.id = created.meetingId;
  m.joinCode = created.joinCode;
  m.listenerCode = created.listenerCode;
  m.facilitator.id = created.facilitatorId;
  m.facilitator.token = created.facilitatorToken;
  m.screen.id = created.screenId;
  m.screen.token = created.screenToken;
  const joiners = m.people.filter((p) => p.role === "member" || p.role === "listener");
  await pool(joiners, 4, async (p) => {
    const joined = await httpJson("POST", "/api/join", {
      commandId: randomUUID(),
      code: p.role === "listener" ? m.listenerCode : m.joinCode,
      displayName: p.name,
      role: p.role,
      picture: null,
      supportsMemberId: null,
    });
    p.id = joined.participantId;
    p.token = joined.token;
  });
}

function setupBaseline(m) {
  m.id = randomUUID();
  for (const p of m.people) p.id = randomUUID();
}

async function handle(message) {
  switch (message.cmd) {
    case "setup": {
      config = message.config;
      meetings = config.meetings.map((spec) => new Meeting(spec));
      const failures = [];
      await pool(meetings, 6, async (m) => {
        try {
          if (config.forum ?? config.target === "forumhub") await setupForumHub(m);
          else setupBaseline(m);
        } catch (error) {
          failures.push(`meeting ${m.index}: ${error instanceof Error ? error.message : String(error)}`);
        }
      });
      meetings = meetings.filter((m) => m.id && m.people.every((p) => p.id));
      return { type: "setupDone", meetings: meetings.map((m) => ({ index: m.index, id: m.id, big: m.big })), failures };
    }
    case "connect": {
      const people = meetings.flatMap((m) => m.people);
      const failures = [];
      await pool(people, config.connectConcurrency, async (p) => {
        try {
          await p.connect();
        } catch (error) {
          counters.connectFailures++;
          if (failures.length < 10) failures.push(error instanceof Error ? error.message : String(error));
        }
      });
      return { type: "connected", connections: people.filter((p) => p.ready).length, failures };
    }
    case "run": {
      const { startAt, syncAt, endAt } = message;
      runEndsAt = endAt;
      burstFrom = config.syncPoll ? syncAt : Infinity;
      const lag = monitorEventLoopDelay({ resolution: 10 });
      await sleep(startAt - nowMs());
      lag.enable();
      measuring = true;
      const cpu0 = process.cpuUsage();
      const t0 = nowMs();
      const scripts = meetings.map((m) => spawnTask(m.runScript(startAt, syncAt, endAt)));
      await Promise.race([Promise.all(scripts), sleep(endAt - nowMs() + 30_000)]);
      await sleep(endAt - nowMs());
      // No new commands after the end; wait for those in flight, then let the last events arrive.
      runEndsAt = 0;
      const drainUntil = nowMs() + 20_000;
      while (inflight.size > 0 && nowMs() < drainUntil) await sleep(100);
      const t1 = nowMs();
      const cpu1 = process.cpuUsage(cpu0);
      measuring = false;
      lag.disable();
      await sleep(1_500);
      return { type: "runDone", report: report(t1 - t0, cpu1, lag) };
    }
    case "close": {
      stopping = true;
      await Promise.allSettled(meetings.flatMap((m) => m.people).map((p) => p.conn?.stop()));
      return { type: "closed" };
    }
    default:
      throw new Error(`unknown command ${message.cmd}`);
  }
}

function report(runMs, cpu, lag) {
  const perMeeting = meetings.map((m) => {
    let gaps = 0;
    let duplicates = 0;
    let tailMissing = 0;
    let disconnected = 0;
    for (const p of m.people) {
      gaps += p.gaps;
      duplicates += p.duplicates;
      if (p.disconnected) disconnected++;
      else tailMissing += Math.max(0, m.maxSeq - p.lastSeq);
    }
    return {
      index: m.index,
      id: m.id,
      big: m.big,
      connections: m.people.length,
      maxSeq: m.maxSeq,
      ballotsAcked: m.ballotsAcked,
      duplicateBallotAcks: m.duplicateBallotAcks,
      gaps,
      duplicates,
      tailMissing,
      disconnected,
      fanoutIncomplete: m.pendingFanout.size,
      rounds: m.roundsDone,
      syncPoll: m.syncPollDone,
    };
  });
  return {
    pid: process.pid,
    runMs,
    cpuUserMs: cpu.user / 1000,
    cpuSystemMs: cpu.system / 1000,
    eventLoopDelayMs: { p50: lag.percentile(50) / 1e6, p99: lag.percentile(99) / 1e6, max: lag.max / 1e6 },
    counters,
    histograms: stats.encode(),
    meetings: perMeeting,
    clockSkewMs: nowMs() - Date.now(),
  };
}

process.on("message", (message) => {
  handle(message).then(
    (answer) => process.send(answer),
    (error) => process.send({ type: "error", error: error instanceof Error ? error.stack : String(error) }),
  );
});
process.send({ type: "hello", pid: process.pid });
