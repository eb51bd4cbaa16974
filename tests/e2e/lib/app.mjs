// Starts the real ForumHub Api (the Release build) against a fresh PostgreSQL database, for end-to-end tests.
//
//   const app = await startApp({ dbName: "e2e_smoke" });
//   await fetch(`${app.baseUrl}/healthz`);
//   await app.dbQuery("select count(*)::int as n from ...");   // -> rows
//   await app.kill("SIGKILL"); await app.restart();            // same port, same database
//   await app.stop();
//
// Environment (scripts/test.sh sets both):
//   FORUMHUB_TEST_PG   an Npgsql connection string without a database, e.g. Host=127.0.0.1;Port=55432;Username=postgres
//   FORUMHUB_API_DLL   the built Api, default: src/Api/bin/Release/net10.0/ForumHub.Api.dll in this repository
//
// Options: env (extra environment for the Api, or a function of the chosen port returning it), port (default: a free
// one), keepDatabase (start on the database as it is instead of a fresh one, e.g. a restored backup), pg (another server's connection string instead of FORUMHUB_TEST_PG,
// e.g. a private cluster a test restarts), onOutput(line) (every stdout/stderr line, as "[out] ..." / "[err] ...",
// for tests that read the whole log; output() keeps only the last lines).
//
// The database is created with the `pg` package (node-postgres), not psql, so no client binary is needed.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { sleep } from "./wait.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "..", "..", "..");
const defaultDll = path.join(repoRoot, "src", "Api", "bin", "Release", "net10.0", "ForumHub.Api.dll");

/**
 * Environment for an Api run as scripts/run.sh runs it: Production, with src/Api as its content root (its
 * appsettings.json and the web app in its wwwroot; Development finds them through the static web assets manifest).
 */
export const productionEnv = {
  ASPNETCORE_ENVIRONMENT: "Production",
  ASPNETCORE_CONTENTROOT: path.join(repoRoot, "src", "Api"),
};

// How long an Api start may take before a test gives up. The whole suite runs its lanes at once on 2 cores (load
// average 17-20): measured under 16 busy loops, a start took 35-41 s to answer /healthz, and CI once passed 60 s.
const STARTUP_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 15_000;
const OUTPUT_LINES_KEPT = 400;

/** Processes still running when this test process exits are killed, so a failed test leaves no server behind. */
const running = new Set();
process.on("exit", () => {
  for (const child of running) {
    try {
      child.kill("SIGKILL");
    } catch {
      // already gone
    }
  }
});

/**
 * Parses an Npgsql-style connection string ("Host=...;Port=...;Username=...") into node-postgres options.
 * @param {string} connectionString
 */
export function parseNpgsql(connectionString) {
  /** @type {Record<string, string>} */
  const values = {};
  for (const part of connectionString.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim().toLowerCase().replace(/\s+/g, "");
    values[key] = part.slice(eq + 1).trim();
  }
  const pick = (...keys) => keys.map((k) => values[k]).find((v) => v !== undefined && v !== "");
  return {
    host: pick("host", "server") ?? "127.0.0.1",
    port: Number(pick("port") ?? 5432),
    user: pick("username", "userid", "user", "uid") ?? "postgres",
    password: pick("password", "pwd"),
    database: pick("database", "db"),
  };
}

function basePg(override) {
  const cs = override ?? process.env.FORUMHUB_TEST_PG;
  if (!cs) {
    throw new Error(
      "FORUMHUB_TEST_PG is not set. Run the suite through scripts/test.sh, or set it to an Npgsql connection string " +
        "without a database, e.g. Host=127.0.0.1;Port=55432;Username=postgres",
    );
  }
  return cs.replace(/;+\s*$/, "");
}

/** Runs one statement with a short-lived client and returns its rows. */
async function query(config, sql, params = []) {
  const client = new pg.Client(config);
  await client.connect();
  try {
    const result = await client.query(sql, params);
    return result.rows;
  } finally {
    await client.end();
  }
}

function quoteIdent(name) {
  return `"${name.replaceAll('"', '""')}"`;
}

