// A ForumHub cluster for the multi-node tests (tests/e2e/cluster, run by scripts/cluster-test.sh): several Api nodes on
// one PostgreSQL database, Redis for the cluster's membership, and one nginx in front with two doors:
//
//   affinityUrl    `hash $meeting_key consistent`: every request naming a meeting (`/hubs/meeting?meeting=<id>`, its
//                  negotiate, `/api/meetings/<id>/...`) goes to the same node; anything else to any node. A dead node
//                  is skipped (proxy_next_upstream error timeout, max_fails=1 fail_timeout=5s).
//   roundRobinUrl  plain round robin: negotiate and the WebSocket may land on different nodes, so clients there use
//                  skipNegotiation with the WebSockets transport (roundRobinClient in meetings.mjs).
//
//   const cluster = await startCluster({ name: "failover" });
//   cluster.nodes[1].kill("SIGKILL"); await cluster.nodes[1].start();
//   await cluster.nodeOf(await fetch(`${cluster.affinityUrl}/api/meetings/${id}/snapshot`, ...)); // "node2"
//   await cluster.dbQuery("select ...");
//   await cluster.stop();
//
// The benchmark's cluster target (bench/lib/bench.mjs) starts its clusters here too: startCluster's options name its
// own PostgreSQL, redis-server (startRedis below) and work folder instead of the environment.
//
// Environment (scripts/cluster-test.sh sets them):
//   FORUMHUB_TEST_PG         PostgreSQL without a database (Host=127.0.0.1;Port=...;Username=postgres); each cluster
//                            makes a fresh database on it
//   FORUMHUB_CLUSTER_REDIS   127.0.0.1:<port> of a redis-server, given to the nodes as Cluster__Redis (unset: each
//                            node runs alone, without Cluster__Redis)
//   FORUMHUB_CLUSTER_DIR     a folder for the nodes' logs, nginx's prefix and the pid files of everything started here
//                            (<dir>/pids/*.pid: the script ends them if this process dies first); default: a temp dir
//   FORUMHUB_API_DLL         the built Api (default src/Api/bin/Release/net10.0/ForumHub.Api.dll)
//   FORUMHUB_NGINX           the nginx binary (default /usr/sbin/nginx, else nginx on the PATH)
//
// The nodes' settings: what tests/e2e/lib/app.mjs gives an Api (Production, content root src/Api, a database, the e2e
// administrator) plus Cluster__Redis, Cluster__Id, Cluster__SiloPort and Cluster__NodeName, and generous rate limits
// (every test client comes from 127.0.0.1). A node answers every HTTP request with `ForumHub-Node: <NodeName>`; until
// it does, nginx's own `X-ForumHub-Upstream` header (the address it used) tells which node answered.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { freePort, parseNpgsql, productionEnv } from "../../lib/app.mjs";
import { adminEnv } from "../../lib/facilitator.mjs";
import { sleep } from "../../lib/wait.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "..", "..", "..", "..");
const defaultDll = path.join(repoRoot, "src", "Api", "bin", "Release", "net10.0", "ForumHub.Api.dll");

/** How long a node may take to answer /healthz (tests/e2e/lib/app.mjs measured up to 41 s on a busy 2-core machine). */
export const STARTUP_TIMEOUT_MS = 120_000;
/** How long a node may take to exit after SIGTERM before it is killed (and the test told). */
export const STOP_TIMEOUT_MS = 45_000;
/** The header a node puts on every response. */
export const NODE_HEADER = "forumhub-node";
/** The header nginx adds: the upstream address(es) it tried, the last one answered. */
export const UPSTREAM_HEADER = "x-forumhub-upstream";

export const nginxBinary = () =>
  process.env.FORUMHUB_NGINX || ["/usr/sbin/nginx", "nginx"].find((n) => spawnSync(n, ["-v"]).status === 0) || null;

