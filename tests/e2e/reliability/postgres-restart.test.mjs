// PostgreSQL is restarted (fast shutdown, then start) in the middle of a burst of 300 ballots: 3 meetings x 100
// members, each voting at a random moment within 3 s. The test runs its own PostgreSQL cluster (scripts/pg.sh, in a
// temporary folder on a free port), so restarting it disturbs no other suite.
//
// Checked: the client module only ever saw retriable errors (its queue retried each with the same commandId), every
// ballot was acknowledged in the end, each counted exactly once (0 duplicates, 0 lost), and clients, GET snapshot and
// PostgreSQL agree afterwards. The restart must really have hit the burst (some retries after storage_unavailable).
//
//   node --test tests/e2e/reliability/postgres-restart.test.mjs     (needs the PostgreSQL binaries, like scripts/pg.sh)
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { after, before, test } from "node:test";
import { startApp } from "../lib/app.mjs";
import { adminEnv } from "../lib/facilitator.mjs";
import { MeetingClient } from "../lib/client.mjs";
import { signalRLogger, verbose } from "../lib/signalRLog.mjs";
import { sleep, within } from "../lib/wait.mjs";
import { assertAllAgree, assertBallotsMatch, createForum, prng, refusedPort, seedFrom, signalR } from "./lib.mjs";

const run = promisify(execFile);
const pgScript = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "scripts", "pg.sh");

const MEETINGS = 3;
const MEMBERS = 100;
const BURST_MS = 3_000;
const RESTART_AFTER_MS = 400;
const RETRIABLE = new Set(["storage_unavailable", "conflict", "transport", "rate_limited"]);

let app;
const log = [];
let pgDir;
let pgPort;
const clients = [];

async function pg(...args) {
  const { stdout } = await run(pgScript, args, { timeout: 120_000 });
  if (verbose) console.error(stdout.trim());
}

before(async () => {
  pgDir = mkdtempSync(path.join(os.tmpdir(), "forumhub-rel-pg-"));
  pgPort = await refusedPort(); // free now; the cluster takes it
  await pg("start", pgDir, String(pgPort));
  app = await startApp({
    dbName: "e2e_rel_pg_restart",
    pg: `Host=127.0.0.1;Port=${pgPort};Username=postgres`,
    // 300 members join from one address in a few seconds: more than a real venue's joins per minute.
    env: { ...adminEnv, RateLimits__JoinsPerMinutePerAddress: "1000" },
    onOutput: (line) => log.push(line),
  });
});

after(async () => {
  await Promise.all(clients.map((c) => c.stop()));
  await app?.stop();
  if (verbose) console.error(log.join("\n"));
  if (pgDir) {
    await pg("stop", pgDir).catch(() => undefined);
    rmSync(pgDir, { recursive: true, force: true });
  }
});

test(`PostgreSQL restarted during a burst of ${MEETINGS * MEMBERS} ballots: only retriable errors, retries succeed, 0 duplicates`, async () => {
  const random = prng(seedFrom("FORUMHUB_PGRESTART_SEED", "postgres restart"));
  const clientLog = [];
  const meetings = [];
  for (let m = 0; m < MEETINGS; m++) {
    const forum = await createForum(app.baseUrl, { title: `Restart forum ${m + 1}`, members: MEMBERS });
    const connect = (token, name) => {
      const client = new MeetingClient({
        baseUrl: app.baseUrl, meetingId: forum.meetingId, token, signalR, signalRLogger,
        log: (line) => clientLog.push(`[${m + 1}/${name}] ${line}`),
      });
      clients.push(client);
      return client;
    };
    const fay = connect(forum.created.facilitatorToken, "fay");
    const members = forum.members.map((member) => ({ ...member, client: connect(member.token, member.name) }));
    meetings.push({ ...forum, fay, members });
  }
  await within(120_000, Promise.all(clients.map((c) => c.start())), "every client to join");
  for (const meeting of meetings) {
    await meeting.fay.moveToPhase({ phase: "agenda" });
    meeting.poll = await meeting.fay.openPoll({ question: "Is the room warm enough?", secret: false, handCount: false });
    meeting.acked = new Map();
  }

  // ---- The burst, and the restart in the middle of it ---------------------------------------------------------------
  const failures = [];
  const ballots = meetings.flatMap((meeting) => meeting.members.map(async (member) => {
    await sleep(random() * BURST_MS);
    const optionId = random.pick(["yes", "no", "not-sure"]);
    try {
      await member.client.castBallot({ pollId: meeting.poll.id, optionId });
      meeting.acked.set(member.participantId, optionId);
    } catch (error) {
      failures.push(`${member.name}: ${error.code} (${error.message})`);
    }
  }));
  const started = Date.now();
  await sleep(RESTART_AFTER_MS); // PostgreSQL goes down in the middle of the burst: the moment is the test
  const stopAt = Date.now() - started;
  await pg("stop", pgDir);
  const downAt = Date.now() - started;
  await pg("start", pgDir, String(pgPort));
  const upAt = Date.now() - started;
  await within(120_000, Promise.all(ballots), "every ballot to be answered");
  const doneAt = Date.now() - started;

  // ---- Only retriable errors reached the client module, and its retries succeeded ----------------------------------
  assert.deepEqual(failures, [], "no ballot failed");
  const retries = clientLog.map((l) => / retrying (\w+) \S+ in \d+ ms after (\S+)$/.exec(l)).filter(Boolean);
  const codes = new Map();
  for (const [, , code] of retries) codes.set(code, (codes.get(code) ?? 0) + 1);
  assert.deepEqual([...codes.keys()].filter((c) => !RETRIABLE.has(c)), [], `only retriable errors (${[...codes]})`);
  assert.ok((codes.get("storage_unavailable") ?? 0) > 0, `the restart hit the burst (retries: ${JSON.stringify([...codes])})`);

  // ---- 0 duplicates, 0 lost; everyone agrees with PostgreSQL --------------------------------------------------------
  for (const [m, meeting] of meetings.entries()) {
    assert.equal(meeting.acked.size, MEMBERS, `meeting ${m + 1}: every ballot acknowledged`);
    await assertBallotsMatch(app, meeting.meetingId, meeting.poll.id, meeting.acked, `meeting ${m + 1}`);
    await meeting.fay.closePoll({ pollId: meeting.poll.id });
    await assertAllAgree({
      app, http: meeting.http, meetingId: meeting.meetingId, token: meeting.created.facilitatorToken,
      clients: [meeting.fay, ...meeting.members.map((x) => x.client)], label: `meeting ${m + 1}`,
    });
  }

  console.log(`# postgres restart: stop at ${stopAt} ms, down at ${downAt} ms, up again at ${upAt} ms, all ` +
    `${MEETINGS * MEMBERS} ballots acknowledged at ${doneAt} ms; ${retries.length} retries (${[...codes].map(([c, n]) => `${n} ${c}`).join(", ")})`);
});