async function createDatabase(dbName, pgOverride) {
  const admin = { ...parseNpgsql(basePg(pgOverride)), database: "postgres" };
  await query(admin, `DROP DATABASE IF EXISTS ${quoteIdent(dbName)} WITH (FORCE)`);
  await query(admin, `CREATE DATABASE ${quoteIdent(dbName)}`);
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = /** @type {net.AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/**
 * Creates a fresh database `dbName` and starts the Api on a free port against it.
 * `outputLines` is how many of its last output lines to keep (default 400; more to search a whole verbose log).
 * @param {{ dbName: string, env?: Record<string, string> | ((port: number) => Record<string, string>), port?: number, keepDatabase?: boolean, outputLines?: number, pg?: string, onOutput?: (line: string) => void }} options
 */
export async function startApp({ dbName, env = {}, port: fixedPort, keepDatabase = false, outputLines = OUTPUT_LINES_KEPT, pg: pgOverride, onOutput }) {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(dbName ?? "")) {
    throw new Error(`dbName must be a lower-case identifier (letters, digits, _), got ${JSON.stringify(dbName)}`);
  }
  const dll = process.env.FORUMHUB_API_DLL || defaultDll;
  if (!existsSync(dll)) {
    throw new Error(`The Api is not built: ${dll} is missing. Run 'dotnet build -c Release' (scripts/test.sh does).`);
  }

  if (!keepDatabase) await createDatabase(dbName, pgOverride);
  const connectionString = `${basePg(pgOverride)};Database=${dbName}`;
  const dbConfig = parseNpgsql(connectionString);
  const port = fixedPort ?? (await freePort());
  const extraEnv = typeof env === "function" ? env(port) : env;
  const baseUrl = `http://127.0.0.1:${port}`;

  /** @type {import("node:child_process").ChildProcess | null} */
  let child = null;
  /** @type {Promise<void> | null} */
  let exited = null;
  /** @type {string[]} */
  let output = [];

  // A chunk may end in the middle of a line: keep the unfinished part until the rest arrives (or the process ends).
  const partial = { out: "", err: "" };
  const keep = (stream, line) => {
    if (line.trim() === "") return;
    output.push(`[${stream}] ${line}`);
    onOutput?.(`[${stream}] ${line}`);
  };
  const remember = (stream, chunk) => {
    const lines = (partial[stream] + chunk.toString()).split("\n");
    partial[stream] = lines.pop() ?? "";
    for (const line of lines) keep(stream, line);
    if (output.length > outputLines) output = output.slice(-outputLines);
  };
  const flush = () => {
    for (const stream of /** @type {const} */ (["out", "err"])) {
      keep(stream, partial[stream]);
      partial[stream] = "";
    }
  };

  async function launch() {
    output = [];
    const proc = spawn("dotnet", [dll, "--urls", baseUrl], {
      // The content root (appsettings.json, static web assets manifest) is the build output folder.
      cwd: path.dirname(dll),
      env: {
        ...process.env,
        ASPNETCORE_ENVIRONMENT: "Development",
        DOTNET_NOLOGO: "1",
        DOTNET_CLI_TELEMETRY_OPTOUT: "1",
        ConnectionStrings__Forum: connectionString,
        ...extraEnv,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child = proc;
    running.add(proc);
    proc.stdout.on("data", (chunk) => remember("out", chunk));
    proc.stderr.on("data", (chunk) => remember("err", chunk));
    proc.on("close", flush); // both streams ended: a last line without a line break
    let exitInfo = null;
    exited = new Promise((resolve) => {
      proc.on("exit", (code, signal) => {
        exitInfo = { code, signal };
        running.delete(proc);
        resolve();
      });
      proc.on("error", (error) => {
        exitInfo = { code: null, signal: null, error };
        running.delete(proc);
        resolve();
      });
    });

    const deadline = Date.now() + STARTUP_TIMEOUT_MS;
    let lastProblem = "no answer yet";
    while (Date.now() < deadline) {
      if (exitInfo) {
        throw new Error(
          `The Api exited before it was healthy (${JSON.stringify(exitInfo)}).\n--- its output ---\n${output.join("\n")}`,
        );
      }
      try {
        const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
        if (response.status === 200) return;
        lastProblem = `GET /healthz answered ${response.status}`;
      } catch (error) {
        lastProblem = `GET /healthz failed: ${error instanceof Error ? error.message : String(error)}`;
      }
      await sleep(250);
    }
    const tail = output.join("\n");
    await terminate("SIGKILL");
    throw new Error(
      `The Api was not healthy within ${STARTUP_TIMEOUT_MS / 1000} s at ${baseUrl} (${lastProblem}).\n--- its output ---\n${tail}`,
    );
  }

  async function terminate(signal) {
    const proc = child;
    if (!proc || !exited || proc.exitCode !== null || proc.signalCode !== null) return;
    proc.kill(signal);
    let timer;
    const stopped = await Promise.race([
      exited.then(() => true),
      new Promise((resolve) => {
        timer = setTimeout(() => resolve(false), STOP_TIMEOUT_MS);
      }),
    ]);
    clearTimeout(timer);
    if (!stopped) {
      proc.kill("SIGKILL");
      await exited;
    }
  }

  await launch();

  return {
    baseUrl,
    port,
    dbName,
    connectionString,
    /** The app's recent stdout/stderr lines, for failure messages. */
    output: () => output.join("\n"),
    /** Graceful stop (SIGTERM), waiting for the process to exit. */
    stop: () => terminate("SIGTERM"),
    /** Sends `signal` (default SIGKILL: a crash) and waits for the process to exit. */
    kill: (signal = "SIGKILL") => terminate(signal),
    /** Starts the same app again on the same port and database (stopping it first if it still runs). */
    restart: async () => {
      await terminate("SIGTERM");
      await launch();
    },
    /** Runs SQL against the app's database and returns the rows. */
    dbQuery: (sql, params = []) => query(dbConfig, sql, params),
  };
}
