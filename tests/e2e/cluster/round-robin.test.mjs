// Issue 15: three Api nodes behind nginx WITHOUT meeting affinity (round robin, tests/e2e/cluster/lib/cluster.mjs):
// every request, and every WebSocket, may land on any node, so the people of one meeting are spread over the nodes.
// The clients connect with skipNegotiation and the WebSockets transport (a negotiate and its WebSocket could otherwise
// reach different nodes). 10 meetings vote for a while; then:
//   - every command was acknowledged, none refused and none retried after a `conflict` (commands reach the meeting's
//     one writer from any node);
//   - every client holds what GET snapshot says without doing anything (committed events reach the clients on every
//     node);
//   - PostgreSQL has every acknowledged command exactly once, applied exactly once, and nothing else.
//
//   scripts/cluster-test.sh round-robin
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startCluster } from "./lib/cluster.mjs";
import {
  Ledger, VoteLoad, command, connectAll, inStepProblems, integrityProblems, pool, report, setUpMeeting, stopClients, troubleSince,
} from "./lib/meetings.mjs";
import { facilitatorHttp } from "../lib/facilitator.mjs";
import { sleep } from "../lib/wait.mjs";

const MEETINGS = Number(process.env.FORUMHUB_CLUSTER_RR_MEETINGS ?? 10);
const MEMBERS = Number(process.env.FORUMHUB_CLUSTER_MEMBERS ?? 4);
const VOTE_MS = 15_000;

/** @type {Awaited<ReturnType<typeof startCluster>>} */
let cluster;
const ledger = new Ledger();
/** @type {any[]} */
let meetings = [];
let load;
let voted = false;
let windowStart = 0;

before(async () => {
  cluster = await startCluster({ name: "round_robin" });
  console.log(`# cluster ${cluster.clusterId}: ${cluster.describe()}; nginx round robin ${cluster.roundRobinUrl}; database ${cluster.dbName}; ` +
    `logs in ${cluster.dir}`);
});

after(async () => {
  if (load?.running) await load.stop(30_000).catch(() => undefined);
  await stopClients(meetings);
  await cluster?.stop();
});

test(`${MEETINGS} meetings set up and voting for ${VOTE_MS / 1000} s through round robin: their people are spread over the nodes`, { timeout: 300_000 }, async () => {
  const started = Date.now();
  const url = cluster.roundRobinUrl;
  const http = await facilitatorHttp(url);
  meetings = new Array(MEETINGS);
  await pool([...Array(MEETINGS).keys()], 5, async (i) => {
    meetings[i] = await setUpMeeting({ baseUrl: url, title: `R${String(i + 1).padStart(2, "0")}`, members: MEMBERS, ledger, http, skipNegotiation: true });
  });
  await connectAll(meetings);
  // Round robin really spreads: ten requests in a row are answered by more than one node.
  const answered = new Set();
  for (let i = 0; i < 10; i++) answered.add(cluster.nodeOf(await fetch(`${url}/healthz`)));
  console.log(`# ${MEETINGS} meetings set up and connected in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
    `ten GET /healthz through round robin answered by ${[...answered].sort().join(", ")}`);
  assert.ok(answered.size >= 2, `round robin should reach several nodes, reached ${[...answered].join(", ")}`);

  windowStart = Date.now();
  await pool(meetings, 10, (m) => command(ledger, m, m.facilitator, "MoveToPhase", { phase: "agenda" }).catch((e) => {
    m.failure = `MoveToPhase: ${e.code ?? ""} ${e.message}`;
  }));
  load = new VoteLoad(ledger, meetings);
  load.start();
  await sleep(VOTE_MS);
  await load.stop();
  voted = true;
  console.log(`# voted for ${VOTE_MS / 1000} s: ${ledger.ackCount} commands acknowledged; polls per meeting: ${meetings.map((m) => m.polls).join(", ")}`);
});

test("round robin: no command refused, none retried after a conflict, no client dropped", () => {
  assert.ok(voted, "the meetings did not vote (see the first failure)");
  const problems = [];
  let resyncs = 0;
  for (const m of meetings) {
    for (const p of m.people) {
      const t = troubleSince(p, windowStart);
      resyncs += t.resyncs.length;
      const conflicts = t.retries.filter((r) => /after (conflict|storage_unavailable|server_error)/.test(r));
      if (conflicts.length > 0) problems.push(`meeting ${m.meetingId} (${m.title}): ${p.name} retried ${conflicts.length} time(s): ${conflicts[0]}`);
      const drops = t.statuses.filter((s) => !["resyncing"].includes(s));
      if (drops.length > 0) problems.push(`meeting ${m.meetingId} (${m.title}): ${p.name} went ${drops.join(" -> ")}`);
    }
    if (m.failure) problems.push(`meeting ${m.meetingId} (${m.title}): its vote loop stopped: ${m.failure}`);
  }
  console.log(`# round robin: ${resyncs} resyncs (a client saw a gap in the live events and fetched the missing ones)`);
  assert.deepEqual(problems, [], report("round robin", problems));
});

test("round robin: every client is in step with GET snapshot without asking (events reach every node's clients)", async () => {
  assert.ok(voted, "the meetings did not vote (see the first failure)");
  const problems = await inStepProblems(cluster, cluster.roundRobinUrl, meetings, 15_000);
  assert.deepEqual(problems, [], report("clients against GET snapshot", problems));
});

test("round robin: every acknowledged command is stored and applied exactly once, and nothing else is", async () => {
  assert.ok(voted, "the meetings did not vote (see the first failure)");
  const problems = await integrityProblems(cluster, ledger, meetings);
  assert.deepEqual(problems, [], report("PostgreSQL against the acknowledgements", problems));
});
