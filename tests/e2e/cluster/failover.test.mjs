// Issue 15: three Api nodes behind nginx with meeting affinity (tests/e2e/cluster/lib/cluster.mjs). 30 meetings (a
// facilitator and 4 members each, every one a real SignalR client through nginx) vote without a break while
//   1. one node is killed (SIGKILL): the clients of its meetings are back, on another node, and in step within 20 s;
//      the meetings on the other nodes notice nothing (no reconnect, no failed or retried command);
//   2. every node in turn is stopped (SIGTERM), waited for, and started again (a rolling restart): no meeting ends,
//      every client ends up in step.
// After each, PostgreSQL is compared with what the clients were told: every acknowledged command (each with a fresh
// commandId; the client module retries one with the SAME commandId after a failure) is stored exactly once and applied
// exactly once, and nothing is stored that nobody was told about.
//
//   scripts/cluster-test.sh                      # starts PostgreSQL, Redis and builds what is missing, then this
//   FORUMHUB_CLUSTER_MEETINGS=10 scripts/cluster-test.sh failover
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startCluster } from "./lib/cluster.mjs";
import {
  Ledger, VoteLoad, command, connectAll, inStepProblems, integrityProblems, nodeServing, pool, report, setUpMeeting, short, stopClients,
  troubleSince,
} from "./lib/meetings.mjs";
import { facilitatorHttp } from "../lib/facilitator.mjs";
import { sleep } from "../lib/wait.mjs";

const MEETINGS = Number(process.env.FORUMHUB_CLUSTER_MEETINGS ?? 30);
const MEMBERS = Number(process.env.FORUMHUB_CLUSTER_MEMBERS ?? 4);
const BACK_LIMIT_MS = 20_000; // the killed node's meetings: every client back and in step within this
const VOTE_BEFORE_KILL_MS = 6_000;
const VOTE_AFTER_MS = 5_000;

/** @type {Awaited<ReturnType<typeof startCluster>>} */
let cluster;
const ledger = new Ledger();
/** @type {any[]} */
let meetings = [];
let load;
let ready = false;

before(async () => {
  cluster = await startCluster({ name: "failover" });
  console.log(`# cluster ${cluster.clusterId}: ${cluster.describe()}; nginx affinity ${cluster.affinityUrl}; database ${cluster.dbName}; ` +
    `logs in ${cluster.dir}${cluster.redis ? `; Redis ${cluster.redis}` : "; no Redis"}`);
});

after(async () => {
  if (load?.running) await load.stop(30_000).catch(() => undefined);
  await stopClients(meetings);
  await cluster?.stop();
});

const needReady = () => assert.ok(ready, "the meetings were not set up (see the first failure)");

test("every node answers with its name in a ForumHub-Node header", async () => {
  for (const node of cluster.nodes) {
    const response = await fetch(`${node.url}/healthz`);
    assert.equal(response.status, 200, `${node.name} /healthz`);
    assert.equal(response.headers.get("forumhub-node"), node.name,
      `${node.name} (${node.url}) should answer with "ForumHub-Node: ${node.name}" (the tests fall back to nginx's X-ForumHub-Upstream meanwhile)`);
  }
});

test(`${MEETINGS} meetings of ${MEMBERS} members and a facilitator through nginx with meeting affinity: every one served by one node`, { timeout: 300_000 }, async () => {
  const started = Date.now();
  const http = await facilitatorHttp(cluster.affinityUrl);
  meetings = new Array(MEETINGS);
  await pool([...Array(MEETINGS).keys()], 5, async (i) => {
    meetings[i] = await setUpMeeting({ baseUrl: cluster.affinityUrl, title: `F${String(i + 1).padStart(2, "0")}`, members: MEMBERS, ledger, http });
  });
  await connectAll(meetings);
  await pool(meetings, 10, (m) => command(ledger, m, m.facilitator, "MoveToPhase", { phase: "agenda" }));

  // Which node serves each meeting: asked twice, the same answer (affinity), and a live node.
  const problems = [];
  await pool(meetings, 10, async (m) => {
    const first = await nodeServing(cluster, cluster.affinityUrl, m);
    const second = await nodeServing(cluster, cluster.affinityUrl, m);
    m.node = first.node;
    if (!first.node || first.node !== second.node) problems.push(`meeting ${m.meetingId}: answered by ${first.node} then ${second.node}`);
  });
  assert.deepEqual(problems, [], report("meeting affinity", problems));
  const perNode = Object.fromEntries(cluster.nodes.map((n) => [n.name, meetings.filter((m) => m.node === n.name).length]));
  console.log(`# ${MEETINGS} meetings set up and connected in ${((Date.now() - started) / 1000).toFixed(1)} s; meetings per node: ${JSON.stringify(perNode)}`);
  assert.ok(Object.values(perNode).filter((n) => n > 0).length >= 2, `the meetings should spread over at least two nodes: ${JSON.stringify(perNode)}`);
  ready = true;
});

