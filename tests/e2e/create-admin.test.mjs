// The first administrator (issue 12): `scripts/run.sh create-admin --email ...` against run.sh's own database (in a
// temporary FORUMHUB_DATA, on its own PG_PORT), starting that PostgreSQL for the moment and stopping it again,
// quietly (no framework or SQL logs), ending with the sign-in page's address. Then the Api, started on that
// database, lets the administrator sign in, and still knows her session after a restart. Refusals (same email,
// short password, no database) say what is wrong.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";
import { freePort, productionEnv, startApp } from "./lib/app.mjs";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const runSh = path.join(repoRoot, "scripts", "run.sh");
const dll = process.env.FORUMHUB_API_DLL || path.join(repoRoot, "src", "Api", "bin", "Release", "net10.0", "ForumHub.Api.dll");
const EMAIL = "chair@example.org";
const PASSWORD = "a long password for the chair";

let data;
let pgPort;
let apiPort;

before(async () => {
  data = mkdtempSync(path.join(os.tmpdir(), "forumhub-create-admin-"));
  chmodSync(data, 0o755); // as root, pg.sh runs the cluster as the postgres user, who must reach its folder
  pgPort = await freePort();
  apiPort = await freePort();
});

after(() => {
  spawnSync(path.join(repoRoot, "scripts", "pg.sh"), ["stop", path.join(data, "pg")], { stdio: "ignore" });
  rmSync(data, { recursive: true, force: true });
});

/** Runs `scripts/run.sh create-admin ...` with `input` on standard input (not a terminal). */
function createAdmin(args, input, extraEnv = {}) {
  return new Promise((resolve) => {
    const env = { ...process.env, FORUMHUB_DATA: data, PG_PORT: String(pgPort), PORT: String(apiPort), FORUMHUB_API_DLL: dll, ...extraEnv };
    delete env.ConnectionStrings__Forum;
    delete env.FORUMHUB_ADMIN_PASSWORD;
    Object.assign(env, extraEnv);
    const child = spawn(runSh, ["create-admin", ...args], { env, stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (err += c));
    child.on("close", (status) => resolve({ status, out, err }));
    child.stdin.end(input);
  });
}

const clusterRunning = () => spawnSync(path.join(repoRoot, "scripts", "pg.sh"), ["status", path.join(data, "pg")]).status === 0;

test("scripts/run.sh create-admin makes the first administrator in run.sh's database, who then signs in", { timeout: 300_000 }, async () => {
  assert.ok(existsSync(dll), `the Api is built (${dll})`);
  const made = await createAdmin(["--email", EMAIL, "--name", "Sam Chair"], `${PASSWORD}\n`);
  assert.equal(made.status, 0, `${made.out}\n${made.err}`);
  const lines = made.out.trim().split("\n");
  assert.equal(lines.at(-1), `Administrator ${EMAIL} created. Sign in at http://127.0.0.1:${apiPort}/admin`);
  assert.doesNotMatch(made.out + made.err, /info:|Executed DbCommand|SELECT|INSERT/, "no framework or SQL log on the screen");
  assert.equal(made.err, "", "nothing on standard error");
  assert.equal(clusterRunning(), false, "the PostgreSQL it started for the moment is stopped again");

  // Refusals: plain words and a code, exit code 1, nothing changed.
  const again = await createAdmin(["--email", EMAIL], `${PASSWORD}\n`);
  assert.equal(again.status, 1);
  assert.match(again.err, /^email_taken: There is already an account with this email address\./m);
  const short = await createAdmin(["--email", "other@example.org"], "too short\n");
  assert.equal(short.status, 1);
  assert.match(short.err, /^password_too_short: /m);
  const fromEnv = await createAdmin(["--email", "second@example.org", "--name", "Second Admin"], "", { FORUMHUB_ADMIN_PASSWORD: `${PASSWORD} two` });
  assert.equal(fromEnv.status, 0, `${fromEnv.out}\n${fromEnv.err}`);
  const noEmail = await createAdmin([], "");
  assert.equal(noEmail.status, 64);
  assert.match(noEmail.err, /Usage: .*create-admin --email/);

  // The Api on that database (run.sh's: database forumhub in FORUMHUB_DATA/pg): the administrator signs in.
  const started = spawnSync(path.join(repoRoot, "scripts", "pg.sh"), ["start", path.join(data, "pg"), String(pgPort)], { encoding: "utf8" });
  assert.equal(started.status, 0, started.stderr);
  const app = await startApp({ dbName: "forumhub", pg: `Host=127.0.0.1;Port=${pgPort};Username=postgres`, keepDatabase: true, env: productionEnv });
  try {
    const signIn = await fetch(`${app.baseUrl}/api/account/sign-in`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    });
    assert.equal(signIn.status, 200, await signIn.text());
    const cookie = signIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const me = await (await fetch(`${app.baseUrl}/api/account/me`, { headers: { Cookie: cookie } })).json();
    assert.equal(me.account.email, EMAIL);
    assert.equal(me.account.displayName, "Sam Chair");
    assert.equal(me.account.isAdmin, true);
    // The cookie's keys are kept in the database: a restarted Api (Production) still knows the session.
    await app.restart();
    const still = await fetch(`${app.baseUrl}/api/account/me`, { headers: { Cookie: cookie } });
    assert.equal(still.status, 200, "signed in after a restart");
    const wrong = await fetch(`${app.baseUrl}/api/account/sign-in`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: "other@example.org", password: "too short" }),
    });
    assert.equal(wrong.status, 401, "the refused account was not made");
  } finally {
    await app.stop();
  }
});

test("create-admin against a PostgreSQL that does not answer says how to connect", async () => {
  const down = await createAdmin(["--email", EMAIL], `${PASSWORD}\n`, { ConnectionStrings__Forum: "Host=127.0.0.1;Port=1;Username=postgres;Database=forumhub" });
  assert.equal(down.status, 3);
  assert.match(down.err, /could not reach PostgreSQL \(Host=127\.0\.0\.1;Port=1;.*\)[\s\S]*set ConnectionStrings__Forum/);
});