/**
 * Everything this process started, ended when it exits however it exits (the script also ends them by pid file).
 * nginx gets SIGTERM (`stopSignal`): a SIGKILL would end its master and leave its worker running, orphaned.
 */
const running = new Set();
process.on("exit", () => {
  for (const child of running) {
    try {
      child.kill(child.stopSignal ?? "SIGKILL");
    } catch {
      // gone already
    }
  }
});

function basePg(override) {
  const cs = override || process.env.FORUMHUB_TEST_PG;
  if (!cs) throw new Error("FORUMHUB_TEST_PG is not set: run the cluster tests through scripts/cluster-test.sh");
  return cs.replace(/;+\s*$/, "");
}

async function adminQuery(sql, pgOverride) {
  const client = new pg.Client({ ...parseNpgsql(basePg(pgOverride)), database: "postgres" });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function portOpen(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.setTimeout(1_000);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** The last `lines` lines of a file ("" when it does not exist). */
export function tail(file, lines = 40) {
  try {
    const size = statSync(file).size;
    const text = readFileSync(file, "utf8").slice(Math.max(0, size - 200_000));
    return text.split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

/**
 * One Api node: a `dotnet ForumHub.Api.dll` process with its own port, silo port and name, its output appended to
 * `<dir>/<name>.log` (over restarts).
 */
class ApiNode {
  constructor({ name, port, siloPort, metricsPort, env, dir, pidDir }) {
    this.name = name;
    this.port = port;
    this.siloPort = siloPort;
    this.metricsPort = metricsPort;
    this.url = `http://127.0.0.1:${port}`;
    this.env = env;
    this.logFile = path.join(dir, `${name}.log`);
    this.pidFile = path.join(pidDir, `${name}.pid`);
    /** @type {import("node:child_process").ChildProcess | null} */
    this.child = null;
    /** @type {Promise<{ code: number | null, signal: string | null }> | null} */
    this.exited = null;
    this.exitInfo = null;
    this.starts = 0;
  }

  get alive() {
    return this.child !== null && this.exitInfo === null;
  }

  get pid() {
    return this.child?.pid ?? null;
  }

  /** Starts the process (not waiting for it to be ready: see waitHealthy). */
  launch() {
    if (this.alive) throw new Error(`${this.name} is already running (pid ${this.pid})`);
    const dll = process.env.FORUMHUB_API_DLL || defaultDll;
    if (!existsSync(dll)) throw new Error(`The Api is not built: ${dll} is missing (scripts/cluster-test.sh builds it).`);
    this.starts++;
    const out = openSync(this.logFile, "a");
    writeFileSync(out, `\n===== ${new Date().toISOString()} start ${this.starts} of ${this.name} on ${this.url} =====\n`);
    const child = spawn("dotnet", [dll, "--urls", this.url], {
      cwd: path.dirname(dll),
      env: { ...process.env, DOTNET_NOLOGO: "1", DOTNET_CLI_TELEMETRY_OPTOUT: "1", ...this.env },
      stdio: ["ignore", out, out],
    });
    closeSync(out);
    this.child = child;
    this.exitInfo = null;
    running.add(child);
    writeFileSync(this.pidFile, `${child.pid}\n`);
    this.exited = new Promise((resolve) => {
      const done = (info) => {
        if (this.child === child) this.exitInfo = info;
        running.delete(child);
        try {
          if (readFileSync(this.pidFile, "utf8").trim() === String(child.pid)) unlinkSync(this.pidFile);
        } catch {
          // already gone
        }
        resolve(info);
      };
      child.once("exit", (code, signal) => done({ code, signal }));
      child.once("error", (error) => done({ code: null, signal: null, error: error.message }));
    });
  }

  /** Waits until GET /healthz answers 200 (or the process exits, or STARTUP_TIMEOUT_MS pass). */
  async waitHealthy(timeoutMs = STARTUP_TIMEOUT_MS) {
    const deadline = Date.now() + timeoutMs;
    let last = "no answer yet";
    while (Date.now() < deadline) {
      if (!this.alive) {
        throw new Error(`${this.name} exited before it was healthy (${JSON.stringify(this.exitInfo)}); ` +
          `log ${this.logFile}:\n${tail(this.logFile)}`);
      }
      try {
        const response = await fetch(`${this.url}/healthz`, { signal: AbortSignal.timeout(2_000) });
        if (response.status === 200) return;
        last = `GET /healthz answered ${response.status}`;
      } catch (error) {
        last = `GET /healthz failed: ${error instanceof Error ? error.message : String(error)}`;
      }
      await sleep(250);
    }
    throw new Error(`${this.name} was not healthy within ${timeoutMs / 1000} s at ${this.url} (${last}); ` +
      `log ${this.logFile}:\n${tail(this.logFile)}`);
  }

  /** Starts the node and waits until it is healthy. */
  async start() {
    this.launch();
    await this.waitHealthy();
  }

  /** Sends `signal` and waits for the process to exit; resolves with { code, signal, ms }. */
  async kill(signal = "SIGKILL") {
    const child = this.child;
    if (!child || !this.exited || this.exitInfo) return { ...(this.exitInfo ?? {}), ms: 0, already: true };
    const started = Date.now();
    child.kill(signal);
    const info = await this.exited;
    return { ...info, ms: Date.now() - started };
  }

  /**
   * SIGTERM (a graceful stop) and waits up to STOP_TIMEOUT_MS for the exit; then SIGKILL. Resolves with
   * { code, signal, ms, forced } so a test can say the node did not stop by itself.
   */
  async stop(timeoutMs = STOP_TIMEOUT_MS) {
    const child = this.child;
    if (!child || !this.exited || this.exitInfo) return { ...(this.exitInfo ?? {}), ms: 0, forced: false, already: true };
    const started = Date.now();
    child.kill("SIGTERM");
    let timer;
    const info = await Promise.race([
      this.exited,
      new Promise((resolve) => {
        timer = setTimeout(() => resolve(null), timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    if (info) return { ...info, ms: Date.now() - started, forced: false };
    child.kill("SIGKILL");
    const killed = await this.exited;
    return { ...killed, ms: Date.now() - started, forced: true };
  }

  /** The last lines of this node's log. */
  logTail(lines = 40) {
    return tail(this.logFile, lines);
  }
}

/** The nginx configuration: both doors, one upstream each, every path and pid inside `dir`. */
export function nginxConfig({ dir, affinityPort, roundRobinPort, nodes }) {
  const servers = nodes.map((n) => `    server 127.0.0.1:${n.port} max_fails=1 fail_timeout=5s;`).join("\n");
  const proxy = `
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_connect_timeout 2s;
      proxy_read_timeout 1h;
      proxy_send_timeout 1h;
      proxy_buffering off;
      proxy_next_upstream error timeout;
      proxy_next_upstream_tries 3;
      proxy_next_upstream_timeout 10s;
      add_header X-ForumHub-Upstream $upstream_addr always;`;
  return `# Written by tests/e2e/cluster/lib/cluster.mjs for one test run.
${process.getuid?.() === 0 ? "user root;" : ""}
worker_processes 1;
# Each proxied WebSocket holds two connections (client and node): the benchmark's 2,062 clients needed more than 4,096
# (nginx then reused connections and 143 clients never connected).
worker_rlimit_nofile 40000;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 16384; }
http {
  log_format upstream '$time_iso8601 $status "$request" key=$meeting_key upstream=$upstream_addr status=$upstream_status';
  access_log ${dir}/access.log upstream;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;

  map $http_upgrade $connection_upgrade {
    default upgrade;
    '' close;
  }

  # Meeting affinity: the meeting a request is about, else something different for every request.
  #   /hubs/meeting?meeting=<id> and /hubs/meeting/negotiate?meeting=<id>&negotiateVersion=1  -> <id>
  #   /api/meetings/<id>/...                                                                 -> <id>
  map $uri $meeting_key {
    "~^/api/meetings/(?<path_meeting>[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})(/|$)" $path_meeting;
    "~^/hubs/meeting(/|$)" $arg_meeting;
    default $request_id;
  }

  upstream forumhub_affinity {
    hash $meeting_key consistent;
${servers}
  }

  upstream forumhub_round_robin {
${servers}
  }

  server {
    listen 127.0.0.1:${affinityPort};
    location / {
      proxy_pass http://forumhub_affinity;${proxy}
    }
  }

  server {
    listen 127.0.0.1:${roundRobinPort};
    location / {
      proxy_pass http://forumhub_round_robin;${proxy}
    }
  }
}
`;
}

/**
 * Starts a cluster of `size` nodes (the first alone, so one node migrates the fresh database and creates the e2e
 * administrator; then the others together) and nginx in front. `env` adds settings to every node (and overrides
 * these, e.g. another administrator). The benchmark (bench/lib/bench.mjs) passes the rest; the tests take the defaults:
 *   pg                 PostgreSQL without a database (default FORUMHUB_TEST_PG)
 *   redis              host:port for Cluster__Redis (default FORUMHUB_CLUSTER_REDIS; "" = each node alone)
 *   base               the work folder (default FORUMHUB_CLUSTER_DIR, else a new temp dir)
 *   connectionOptions  added to the nodes' connection string ("Max Auto Prepare=0;...")
 *   keepDatabase       stop() leaves the database in place
 * @param {{ name: string, size?: number, env?: Record<string, string>, pg?: string, redis?: string, base?: string,
 *   connectionOptions?: string, keepDatabase?: boolean }} options
 */
export async function startCluster({ name, size = 3, env = {}, pg: pgOverride, redis: redisOverride, base: baseOverride, connectionOptions = "", keepDatabase = false }) {
  if (!/^[a-z][a-z0-9_]{0,30}$/.test(name)) throw new Error(`cluster name must be a short lower-case identifier, got ${name}`);
  const nginx = nginxBinary();
  if (!nginx) throw new Error("nginx is not installed (apt-get install nginx)");
  const base = baseOverride || process.env.FORUMHUB_CLUSTER_DIR || mkdtempSync(path.join(os.tmpdir(), "forumhub-cluster-"));
  const suffix = randomBytes(3).toString("hex");
  const dir = path.join(base, `${name}-${suffix}`);
  const pidDir = path.join(base, "pids");
  mkdirSync(dir, { recursive: true });
  mkdirSync(pidDir, { recursive: true });

  const dbName = `cluster_${name}_${suffix}`;
  await adminQuery(`CREATE DATABASE "${dbName}"`, pgOverride);
  const connectionString = `${basePg(pgOverride)};Database=${dbName}`;
  const pool = new pg.Pool({ ...parseNpgsql(connectionString), max: 4 });

  const affinityPort = await freePort();
  const roundRobinPort = await freePort();
  const affinityUrl = `http://127.0.0.1:${affinityPort}`;
  const roundRobinUrl = `http://127.0.0.1:${roundRobinPort}`;
  const redis = redisOverride ?? process.env.FORUMHUB_CLUSTER_REDIS ?? "";
  const clusterId = `forumhub-${name}-${suffix}`;

  const nodes = [];
  const ports = new Set([affinityPort, roundRobinPort]);
  const distinctPort = async () => {
    for (;;) {
      const port = await freePort();
      if (!ports.has(port)) {
        ports.add(port);
        return port;
      }
    }
  };
  for (let i = 1; i <= size; i++) {
    const nodeName = `node${i}`;
    const port = await distinctPort();
    const siloPort = await distinctPort();
    const metricsPort = await distinctPort();
    nodes.push(new ApiNode({
      name: nodeName, port, siloPort, metricsPort, dir, pidDir,
      env: {
        ...adminEnv,
        ...productionEnv,
        ConnectionStrings__Forum: connectionOptions ? `${connectionString};${connectionOptions}` : connectionString,
        PublicUrl: affinityUrl,
        Metrics__Port: String(metricsPort),
        Network__TrustedProxies__0: "127.0.0.1",
        // Every test client is 127.0.0.1: the per-address limits would refuse the set-up's joins.
        RateLimits__JoinsPerMinutePerAddress: "100000",
        RateLimits__CreatesPerMinutePerAddress: "100000",
        ...(redis ? { Cluster__Redis: redis } : {}),
        Cluster__Id: clusterId,
        Cluster__SiloPort: String(siloPort),
        Cluster__NodeName: nodeName,
        ...env,
      },
    }));
  }

  const cluster = {
    name, dir, pidDir, dbName, connectionString, clusterId, redis, nodes, affinityUrl, roundRobinUrl, affinityPort, roundRobinPort,
    /** @type {import("node:child_process").ChildProcess | null} */
    nginx: null,
    nginxLog: path.join(dir, "error.log"),
    accessLog: path.join(dir, "access.log"),
    /** Whether the nodes name themselves (ForumHub-Node); seen on the first direct answer. */
    nodesSendHeader: null,
    node: (nodeName) => nodes.find((n) => n.name === nodeName),
    /**
     * The node that answered a response that came through nginx (or straight from a node): its ForumHub-Node header,
     * else the node at the last address nginx's X-ForumHub-Upstream names. null when neither says.
     * @param {Response} response
     */
    nodeOf(response) {
      const named = response.headers.get(NODE_HEADER);
      if (named) return named;
      const upstream = (response.headers.get(UPSTREAM_HEADER) ?? "").split(",").map((s) => s.trim()).filter(Boolean).pop();
      const port = upstream ? Number(upstream.split(":").pop()) : NaN;
      return nodes.find((n) => n.port === port)?.name ?? null;
    },
    /** Runs SQL on the cluster's database; returns the rows. */
    async dbQuery(sql, params = []) {
      return (await pool.query(sql, params)).rows;
    },
    /** A short line per node: name, port, alive, starts. */
    describe() {
      return nodes.map((n) => `${n.name} (:${n.port}, silo :${n.siloPort}, ${n.alive ? `pid ${n.pid}` : "down"})`).join(", ");
    },
    /** Stops nginx and every node (SIGTERM, then SIGKILL), ends the pool and drops the database. */
    async stop() {
      if (cluster.nginx && cluster.nginx.exitCode === null && cluster.nginx.signalCode === null) {
        const exited = new Promise((resolve) => cluster.nginx.once("exit", resolve));
        cluster.nginx.kill("SIGTERM");
        await Promise.race([exited, sleep(5_000)]);
        if (cluster.nginx.exitCode === null && cluster.nginx.signalCode === null) cluster.nginx.kill("SIGKILL");
      }
      await Promise.all(nodes.map((n) => n.stop(15_000)));
      await pool.end().catch(() => undefined);
      if (!keepDatabase) await adminQuery(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`, pgOverride).catch(() => undefined);
    },
  };

  try {
    // The first node alone: it migrates the new database and creates the administrator (two nodes doing that at the
    // same moment would both find no administrator and both create one). Then the others together.
    await nodes[0].start();
    await Promise.all(nodes.slice(1).map((n) => n.start()));
    const direct = await fetch(`${nodes[0].url}/healthz`);
    cluster.nodesSendHeader = direct.headers.has(NODE_HEADER);

    writeFileSync(path.join(dir, "nginx.conf"), nginxConfig({ dir, affinityPort, roundRobinPort, nodes }));
    const args = ["-p", dir, "-e", cluster.nginxLog, "-c", path.join(dir, "nginx.conf")];
    const checked = spawnSync(nginx, ["-t", ...args], { encoding: "utf8" });
    if (checked.status !== 0) throw new Error(`nginx -t refused ${path.join(dir, "nginx.conf")}: ${checked.stderr}`);
    const proc = spawn(nginx, [...args, "-g", "daemon off;"], { stdio: ["ignore", "ignore", "pipe"] });
    let nginxErrors = "";
    proc.stderr.on("data", (chunk) => (nginxErrors += chunk));
    cluster.nginx = proc;
    proc.stopSignal = "SIGTERM";
    running.add(proc);
    writeFileSync(path.join(pidDir, `nginx-${name}-${suffix}.pid`), `${proc.pid}\n`);
    proc.once("exit", () => {
      running.delete(proc);
      rmSync(path.join(pidDir, `nginx-${name}-${suffix}.pid`), { force: true });
    });
    const deadline = Date.now() + 10_000;
    while (!((await portOpen(affinityPort)) && (await portOpen(roundRobinPort)))) {
      if (proc.exitCode !== null || Date.now() > deadline) {
        throw new Error(`nginx did not start listening (${nginxErrors.trim() || "no output"}); ${tail(cluster.nginxLog)}`);
      }
      await sleep(100);
    }
  } catch (error) {
    await cluster.stop().catch(() => undefined);
    throw error;
  }
  return cluster;
}

/** Whether a redis-server answers PING on 127.0.0.1:port. */
function redisPing(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    let reply = "";
    socket.setTimeout(2_000);
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.on("data", (chunk) => {
      reply += chunk;
      if (reply.includes("\r\n")) {
        socket.destroy();
        resolve(reply.startsWith("+PONG"));
      }
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/**
 * A redis-server for the cluster's membership, as scripts/cluster-test.sh starts one (127.0.0.1, a free port, no
 * persistence), for callers without that script (the benchmark's cluster target). Its pid file is in `<base>/pids`
 * and it is killed when this process exits. Resolves once it answers PING: { address, port, pid, logFile, stop() }.
 * @param {{ base: string, name?: string }} options
 */
export async function startRedis({ base, name = "redis" }) {
  const binary = process.env.FORUMHUB_REDIS || "redis-server";
  const dir = path.join(base, name);
  const pidDir = path.join(base, "pids");
  mkdirSync(dir, { recursive: true });
  mkdirSync(pidDir, { recursive: true });
  const port = await freePort();
  const logFile = path.join(dir, "redis.log");
  const proc = spawn(binary, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no", "--dir", dir, "--logfile", logFile], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let errors = "";
  proc.stderr.on("data", (chunk) => (errors += chunk));
  const pidFile = path.join(pidDir, `${name}.pid`);
  const exited = new Promise((resolve) => {
    proc.once("exit", (code, signal) => resolve({ code, signal }));
    proc.once("error", (error) => resolve({ code: null, signal: null, error: error.message }));
  });
  running.add(proc);
  if (proc.pid) writeFileSync(pidFile, `${proc.pid}\n`);
  let gone = null;
  exited.then((info) => {
    gone = info;
    running.delete(proc);
    rmSync(pidFile, { force: true });
  });
  const redis = {
    address: `127.0.0.1:${port}`,
    port,
    pid: proc.pid,
    logFile,
    async stop() {
      if (gone) return gone;
      proc.kill("SIGTERM");
      const info = await Promise.race([exited, sleep(5_000).then(() => null)]);
      if (info) return info;
      proc.kill("SIGKILL");
      return exited;
    },
  };
  const deadline = Date.now() + 10_000;
  while (!(await redisPing(port))) {
    if (gone || Date.now() > deadline) {
      await redis.stop();
      throw new Error(`redis-server did not answer PING on 127.0.0.1:${port} (${JSON.stringify(gone)} ${errors.trim()}); ${tail(logFile, 5)}`);
    }
    await sleep(200);
  }
  return redis;
}