test(`SIGKILL of a node while every meeting votes: its meetings' clients are back on another node and in step within ${BACK_LIMIT_MS / 1000} s; the others notice nothing`, { timeout: 300_000 }, async () => {
  needReady();
  load = new VoteLoad(ledger, meetings);
  load.start();
  const windowStart = Date.now();
  await sleep(VOTE_BEFORE_KILL_MS);

  // The node with the most meetings goes; the meetings on the others must not notice.
  const victim = cluster.nodes.map((n) => ({ n, count: meetings.filter((m) => m.node === n.name).length })).sort((a, b) => b.count - a.count)[0].n;
  const affected = meetings.filter((m) => m.node === victim.name);
  const others = meetings.filter((m) => m.node !== victim.name);
  const acksBefore = ledger.ackCount;
  const killedAt = Date.now();
  await victim.kill("SIGKILL");
  console.log(`# killed ${victim.name} (SIGKILL) ${Math.round((killedAt - windowStart) / 1000)} s into the votes, ${acksBefore} commands acknowledged so far; ` +
    `${affected.length} meetings were on it, ${others.length} on the other nodes`);

  // Every client of an affected meeting: connected again, at (at least) the seq the meeting's new node reports.
  const backAt = new Map();
  const pending = new Set(affected);
  while (pending.size > 0 && Date.now() - killedAt < BACK_LIMIT_MS) {
    await pool([...pending], 10, async (m) => {
      if (!m.people.every((p) => p.client.status === "connected")) return;
      let serving;
      try {
        serving = await nodeServing(cluster, cluster.affinityUrl, m);
      } catch {
        return;
      }
      if (serving.node === victim.name) return;
      if (m.people.every((p) => p.client.status === "connected" && p.client.state.seq >= serving.seq)) {
        backAt.set(m, { ms: Date.now() - killedAt, node: serving.node });
        pending.delete(m);
      }
    });
    if (pending.size > 0) await sleep(200);
  }
  const late = [...pending].map((m) => `meeting ${m.meetingId} (${m.title}, was on ${victim.name}): ` +
    m.people.map((p) => `${p.name} ${p.client.status}@${p.client.state?.seq}`).join(", "));
  const times = [...backAt.values()].map((b) => b.ms).sort((a, b) => a - b);
  const movedTo = {};
  for (const b of backAt.values()) movedTo[b.node] = (movedTo[b.node] ?? 0) + 1;
  console.log(`# ${backAt.size} of ${affected.length} meetings of ${victim.name} back and in step; ` +
    `slowest ${times.at(-1) ?? "-"} ms, median ${times[Math.floor(times.length / 2)] ?? "-"} ms; moved to ${JSON.stringify(movedTo)}`);

  await sleep(VOTE_AFTER_MS);
  await load.stop();
  for (const m of affected) m.node = backAt.get(m)?.node ?? m.node;

  // The other nodes' meetings: not one status change, retry or failed command since the votes began.
  const troubled = [];
  for (const m of others) {
    for (const p of m.people) {
      const t = troubleSince(p, windowStart);
      if (t.any) troubled.push(`meeting ${m.meetingId} (${m.title}) on ${m.node}: ${p.name} ${JSON.stringify(t)}`);
    }
    if (m.failure) troubled.push(`meeting ${m.meetingId} (${m.title}) on ${m.node}: its vote loop stopped: ${m.failure}`);
  }
  // The affected meetings' clients did notice (else the kill missed them: the test would prove nothing).
  const unaware = affected.filter((m) => !m.people.some((p) => troubleSince(p, killedAt).statuses.length > 0)).map((m) => m.meetingId);

  assert.deepEqual(late, [], report(`clients of ${victim.name}'s meetings not back and in step within ${BACK_LIMIT_MS / 1000} s`, late));
  assert.deepEqual(troubled, [], report(`meetings on the nodes that were not killed saw trouble`, troubled));
  assert.deepEqual(unaware, [], `meetings of ${victim.name} whose clients never noticed the kill: ${unaware.join(", ")}`);
});

