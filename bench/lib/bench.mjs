// The benchmark's driver: starts a server (ForumHub's Api, then the bare SignalR baseline; with --cluster also ForumHub
// as 2 nodes behind nginx with meeting affinity, the target forumhub-cluster), splits the meetings over
// worker processes (worker.mjs), runs the scenario, samples the server from /proc, checks PostgreSQL, and writes
// results.json + results.md (and, with --docs, the issue-7 section of docs/benchmarks.md). See bench/README.md.
//
//   node bench/lib/bench.mjs --pg "Host=127.0.0.1;Port=55440;Username=postgres" [options]
//
// bench/run.sh starts PostgreSQL and builds everything first; use it rather than calling this directly.
import { spawn, fork, execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { Histograms, nowMs, sleep, summary } from "./common.mjs";
import { loadAverage, procStat, startSampler, sumStat } from "./proc.mjs";
import { renderMarkdown, evaluateTargets, updateDocs } from "./report.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "..", "..");

// ---------------------------------------------------------------------------------------------------------------
// Options

// Targets: forumhub (one Api process), forumhub-cluster (--cluster-nodes Api nodes, redis-server for their membership,
// nginx in front with meeting affinity: tests/e2e/cluster/lib/cluster.mjs), baseline (alias bare: the bare SignalR hub).
const TARGETS = ["forumhub", "forumhub-cluster", "baseline"];
const isForumTarget = (target) => target === "forumhub" || target === "forumhub-cluster";

const defaults = {
  targets: "forumhub,baseline",
  cluster: false, // adds forumhub-cluster to the targets (after forumhub)
  clusterNodes: 2,
  meetings: 100,
  participants: 20,
  duration: 300,
  workers: 2,
  roundEvery: 10,
  voteWindow: 1000,
  think: 250,
  bigRoom: 60,
  bigRoundEvery: 15,
  syncPoll: true,
  settle: 5,
  profileSeconds: 0,
  dotnetTrace: "",
  apiDll: path.join(repo, "src/Api/bin/Release/net10.0/ForumHub.Api.dll"),
  baselineDll: path.join(repo, "bench/Baseline/bin/Release/net10.0/ForumHub.Bench.Baseline.dll"),
  pg: process.env.FORUMHUB_BENCH_PG ?? "",
  pgPid: 0,
  out: "",
  docs: "",
  smoke: false,
  check: false,
  label: "",
  keepDb: false,
  serverEnv: "",
  pgOptions: "", // added to the Api's connection string, e.g. "No Reset On Close=false;Max Auto Prepare=0" to compare pool settings
  warmup: 20,
  warmupMeetings: 10,
  fdatasyncUs: 0, // one fdatasync of this machine's disk in microseconds (bench/run.sh measures it with pg_test_fsync)
};

function parseArgs(argv) {
  const o = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) throw new Error(`unexpected argument ${arg}`);
    const [rawKey, inline] = arg.slice(2).split("=", 2);
    const key = rawKey.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    if (!(key in o)) throw new Error(`unknown option --${rawKey} (see bench/README.md)`);
    if (typeof o[key] === "boolean") {
      o[key] = inline === undefined ? true : inline !== "false";
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`--${rawKey} needs a value`);
    o[key] = typeof defaults[key] === "number" ? Number(value) : value;
  }
  if (o.smoke) {
    // 5 meetings x 5 people for 10 s, plus a small "big room": proves the whole path works, measures nothing.
    const given = new Set(argv.map((a) => a.slice(2).split("=")[0]));
    const set = (k, v) => {
      if (!given.has(k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`))) o[k] = v;
    };
    set("meetings", 5);
    set("participants", 5);
    set("duration", 10);
    set("workers", 2);
    set("roundEvery", 2);
    set("think", 50);
    set("bigRoom", 8);
    set("bigRoundEvery", 3);
    set("settle", 1);
    set("warmup", 0);
  }
  let targets = o.targets.split(",").map((s) => s.trim()).filter(Boolean).map((t) => (t === "bare" ? "baseline" : t));
  if (o.cluster && !targets.includes("forumhub-cluster")) {
    const at = targets.indexOf("forumhub");
    targets.splice(at >= 0 ? at + 1 : targets.length, 0, "forumhub-cluster");
  }
  for (const t of targets) if (!TARGETS.includes(t)) throw new Error(`unknown target ${t} (known: ${TARGETS.join(", ")}, bare)`);
  o.targets = [...new Set(targets)].join(",");
  if (!(o.clusterNodes >= 2)) throw new Error("--cluster-nodes must be 2 or more");
  return o;
}

// ---------------------------------------------------------------------------------------------------------------
// Servers

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = /** @type {net.AddressInfo} */ (s.address());
      s.close(() => resolve(port));
    });
  });
}

const ADMIN = { email: "bench-admin@example.org", password: "a long benchmark password, only for bench 2026" };

/** Servers this process started: killed when it exits however it exits (Ctrl+C and SIGTERM exit through main's handlers). */
const running = new Set();
process.on("exit", () => {
  for (const child of running) {
    try {
      child.kill("SIGKILL");
    } catch {
      // gone already
    }
  }
});

async function startServer(name, dll, env, logFile) {
  if (!existsSync(dll)) throw new Error(`${dll} is missing: build it first (bench/run.sh does)`);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const { openSync } = await import("node:fs");
  const log = openSync(logFile, "a");
  const child = spawn("dotnet", [dll, "--urls", url], {
    cwd: path.dirname(dll),
    env: { ...process.env, DOTNET_NOLOGO: "1", DOTNET_CLI_TELEMETRY_OPTOUT: "1", ...env },
    stdio: ["ignore", log, log],
  });
  running.add(child);
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  exited.then(() => running.delete(child));
  let gone = null;
  exited.then((info) => (gone = info));
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`${name} exited while starting (${JSON.stringify(gone)}); see ${logFile}`);
    try {
      const r = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (r.ok) break;
    } catch {
      // not yet
    }
    await sleep(250);
  }
  if (Date.now() >= deadline) throw new Error(`${name} did not answer /healthz within 90 s; see ${logFile}`);
  return {
    url,
    pid: child.pid,
    pids: [child.pid],
    async stop() {
      if (gone) return gone;
      child.kill("SIGTERM");
      const t = setTimeout(() => child.kill("SIGKILL"), 15_000);
      const info = await exited;
      clearTimeout(t);
      return info;
    },
    exitedEarly: () => gone,
  };
}

/**
 * The cluster target: a redis-server, `o.clusterNodes` Api nodes (node1 first, alone, until /healthz answers: it
 * migrates the fresh database and creates the administrator; then the others) and nginx in front with meeting
 * affinity, all started by the cluster tests' harness (tests/e2e/cluster/lib/cluster.mjs). Clients use nginx's
 * affinity door. The same interface as startServer, plus the nodes, the other processes (nginx, redis-server) and
 * nodeOf(response). Logs are copied into `<outDir>/forumhub-cluster/` when it stops.
 */
async function startClusterServer(o, env, outDir, log) {
  const harness = path.join(repo, "tests/e2e/cluster/lib/cluster.mjs");
  if (!existsSync(o.apiDll)) throw new Error(`${o.apiDll} is missing: build it first (bench/run.sh does)`);
  process.env.FORUMHUB_API_DLL = o.apiDll;
  const { startCluster, startRedis } = await import(harness).catch((error) => {
    throw new Error(`cannot load ${path.relative(repo, harness)} (npm ci in tests/e2e; bench/run.sh does): ${error.message}`);
  });
  // Pid files in <base>/pids: bench/run.sh sets FORUMHUB_CLUSTER_DIR and ends whatever is left there when it exits.
  const base = process.env.FORUMHUB_CLUSTER_DIR || mkdtempSync(path.join(os.tmpdir(), "forumhub-bench-cluster-"));
  const ownBase = !process.env.FORUMHUB_CLUSTER_DIR;
  const logs = path.join(outDir, "forumhub-cluster");
  let redis = null;
  let cluster = null;
  const stop = async () => {
    const exits = {};
    if (cluster) {
      exits.nodes = Object.fromEntries(cluster.nodes.map((n) => [n.name, n.exitInfo]));
      await cluster.stop();
      exits.nodes = Object.fromEntries(cluster.nodes.map((n) => [n.name, n.exitInfo]));
    }
    if (redis) exits.redis = await redis.stop();
    mkdirSync(logs, { recursive: true });
    for (const dir of [cluster?.dir, redis && path.dirname(redis.logFile)].filter(Boolean)) {
      for (const f of existsSync(dir) ? readdirSync(dir) : []) {
        if (/\.(log|conf)$/.test(f)) cpSync(path.join(dir, f), path.join(logs, f));
      }
    }
    if (ownBase) rmSync(base, { recursive: true, force: true });
    return exits;
  };
  try {
    redis = await startRedis({ base, name: "bench-redis" });
    log(`[forumhub-cluster] redis-server on ${redis.address}; starting ${o.clusterNodes} nodes (node1 first) and nginx`);
    cluster = await startCluster({
      name: "bench",
      size: o.clusterNodes,
      env,
      pg: o.pg,
      redis: redis.address,
      base,
      connectionOptions: o.pgOptions,
      keepDatabase: o.keepDb,
    });
  } catch (error) {
    await stop().catch(() => {});
    throw error;
  }
  if (!cluster.nodesSendHeader) log("[forumhub-cluster] the nodes send no ForumHub-Node header: nginx's upstream address tells which node answered");
  return {
    url: cluster.affinityUrl,
    pid: cluster.nodes[0].pid,
    pids: cluster.nodes.map((n) => n.pid),
    nodeNames: cluster.nodes.map((n) => n.name),
    others: { nginx: cluster.nginx.pid, redis: redis.pid },
    dbName: cluster.dbName,
    logs: path.relative(repo, logs),
    nodeOf: (response) => cluster.nodeOf(response),
    stop,
    exitedEarly() {
      const dead = cluster.nodes.filter((n) => !n.alive).map((n) => ({ node: n.name, ...n.exitInfo }));
      if (cluster.nginx.exitCode !== null || cluster.nginx.signalCode !== null) dead.push({ node: "nginx", code: cluster.nginx.exitCode, signal: cluster.nginx.signalCode });
      return dead.length > 0 ? dead : null;
    },
  };
}

/** Which node serves each meeting (the cluster target): the node answering GET /api/meetings/<id>/snapshot through nginx. */
async function nodesServing(server, meetings) {
  const byId = new Map();
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < meetings.length) {
        const m = meetings[next++];
        try {
          const r = await fetch(`${server.url}/api/meetings/${m.id}/snapshot`, { headers: { Accept: "application/json" }, signal: AbortSignal.timeout(10_000) });
          await r.arrayBuffer();
          byId.set(m.id, server.nodeOf(r) ?? "unknown");
        } catch {
          byId.set(m.id, "unknown");
        }
      }
    }),
  );
  return byId;
}

/** Sum of the RSS of the server's processes (a cluster: every node), in MB. */
function rssMb(server) {
  return (sumStat(server.pids)?.rssBytes ?? 0) / 1048576;
}

/** Signs in as the bootstrap administrator when the Api has facilitator accounts; null when it has none (anyone may create). */
async function signIn(url) {
  const r = await fetch(`${url}/api/account/sign-in`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(ADMIN),
  });
  if (r.status === 404 || r.status === 405) return null;
  if (!r.ok) throw new Error(`sign-in answered ${r.status}: ${(await r.text()).slice(0, 300)}`);
  const cookies = typeof r.headers.getSetCookie === "function" ? r.headers.getSetCookie() : [];
  const cookie = cookies.map((c) => c.split(";")[0].trim()).filter(Boolean).join("; ");
  return cookie || null;
}

function parseNpgsql(cs) {
  const v = {};
  for (const part of cs.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) v[part.slice(0, eq).trim().toLowerCase()] = part.slice(eq + 1).trim();
  }
  return { host: v.host ?? "127.0.0.1", port: Number(v.port ?? 5432), user: v.username ?? v.user ?? "postgres", password: v.password, database: v.database };
}

async function sql(config, text, params = []) {
  const c = new pg.Client(config);
  await c.connect();
  try {
    return (await c.query(text, params)).rows;
  } finally {
    await c.end();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Workers

class WorkerProc {
  constructor(index) {
    this.index = index;
    this.child = fork(path.join(here, "worker.mjs"), [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
    this.waiting = [];
    this.child.on("message", (m) => {
      if (m.type === "hello") return;
      const w = this.waiting.shift();
      if (!w) return;
      if (m.type === "error") w.reject(new Error(`worker ${index}: ${m.error}`));
      else w.resolve(m);
    });
    this.child.on("exit", (code) => {
      for (const w of this.waiting.splice(0)) w.reject(new Error(`worker ${index} exited (${code})`));
    });
  }
  ask(message) {
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.child.send(message);
    });
  }
  cpuSec() {
    return procStat(this.child.pid)?.cpuSec ?? 0;
  }
}

/** What a worker process needs to run its meetings (the same for the warm-up and the measured run). */
function workerConfig(o, target, url, cookie, meetings, durationSeconds, syncPoll) {
  return {
    target,
    forum: isForumTarget(target),
    url,
    cookie,
    meetings,
    roundEveryMs: o.roundEvery * 1000,
    bigRoundEveryMs: o.bigRoundEvery * 1000,
    voteWindowMs: o.voteWindow,
    thinkMs: o.think,
    gatherMs: Math.min(10_000, durationSeconds * 250),
    roundEstimateMs: o.voteWindow + 12 * o.think + 1500,
    syncPoll,
    connectConcurrency: 25,
  };
}

/**
 * The warm-up: a few meetings of their own run the same scenario for --warmup seconds, unmeasured, then leave. A
 * server that has run for a while has its hot code compiled (tiered JIT) and its pools filled; without a warm-up the
 * first seconds of the run measure the JIT rather than the server (each server gets the same warm-up).
 */
async function warmUp(o, target, url, cookie, log) {
  const count = Math.max(1, Math.min(o.warmupMeetings, o.meetings));
  const specs = Array.from({ length: count }, (_, i) => ({ index: 10_000 + i, size: o.participants }));
  log(`[${target}] warming up: ${count} meetings of their own for ${o.warmup} s (not measured)`);
  const worker = new WorkerProc(99);
  const t0 = nowMs();
  try {
    await worker.ask({ cmd: "setup", config: workerConfig(o, target, url, cookie, specs, o.warmup, false) });
    await worker.ask({ cmd: "connect" });
    const startAt = nowMs() + 500;
    const endAt = startAt + o.warmup * 1000;
    await worker.ask({ cmd: "run", startAt, syncAt: endAt, endAt });
  } finally {
    await worker.ask({ cmd: "close" }).catch(() => {});
    worker.child.kill();
  }
  return { meetings: count, seconds: o.warmup, tookSeconds: (nowMs() - t0) / 1000 };
}

// ---------------------------------------------------------------------------------------------------------------

async function runTarget(target, o, outDir, log) {
  const isForum = isForumTarget(target);
  const isCluster = target === "forumhub-cluster";
  const result = { target, startedAt: new Date().toISOString(), loadAverageBefore: loadAverage() };
  let dbName = null;
  let pgAdmin = null;
  const env = {};
  if (isForum) {
    if (!o.pg) throw new Error("--pg (or FORUMHUB_BENCH_PG) is needed for ForumHub: a PostgreSQL connection string without Database");
    pgAdmin = { ...parseNpgsql(o.pg), database: "postgres" };
    if (!isCluster) {
      // The cluster makes its own fresh database (startCluster), and adds --pg-options to its connection string.
      dbName = `bench_${Date.now()}`;
      await sql(pgAdmin, `CREATE DATABASE ${dbName}`);
      env.ConnectionStrings__Forum = `${o.pg.replace(/;+\s*$/, "")};Database=${dbName}${o.pgOptions ? `;${o.pgOptions}` : ""}`;
    }
    const totalPeople = o.meetings * o.participants + (o.bigRoom > 0 ? o.bigRoom + 2 : 0);
    Object.assign(env, {
      ASPNETCORE_ENVIRONMENT: "Production",
      RateLimits__JoinsPerMinutePerAddress: String(Math.max(100_000, totalPeople * 10)),
      RateLimits__CreatesPerMinutePerAddress: String(Math.max(10_000, o.meetings * 10)),
      RateLimits__HubCallsPerSecondPerConnection: "1000",
      RateLimits__HubCallsPerSecondPerParticipant: "1000",
      Bootstrap__AdminEmail: ADMIN.email,
      Bootstrap__AdminPassword: ADMIN.password,
      Bootstrap__AdminName: "Bench Admin",
      Bootstrap__OrganisationName: "Bench Organisation",
    });
  } else {
    env.ASPNETCORE_ENVIRONMENT = "Production";
  }
  // --server-env "A=1,B=2": extra settings for the servers, e.g. to compare a configuration (recorded in results.json).
  for (const pair of o.serverEnv.split(",").map((x) => x.trim()).filter(Boolean)) {
    const eq = pair.indexOf("=");
    if (eq > 0) env[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  const serverLog = path.join(outDir, `${target}-server.log`);
  if (!isCluster) log(`[${target}] starting the server (log: ${path.relative(repo, serverLog)})`);
  // perf resolves JIT-compiled frames through the runtime's perf map (same setting for both servers).
  // W^X double mapping is turned off so perf can match the executing addresses to the map.
  if (o.profileSeconds > 0 && havePerf()) Object.assign(env, { DOTNET_PerfMapEnabled: "1", DOTNET_EnableWriteXorExecute: "0" });
  const server = isCluster ? await startClusterServer(o, env, outDir, log) : await startServer(target, isForum ? o.apiDll : o.baselineDll, env, serverLog);
  if (isCluster) {
    dbName = server.dbName;
    result.cluster = { nodes: server.nodeNames.length, through: "nginx, meeting affinity (hash $meeting_key consistent)", url: server.url, logs: server.logs };
    log(`[${target}] ${server.nodeNames.join(", ")} up behind nginx at ${server.url} (logs: ${server.logs})`);
  }
  const workers = [];
  try {
    await sleep(o.settle * 1000);
    result.rssIdleMb = rssMb(server);
    let cookie = null;
    if (isForum) {
      cookie = await signIn(server.url);
      result.signedIn = cookie !== null;
    }
    if (o.warmup > 0) {
      result.warmup = await warmUp(o, target, server.url, cookie, log);
      await sleep(o.settle * 1000);
    }
    // Memory per connection is counted above the just-started server (the larger, safer figure): the warm-up's heap
    // growth stays in RSS after its meetings leave, and counting above it would flatter the result.
    result.rssWarmedMb = rssMb(server);

    // Meetings over workers: round-robin, the big room in worker 0.
    const specs = Array.from({ length: o.workers }, () => []);
    for (let i = 0; i < o.meetings; i++) specs[i % o.workers].push({ index: i, size: o.participants });
    if (o.bigRoom > 0) specs[0].push({ index: o.meetings, size: o.bigRoom + 2, big: true });
    for (let w = 0; w < o.workers; w++) workers.push(new WorkerProc(w));
    const workerCpu0 = workers.map((w) => w.cpuSec());

    const t0 = nowMs();
    log(`[${target}] creating ${o.meetings} meetings${o.bigRoom ? ` + 1 room of ${o.bigRoom} members` : ""} and joining everyone`);
    const setups = await Promise.all(
      workers.map((w, i) => w.ask({ cmd: "setup", config: workerConfig(o, target, server.url, cookie, specs[i], o.duration, o.syncPoll) })),
    );
    const setupFailures = setups.flatMap((s) => s.failures);
    const meetingsReady = setups.reduce((n, s) => n + s.meetings.length, 0);
    result.setupSeconds = (nowMs() - t0) / 1000;
    result.setupFailures = setupFailures.slice(0, 10);
    result.meetingsReady = meetingsReady;
    if (setupFailures.length > 0) log(`[${target}] ${setupFailures.length} meetings failed to set up, e.g. ${setupFailures[0]}`);
    if (isCluster) {
      // Which node serves each meeting (nginx's hash of its id): the ForumHub-Node header of a request about it.
      const meetingsSet = setups.flatMap((x) => x.meetings);
      const sizeOf = (m) => (m.big ? o.bigRoom + 2 : o.participants);
      const byId = await nodesServing(server, meetingsSet);
      result.cluster.meetingNode = Object.fromEntries(byId);
      result.cluster.perNode = server.nodeNames.map((name) => ({
        node: name,
        meetings: meetingsSet.filter((m) => byId.get(m.id) === name).length,
        connections: meetingsSet.filter((m) => byId.get(m.id) === name).reduce((n, m) => n + sizeOf(m), 0),
      }));
      const unknown = meetingsSet.filter((m) => !server.nodeNames.includes(byId.get(m.id))).length;
      if (unknown > 0) result.cluster.perNode.push({ node: "unknown", meetings: unknown, connections: null });
      log(`[${target}] meetings per node: ${result.cluster.perNode.map((n) => `${n.node} ${n.meetings}`).join(", ")}`);
    }
    await sleep(1000);
    result.rssAfterSetupMb = rssMb(server);

    const t1 = nowMs();
    const connected = await Promise.all(workers.map((w) => w.ask({ cmd: "connect" })));
    result.connections = connected.reduce((n, c) => n + c.connections, 0);
    result.expectedConnections = o.meetings * o.participants + (o.bigRoom > 0 ? o.bigRoom + 2 : 0);
    result.connectFailures = connected.flatMap((c) => c.failures);
    result.connectSeconds = (nowMs() - t1) / 1000;
    log(`[${target}] ${result.connections} connections open in ${result.connectSeconds.toFixed(1)} s`);
    await sleep(o.settle * 1000);
    result.rssConnectedMb = rssMb(server);

    // The run.
    const startAt = nowMs() + 2000;
    const endAt = startAt + o.duration * 1000;
    const syncLead = Math.max(2_500, Math.min(15_000, o.duration * 200));
    const syncAt = endAt - syncLead;
    const sampler = startSampler({ serverPids: server.pids, pgPid: isForum ? o.pgPid || null : null, others: server.others ?? {} });
    const workerCpuRun0 = workers.map((w) => w.cpuSec());
    let trace = null;
    if (o.profileSeconds > 0) {
      const at = startAt + (o.duration * 1000) / 2 - (o.profileSeconds * 1000) / 2;
      trace = havePerf() ? collectPerf(o, server.pids.join(","), outDir, target, at, log) : o.dotnetTrace && existsSync(o.dotnetTrace) ? collectTrace(o, server.pid, outDir, target, at, log) : null;
    }
    log(`[${target}] running for ${o.duration} s (all meetings poll at once ${(syncLead / 1000).toFixed(0)} s before the end)`);
    const runs = await Promise.all(workers.map((w) => w.ask({ cmd: "run", startAt, syncAt, endAt })));
    const usage = sampler.stop();
    const workerCpuRun = workers.map((w, i) => w.cpuSec() - workerCpuRun0[i]);
    if (trace) result.trace = await (await trace)(); // the profile's report is made now, after the run, not during it
    result.loadAverageAfter = loadAverage();
    if (server.exitedEarly()) throw new Error(`${target} exited during the run: ${JSON.stringify(server.exitedEarly())}`);

    // Merge what the workers saw.
    const hist = new Histograms();
    const counters = { commands: 0, ballotsAcked: 0, errors: {}, retries: 0, unexpectedDisconnects: 0, connectFailures: 0, httpRetries: 0, negativeLatencies: 0, eventsReceived: 0 };
    const meetingsOut = [];
    for (const r of runs.map((x) => x.report)) {
      hist.addEncoded(r.histograms);
      for (const [k, v] of Object.entries(r.counters)) {
        if (k === "errors") for (const [code, n] of Object.entries(v)) counters.errors[code] = (counters.errors[code] ?? 0) + n;
        else counters[k] += v;
      }
      meetingsOut.push(...r.meetings);
    }
    const runSeconds = Math.max(...runs.map((x) => x.report.runMs)) / 1000;
    const lat = Object.fromEntries([...hist.map].map(([k, h]) => [k, summary(h)]));
    const sumOf = (f) => meetingsOut.reduce((n, m) => n + f(m), 0);
    result.run = {
      seconds: runSeconds,
      commands: counters.commands,
      commandsPerSecond: counters.commands / runSeconds,
      ballotsAcked: counters.ballotsAcked,
      ballotsPerSecond: counters.ballotsAcked / runSeconds,
      eventsDelivered: counters.eventsReceived,
      deliveriesPerSecond: counters.eventsReceived / runSeconds,
      errors: counters.errors,
      retries: counters.retries,
      httpRetries: counters.httpRetries,
      unexpectedDisconnects: counters.unexpectedDisconnects,
      negativeLatencies: counters.negativeLatencies,
      rounds: sumOf((m) => m.rounds),
      syncPolls: sumOf((m) => (m.syncPoll ? 1 : 0)),
      gaps: sumOf((m) => m.gaps),
      duplicates: sumOf((m) => m.duplicates),
      tailMissing: sumOf((m) => m.tailMissing),
      fanoutIncomplete: sumOf((m) => m.fanoutIncomplete),
      clientsWithGaps: null,
      duplicateBallotAcks: sumOf((m) => m.duplicateBallotAcks),
    };
    result.latency = lat;
    // CPU (% of one core over the run) per acknowledged command, in ms; null when it was not measured.
    const msPerCommand = (pct) => (pct === null ? null : (pct * 10 * usage.seconds) / Math.max(1, counters.commands));
    result.server = {
      pid: server.pid,
      cpuPctOfOneCore: usage.serverCpuPctOfOneCore,
      cpuMsPerCommand: msPerCommand(usage.serverCpuPctOfOneCore),
      cpuUsPerDelivery: (usage.serverCpuPctOfOneCore * 10_000 * usage.seconds) / Math.max(1, counters.eventsReceived),
      postgresCpuPctOfOneCore: usage.pgCpuPctOfOneCore,
      postgresCpuMsPerCommand: msPerCommand(usage.pgCpuPctOfOneCore),
      totalCpuMsPerCommand: usage.pgCpuPctOfOneCore === null ? null : msPerCommand(usage.serverCpuPctOfOneCore + usage.pgCpuPctOfOneCore),
      machineBusyPct: usage.machineBusyPct,
      rssIdleMb: result.rssIdleMb,
      rssWarmedMb: result.rssWarmedMb,
      rssAfterSetupMb: result.rssAfterSetupMb,
      rssConnectedMb: result.rssConnectedMb,
      rssPeakMb: usage.serverRssPeakMb,
      rssEndMb: usage.serverRssEndMb,
      // A cluster: server CPU and RSS above are the sum over its nodes; nginx and redis-server are counted apart here.
      ...(isCluster
        ? {
            pids: server.pids,
            nodeCpuPctOfOneCore: Object.fromEntries(server.nodeNames.map((n, i) => [n, usage.nodeCpuPctOfOneCore?.[i] ?? null])),
            nginxCpuPctOfOneCore: usage.othersCpuPctOfOneCore.nginx ?? null,
            redisCpuPctOfOneCore: usage.othersCpuPctOfOneCore.redis ?? null,
            frontCpuMsPerCommand: msPerCommand((usage.othersCpuPctOfOneCore.nginx ?? 0) + (usage.othersCpuPctOfOneCore.redis ?? 0)),
          }
        : {}),
      kbPerConnectionConnected: ((result.rssConnectedMb - result.rssIdleMb) * 1024) / Math.max(1, result.connections),
      kbPerConnectionPeak: (((usage.serverRssPeakMb ?? result.rssConnectedMb) - result.rssIdleMb) * 1024) / Math.max(1, result.connections),
      series: usage.series,
    };
    result.clients = {
      processes: o.workers,
      cpuPctOfOneCore: workerCpuRun.map((s) => (100 * s) / runSeconds),
      cpuPctOfOneCoreTotal: (100 * workerCpuRun.reduce((a, b) => a + b, 0)) / runSeconds,
      eventLoopDelayMs: runs.map((x) => x.report.eventLoopDelayMs),
      clockSkewMs: runs.map((x) => x.report.clockSkewMs),
      cpuSecondsWholeRun: workers.map((w, i) => w.cpuSec() - workerCpu0[i]),
    };

    // PostgreSQL: ballots stored versus acknowledged, and each meeting's last seq versus what the clients saw.
    if (isForum) {
      const db = { ...parseNpgsql(o.pg), database: dbName };
      const ids = meetingsOut.map((m) => m.id);
      const ballots = await sql(db, "select meeting_id::text as id, count(*)::int as n, count(distinct (poll_id, member_id))::int as d from ballots where meeting_id = any($1::uuid[]) group by meeting_id", [ids]);
      const versions = await sql(db, "select id::text as id, version::int as v from meetings where id = any($1::uuid[])", [ids]);
      const byId = new Map(ballots.map((b) => [b.id, b]));
      const versionOf = new Map(versions.map((v) => [v.id, v.v]));
      let stored = 0;
      let missing = 0;
      let extra = 0;
      let seqMismatch = 0;
      let bigStored = 0;
      let bigAcked = 0;
      for (const m of meetingsOut) {
        const n = byId.get(m.id)?.n ?? 0;
        stored += n;
        if (n < m.ballotsAcked) missing += m.ballotsAcked - n;
        if (n > m.ballotsAcked) extra += n - m.ballotsAcked;
        if ((versionOf.get(m.id) ?? -1) !== m.maxSeq) seqMismatch++;
        if (m.big) {
          bigStored += n;
          bigAcked += m.ballotsAcked;
        }
      }
      // Ballots of earlier runs cannot be here (fresh database), but ballots acked before the run started could be: none are.
      result.database = { name: dbName, ballotsStored: stored, ballotsAcked: counters.ballotsAcked, missing, extra, meetingsWithSeqMismatch: seqMismatch, bigRoomStored: bigStored, bigRoomAcked: bigAcked };
    } else {
      const big = meetingsOut.filter((m) => m.big);
      result.database = { bigRoomAcked: big.reduce((n, m) => n + m.ballotsAcked, 0) };
    }
    result.meetings = meetingsOut;
    log(
      `[${target}] ${result.run.commands} commands (${result.run.commandsPerSecond.toFixed(0)}/s), ballot ack p99 ${lat.ack_ballot?.p99 ?? "-"} ms, ` +
        `fan-out to every member p99 ${lat.fanout_every_member?.p99 ?? "-"} ms, server CPU ${usage.serverCpuPctOfOneCore?.toFixed(0)}%`,
    );
  } finally {
    await Promise.allSettled(workers.map((w) => w.ask({ cmd: "close" })));
    for (const w of workers) w.child.kill();
    result.serverExit = await server.stop();
    for (const pid of server.pids) for (const f of [`/tmp/perf-${pid}.map`, `/tmp/perfinfo-${pid}.map`]) rmSync(f, { force: true });
    if (dbName && pgAdmin && !o.keepDb && !isCluster) {
      await sql(pgAdmin, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
    }
  }
  return result;
}

let perfAvailable = null;
function havePerf() {
  if (perfAvailable === null) {
    try {
      execFileSync("perf", ["stat", "-e", "task-clock", "true"], { stdio: "ignore", timeout: 10_000 });
      perfAvailable = true;
    } catch {
      perfAvailable = false;
    }
  }
  return perfAvailable;
}

/** Linux perf: on-CPU samples of the server (all threads, with call stacks; `pid` may list a cluster's nodes: "1,2") over a window of the run, then its top functions. */
async function collectPerf(o, pid, outDir, target, atMs, log) {
  await sleep(atMs - nowMs());
  const file = path.join(outDir, `${target}.perf.data`);
  log(`[${target}] perf: sampling the server's CPU for ${o.profileSeconds} s`);
  const child = spawn("perf", ["record", "-F", "499", "-g", "-p", String(pid), "-o", file, "--", "sleep", String(o.profileSeconds)], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const code = await new Promise((resolve) => child.on("exit", resolve));
  if (code !== 0 || !existsSync(file)) return () => ({ tool: "perf", error: `perf record exited ${code}: ${stderr.slice(0, 300)}` });
  // perf report takes seconds of CPU: it runs once the measured run is over (the caller calls what is returned).
  return () => reportPerf(file, outDir, target);
}

function reportPerf(file, outDir, target) {
  const report = (args) => {
    try {
      return execFileSync("perf", ["report", "-i", file, "--stdio", "-g", "none", "--percent-limit", "0.7", ...args], { encoding: "utf8", timeout: 300_000, maxBuffer: 64 << 20 });
    } catch (e) {
      return `perf report failed: ${e instanceof Error ? e.message : e}`;
    }
  };
  const text = [
    "# Self time by module",
    report(["--no-children", "--sort", "dso"]),
    "# Self time by function",
    report(["--no-children", "--sort", "dso,symbol"]),
    "# Inclusive time by function",
    report(["--children", "--sort", "symbol"]),
  ].join("\n");
  const top = path.join(outDir, `${target}-profile.txt`);
  writeFileSync(top, text);
  return { tool: "perf", file: path.relative(repo, file), top: path.relative(repo, top), byComponent: byComponent(report(["--no-children", "--sort", "dso,symbol", "--percent-limit", "0"])) };
}

/**
 * Self time grouped by component: the managed assembly of each JIT-compiled function (CoreLib by namespace), the
 * runtime (libcoreclr, the JIT), the kernel (scheduler versus the rest, mostly the network), other libraries.
 */
function byComponent(reportText) {
  const groups = new Map();
  let total = 0;
  for (const line of reportText.split("\n")) {
    const m = /^\s+([\d.]+)%\s+(\S.*?)\s{2,}\[(.)\]\s+(.*)$/.exec(line);
    if (!m) continue;
    const pct = Number(m[1]);
    const dso = m[2];
    const sym = m[4];
    total += pct;
    let key;
    if (dso.startsWith("[JIT]")) {
      const mm = /\[([A-Za-z0-9_.]+)\]\s+([A-Za-z0-9_.`]+)/.exec(sym);
      const assembly = mm?.[1] ?? "unresolved JIT code";
      key = assembly === "System.Private.CoreLib" ? `CoreLib ${mm[2].split("::")[0].split(".").slice(0, 3).join(".")}` : assembly;
    } else if (dso.includes("kernel")) {
      key = /sched|switch|yield/.test(sym) ? "kernel: scheduler" : "kernel: network and the rest";
    } else if (/memfd:doublemapper|perf-\d+\.map/.test(dso)) {
      key = "unresolved JIT code";
    } else {
      key = dso;
    }
    groups.set(key, (groups.get(key) ?? 0) + pct);
  }
  return [...groups].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([component, percent]) => ({ component, percent: Math.round(percent * 10) / 10 }));
}

/** dotnet-trace's CPU sampling over a window of the run, then its top-N report (the profile evidence). */
async function collectTrace(o, pid, outDir, target, atMs, log) {
  await sleep(atMs - nowMs());
  const file = path.join(outDir, `${target}.nettrace`);
  log(`[${target}] dotnet-trace: sampling thread stacks for ${o.profileSeconds} s`);
  const duration = new Date(o.profileSeconds * 1000).toISOString().slice(11, 19);
  const child = spawn(o.dotnetTrace, ["collect", "-p", String(pid).split(",")[0], "--profile", "dotnet-sampled-thread-time", "--duration", duration, "-o", file], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const code = await new Promise((resolve) => child.on("exit", resolve));
  if (code !== 0 || !existsSync(file)) return () => ({ tool: "dotnet-trace", error: `dotnet-trace exited ${code}: ${stderr.slice(0, 300)}` });
  return () => reportTrace(o, file, outDir, target);
}

function reportTrace(o, file, outDir, target) {
  let top = "";
  try {
    top = execFileSync(o.dotnetTrace, ["report", file, "topN", "-n", "30", "--inclusive"], { encoding: "utf8", timeout: 300_000 });
    top += "\n" + execFileSync(o.dotnetTrace, ["report", file, "topN", "-n", "30"], { encoding: "utf8", timeout: 300_000 });
  } catch (e) {
    top = `dotnet-trace report failed: ${e instanceof Error ? e.message : e}`;
  }
  writeFileSync(path.join(outDir, `${target}-profile.txt`), top);
  return { tool: "dotnet-trace (thread time, waiting threads included)", file: path.relative(repo, file), top: path.relative(repo, path.join(outDir, `${target}-profile.txt`)) };
}

function machine() {
  const cpus = os.cpus();
  let dotnet = "";
  try {
    dotnet = execFileSync("dotnet", ["--version"], { encoding: "utf8" }).trim();
  } catch {
    // none
  }
  let osName = os.type();
  try {
    osName = /PRETTY_NAME="([^"]+)"/.exec(readFileSync("/etc/os-release", "utf8"))?.[1] ?? osName;
  } catch {
    // keep
  }
  return {
    cpu: cpus[0]?.model ?? "unknown",
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 1073741824),
    os: `${osName}, kernel ${os.release()}`,
    node: process.version,
    dotnet,
  };
}

async function main() {
  // Ctrl+C or SIGTERM: exit, so the exit handlers here and in the cluster harness kill every server, node, nginx and redis.
  process.once("SIGINT", () => process.exit(130));
  process.once("SIGTERM", () => process.exit(143));
  const o = parseArgs(process.argv.slice(2));
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const outDir = path.resolve(o.out || path.join(repo, "artifacts", "bench", `${o.smoke ? "smoke" : "full"}-${stamp}`));
  mkdirSync(outDir, { recursive: true });
  const log = (s) => console.log(`bench: ${s}`);
  const started = new Date().toISOString();
  const loadBefore = loadAverage();
  log(`load average ${loadBefore.join(" ")}; results in ${path.relative(repo, outDir)}`);
  const targets = {};
  for (const target of o.targets.split(",").map((s) => s.trim()).filter(Boolean)) {
    targets[target] = await runTarget(target, o, outDir, log);
  }
  const results = {
    label: o.label || (o.smoke ? "smoke" : "full"),
    started,
    finished: new Date().toISOString(),
    machine: { ...machine(), fdatasyncUs: o.fdatasyncUs || null },
    loadAverageBefore: loadBefore,
    loadAverageAfter: loadAverage(),
    options: { ...o, pg: o.pg ? "(set)" : "" },
    targets,
  };
  results.evaluation = evaluateTargets(results);
  writeFileSync(path.join(outDir, "results.json"), JSON.stringify(results, null, 2));
  const md = renderMarkdown(results);
  writeFileSync(path.join(outDir, "results.md"), md);
  console.log(`\n${md}`);
  if (o.docs) {
    updateDocs(path.resolve(repo, o.docs), results, path.relative(repo, outDir));
    log(`wrote ${o.docs}`);
  }
  if (o.check) {
    const problems = results.evaluation.correctness.filter((c) => !c.ok);
    for (const p of problems) console.error(`bench: FAILED ${p.name}: ${p.detail}`);
    if (problems.length > 0) process.exit(1);
    log("all correctness checks passed");
  }
}

main().catch((error) => {
  console.error(`bench: ${error instanceof Error ? error.stack : error}`);
  process.exit(2);
});
