// The Api is killed (SIGKILL: no shutdown, no flush) in the middle of a poll while 30 members are voting, and started
// again on the same port and database. The same MeetingClient objects (no page reload, default back-off) must find
// their way back: reconnect, join again, catch up from their last seq, and send the ballots that were waiting or whose
// answer was lost, each applied once.
//
// Checked: every ballot acknowledged before the crash is in PostgreSQL when the Api comes back (acknowledged only after
// the commit); every ballot is acknowledged in the end and counted exactly once; every client is connected and resynced
// within 15 s of the Api answering again; each client saw every event once, in order; all agree with PostgreSQL.
//
//   node --test tests/e2e/reliability/server-crash.test.mjs
//   FORUMHUB_CRASH_DOWN_MS=<ms> keeps the Api down that long before starting it again (the soak run uses 20 s, so the
//   clients' back-off has reached its longest wait); FORUMHUB_CRASH_SEED=<seed> replays the voting moments.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startApp } from "../lib/app.mjs";
import { adminEnv } from "../lib/facilitator.mjs";
import { MeetingClient } from "../lib/client.mjs";
import { signalRLogger } from "../lib/signalRLog.mjs";
import { sleep, until, within } from "../lib/wait.mjs";
import { assertAllAgree, assertBallotsMatch, createForum, prng, seedFrom, signalR, storedBallots } from "./lib.mjs";

const MEMBERS = 30;
const VOTE_WINDOW_MS = 3_000;
const KILL_AFTER_MS = 1_000;
const RESYNC_LIMIT_MS = 15_000;
const DOWN_MS = Number(process.env.FORUMHUB_CRASH_DOWN_MS ?? 0);

let app;
const clients = [];

before(async () => {
  app = await startApp({ dbName: "e2e_rel_crash", env: adminEnv });
});

after(async () => {
  await Promise.all(clients.map((c) => c.stop()));
  await app?.stop();
});

test(`SIGKILL during a poll${DOWN_MS ? ` (down for ${DOWN_MS / 1000} s)` : ""}: acknowledged ballots survive, every client is back ` +
  `and resynced within ${RESYNC_LIMIT_MS / 1000} s`, async () => {
  const random = prng(seedFrom("FORUMHUB_CRASH_SEED", "server crash"));
  const forum = await createForum(app.baseUrl, { title: "Crash forum", members: MEMBERS });
  const connect = (token) => {
    // Default reconnect and command back-off: what the web app uses.
    const client = new MeetingClient({ baseUrl: app.baseUrl, meetingId: forum.meetingId, token, signalR, signalRLogger });
    clients.push(client);
    return client;
  };
  const fay = connect(forum.created.facilitatorToken);
  const screen = connect(forum.created.screenToken);
  const members = forum.members.map((m) => ({ ...m, client: connect(m.token) }));
  await within(60_000, Promise.all(clients.map((c) => c.start())), "everyone to join");
  await fay.moveToPhase({ phase: "agenda" });
  const poll = await fay.openPoll({ question: "Shall we meet monthly?", secret: false, handCount: false });

  // Every event each client applies, to check none is missed or applied twice across the crash.
  const order = clients.map(() => []);
  clients.forEach((c, i) => c.onEvent((e) => order[i].push(e.seq)));
  const startSeq = clients.map((c) => c.state.seq);
  const statuses = clients.map(() => []);
  clients.forEach((c, i) => c.onStatus((s) => statuses[i].push(s)));

  // ---- Voting, with a crash in the middle --------------------------------------------------------------------------
  const acked = new Map();
  const ackedBeforeKill = new Map();
  let killed = false;
  const failures = [];
  const ballots = members.map(async (member) => {
    await sleep(random() * VOTE_WINDOW_MS);
    const optionId = random.pick(["yes", "no", "not-sure"]);
    try {
      await member.client.castBallot({ pollId: poll.id, optionId });
      acked.set(member.participantId, optionId);
      if (!killed) ackedBeforeKill.set(member.participantId, optionId);
    } catch (error) {
      failures.push(`${member.name}: ${error.code} ${error.message}`);
    }
  });

  await sleep(KILL_AFTER_MS); // the crash lands in the middle of the vote: the moment is the test
  killed = true; // before the kill: an ack that arrives from here on may have raced it, so it is not counted as "before"
  const killedAt = Date.now();
  await app.kill("SIGKILL");
  const pending = members.filter((m) => m.client.pendingCommands.length > 0).length;
  await sleep(DOWN_MS); // how long the Api stays down is the test (the soak run keeps it down 20 s)
  await app.restart();
  const backAt = Date.now();

  // Acknowledged before the crash = committed before the crash: PostgreSQL has each of them now, before any retry.
  const afterRestart = await storedBallots(app, forum.meetingId, poll.id);
  const missing = [...ackedBeforeKill.keys()].filter((id) => !afterRestart.rows.some((r) => r.member_id === id));
  assert.deepEqual(missing, [], "every ballot acknowledged before the crash is in PostgreSQL after it");

  // ---- Every client is back and resynced (connected, at least at the seq the restarted Api had) ---------------------
  const backSeq = (await forum.http.getSnapshot(forum.meetingId, forum.created.facilitatorToken)).seq;
  await until(RESYNC_LIMIT_MS, () => clients.every((c) => c.status === "connected" && c.state.seq >= backSeq),
    `every client connected at seq >= ${backSeq}: ${clients.map((c) => `${c.status}@${c.state.seq}`).join(", ")}`);
  const resyncedMs = Date.now() - backAt;

  await within(60_000, Promise.all(ballots), "every ballot to be answered");
  assert.deepEqual(failures, [], "no ballot failed: the ones caught by the crash were sent again and acknowledged");
  assert.equal(acked.size, MEMBERS);

  const closed = await fay.closePoll({ pollId: poll.id });
  const { rows, closedSeq } = await assertBallotsMatch(app, forum.meetingId, poll.id, acked, "crash poll");
  assert.equal(closedSeq, closed.seq);
  assert.equal(rows.length, MEMBERS, "every member's ballot counted once");
  const snapshot = await assertAllAgree({
    app, http: forum.http, meetingId: forum.meetingId, token: forum.created.facilitatorToken, clients, label: "crash meeting",
  });
  assert.deepEqual(snapshot.polls[0].tally, rows.reduce((t, r) => ({ ...t, [r.option_id]: t[r.option_id] + 1 }),
    { yes: 0, no: 0, "not-sure": 0 }), "the tally is the stored ballots");

  // Each client saw every event after it joined exactly once, in order (live, or fetched when catching up).
  for (const [i, seqs] of order.entries()) {
    const expected = Array.from({ length: snapshot.seq - startSeq[i] }, (_, k) => startSeq[i] + 1 + k);
    assert.deepEqual(seqs, expected, `client ${i}: each event once, in order`);
    assert.ok(statuses[i].some((s) => s === "reconnecting" || s === "connecting"), `client ${i} noticed the crash`);
  }

  console.log(`# server crash: killed with ${ackedBeforeKill.size} ballots acknowledged and ${pending} members waiting; ` +
    `Api answering again ${backAt - killedAt} ms after the kill; every client resynced ${resyncedMs} ms after that ` +
    `(limit ${RESYNC_LIMIT_MS} ms); ${MEMBERS} ballots counted once`);
});