test("after the SIGKILL: every acknowledged command is stored and applied exactly once, every client in step", { timeout: 180_000 }, async () => {
  needReady();
  const inStep = await inStepProblems(cluster, cluster.affinityUrl, meetings);
  const integrity = await integrityProblems(cluster, ledger, meetings);
  const ballots = [...ledger.meetings.values()].reduce((n, b) => n + [...b.acks.values()].filter((a) => a.method === "CastBallot").length, 0);
  console.log(`# after the kill: ${ledger.ackCount} commands acknowledged (${ballots} ballots) in ${meetings.length} meetings; ` +
    `${integrity.length} integrity problems, ${inStep.length} clients out of step`);
  assert.deepEqual(integrity, [], report("PostgreSQL against the acknowledgements", integrity));
  assert.deepEqual(inStep, [], report("clients against GET snapshot", inStep));
});

test("rolling restart (SIGTERM, wait, start) of every node while the meetings vote: no meeting ends, nothing lost, every client in step", { timeout: 600_000 }, async () => {
  needReady();
  // The node killed before comes back first.
  const down = cluster.nodes.filter((n) => !n.alive);
  await Promise.all(down.map((n) => n.start()));
  await sleep(1_000);
  load.start();
  const steps = [];
  const failures = [];
  for (const node of cluster.nodes) {
    await sleep(3_000);
    const served = [];
    await pool(meetings, 10, async (m) => {
      const serving = await nodeServing(cluster, cluster.affinityUrl, m).catch(() => null);
      if (serving?.node === node.name) served.push(m);
    });
    const termAt = Date.now();
    const stopped = await node.stop();
    // When the clients on it noticed: a graceful stop should let them go at once, not after the host's shutdown timeout.
    const noticed = served.flatMap((m) => m.people.map((p) => p.watch.statuses.find((st) => st.at >= termAt && st.status !== "connected")?.at))
      .filter((at) => at !== undefined).map((at) => at - termAt).sort((a, b) => a - b);
    if (stopped.forced) failures.push(`${node.name} did not exit within 45 s of SIGTERM (killed): log ${node.logFile}`);
    const startedAt = Date.now();
    await node.start();
    const upMs = Date.now() - startedAt;
    // Everyone connected again before the next node goes (a node's meetings move to the others meanwhile).
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && !meetings.every((m) => m.people.every((p) => ["connected", "resyncing"].includes(p.client.status)))) await sleep(200);
    const away = meetings.flatMap((m) => m.people.filter((p) => !["connected", "resyncing"].includes(p.client.status))
      .map((p) => `${m.meetingId} ${p.name} ${p.client.status}`));
    if (away.length > 0) failures.push(`${away.length} clients not connected 30 s after ${node.name} was back: ${away.slice(0, 10).join("; ")}`);
    steps.push(`${node.name}: exit ${stopped.ms} ms after SIGTERM (code ${stopped.code ?? stopped.signal}); its ${served.length} meetings' ` +
      `clients dropped ${noticed.length ? `${noticed[0]}-${noticed.at(-1)} ms` : "never"} after SIGTERM; healthy ${upMs} ms after its start`);
  }
  await sleep(VOTE_AFTER_MS);
  await load.stop();
  console.log(`# rolling restart: ${steps.join("; ")}`);

  const ended = meetings.flatMap((m) => m.people.filter((p) => ["ended", "refused", "stopped"].includes(p.client.status))
    .map((p) => `meeting ${m.meetingId} (${m.title}): ${p.name} ${p.client.status}`));
  for (const m of meetings) m.node = (await nodeServing(cluster, cluster.affinityUrl, m).catch(() => ({ node: null }))).node;
  const inStep = await inStepProblems(cluster, cluster.affinityUrl, meetings);
  const integrity = await integrityProblems(cluster, ledger, meetings);
  console.log(`# after the rolling restart: ${ledger.ackCount} commands acknowledged in all; ${integrity.length} integrity problems, ` +
    `${inStep.length} clients out of step`);
  assert.deepEqual(failures, [], report("rolling restart", failures));
  assert.deepEqual(ended, [], report("clients that ended or were refused", ended));
  assert.deepEqual(integrity, [], report("PostgreSQL against the acknowledgements", integrity));
  assert.deepEqual(inStep, [], report("clients against GET snapshot", inStep));
  void short;
});
