// ForumHub behind a TLS reverse proxy (issue 12): Debian's nginx runs docs/deploy/nginx-forumhub.conf (the file the
// README tells you to use, with only names, ports and certificate paths changed) with a self-signed certificate in
// front of the Api (Production, PublicUrl https://forum.test:<port>, nginx trusted as a proxy). In Chromium, a
// facilitator signs in through it (the Secure, __Host- cookie works over HTTPS), starts a meeting whose live
// connection (a WebSocket) goes through nginx, and a phone joins with the https join link. Skipped when nginx or
// openssl is missing (.ci/run installs nginx).
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, test } from "node:test";
import { chromium } from "playwright-core";
import { freePort, productionEnv, startApp } from "./lib/app.mjs";
import { CHROMIUM, CHROMIUM_ARGS, assertNoPageProblems, openPerson } from "./lib/browser.mjs";
import { E2E_ADMIN, adminEnv } from "./lib/facilitator.mjs";
import { until } from "./lib/wait.mjs";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const HOST = "forum.test";
const NGINX = ["/usr/sbin/nginx", "nginx"].find((n) => spawnSync(n, ["-v"]).status === 0);
const OPENSSL = spawnSync("openssl", ["version"]).status === 0;

const cleanups = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** The README's nginx site with this test's names, ports and certificate; nothing else changed. */
function siteConfig(tlsPort, httpPort, apiPort, dir) {
  const site = readFileSync(path.join(repoRoot, "docs", "deploy", "nginx-forumhub.conf"), "utf8");
  const changed = site
    .replace(/^\s*listen \[::\].*\n/gm, "") // the test machine may have no IPv6
    .replace("listen 80;", `listen 127.0.0.1:${httpPort};`)
    .replace("listen 443 ssl http2;", `listen 127.0.0.1:${tlsPort} ssl http2;`)
    .replaceAll("server_name forum.example.org;", `server_name ${HOST};`)
    .replace("/etc/letsencrypt/live/forum.example.org/fullchain.pem", path.join(dir, "cert.pem"))
    .replace("/etc/letsencrypt/live/forum.example.org/privkey.pem", path.join(dir, "key.pem"))
    .replace("proxy_pass http://127.0.0.1:5080;", `proxy_pass http://127.0.0.1:${apiPort};`);
  assert.notEqual(changed, site);
  assert.doesNotMatch(changed.replace(/#.*$/gm, ""), /forum\.example\.org|:5080/, "every name and port was replaced");
  return changed;
}

test("through nginx with TLS: a facilitator signs in and starts a meeting, a phone joins with the https link", { timeout: 300_000, skip: !NGINX || !OPENSSL ? "nginx or openssl is not installed" : false }, async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "forumhub-nginx-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const cert = spawnSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", `/CN=${HOST}`,
    "-addext", `subjectAltName=DNS:${HOST}`, "-keyout", path.join(dir, "key.pem"), "-out", path.join(dir, "cert.pem")], { encoding: "utf8" });
  assert.equal(cert.status, 0, cert.stderr);

  const tlsPort = await freePort();
  const httpPort = await freePort();
  const publicUrl = `https://${HOST}:${tlsPort}`;
  const app = await startApp({
    dbName: "e2e_tls_proxy",
    env: { ...adminEnv, ...productionEnv, PublicUrl: publicUrl, Network__TrustedProxies__0: "127.0.0.1" },
  });
  cleanups.push(() => app.stop());

  // A private nginx: its own prefix, pid, logs and temp folders; the site file included as Debian would.
  writeFileSync(path.join(dir, "forumhub.conf"), siteConfig(tlsPort, httpPort, app.port, dir));
  writeFileSync(path.join(dir, "nginx.conf"), [
    process.getuid?.() === 0 ? "user root;" : "",
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log warn;`,
    "events { worker_connections 256; }",
    "http {",
    `  access_log off; client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy;`,
    `  fastcgi_temp_path ${dir}/fastcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;`,
    `  include ${dir}/forumhub.conf;`,
    "}",
  ].join("\n"));
  const checked = spawnSync(NGINX, ["-t", "-p", dir, "-e", path.join(dir, "error.log"), "-c", path.join(dir, "nginx.conf")], { encoding: "utf8" });
  assert.equal(checked.status, 0, `nginx -t: ${checked.stderr}`);
  const nginx = spawn(NGINX, ["-p", dir, "-e", path.join(dir, "error.log"), "-c", path.join(dir, "nginx.conf"), "-g", "daemon off;"], { stdio: ["ignore", "ignore", "pipe"] });
  let nginxErrors = "";
  nginx.stderr.on("data", (c) => (nginxErrors += c));
  const nginxExited = new Promise((resolve) => nginx.on("exit", resolve));
  cleanups.push(async () => {
    nginx.kill("SIGTERM");
    await nginxExited;
  });
  await until(10_000, () => spawnSync("bash", ["-c", `: </dev/tcp/127.0.0.1/${tlsPort}`]).status === 0, "nginx to listen", 100);

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${HOST} 127.0.0.1`, "--ignore-certificate-errors"],
  });
  cleanups.push(() => browser.close());

  // ---- Fay signs in at https://forum.test:<port>/start: a secure context, so the Secure cookie is kept ----------
  const fay = await openPerson(browser, "Fay (facilitator, another computer)", { width: 1280, height: 900, baseUrl: publicUrl });
  fay.page.setDefaultTimeout(20_000);
  const first = await fay.page.goto("/start");
  assert.equal(first.status(), 200);
  assert.match(first.headers()["strict-transport-security"] ?? "", /max-age=/, "HSTS: the Api saw https through the trusted proxy");
  assert.equal(await fay.page.evaluate(() => window.isSecureContext), true);
  await fay.page.getByLabel("Name of the meeting").fill("Hosted forum");
  await fay.page.getByLabel("Your name").fill("Fay");
  await fay.page.getByRole("button", { name: "Start the meeting" }).click();
  const signIn = fay.page.getByRole("form", { name: "Please sign in first" });
  await signIn.getByLabel("Email").fill(E2E_ADMIN.email);
  await signIn.getByLabel("Password").fill(E2E_ADMIN.password);
  await fay.page.getByRole("button", { name: "Sign in and start the meeting" }).click();
  await fay.page.waitForURL(/\/meeting\//);
  const cookies = await fay.context.cookies(publicUrl);
  assert.ok(cookies.some((c) => c.name === "__Host-ForumHub-Facilitator" && c.secure && c.httpOnly), "the facilitator's session cookie");

  const codes = fay.page.getByRole("region", { name: "Codes to join", exact: true });
  const joinCode = (await codes.locator(".code-text").first().textContent()).trim();
  await codes.getByRole("link", { name: `${publicUrl}/join/${joinCode}` }).waitFor();

  // ---- A phone joins with the https link; the facilitator's console sees her over the live connection -----------
  const ann = await openPerson(browser, "Ann (member, phone)", { width: 390, height: 844, baseUrl: publicUrl });
  ann.page.setDefaultTimeout(20_000);
  await ann.page.goto(`/join/${joinCode}`);
  await ann.page.getByRole("button", { name: "Next" }).click();
  await ann.page.getByRole("radio", { name: "I am a member of the forum" }).check();
  await ann.page.getByLabel("Your name").fill("Ann");
  await ann.page.getByRole("button", { name: "Join the meeting" }).click();
  await ann.page.waitForURL(/\/meeting\//);
  await fay.page.getByRole("region", { name: /People/ }).getByText("Ann").waitFor();

  // No page problem, and nginx logged no error.
  assertNoPageProblems(fay);
  assertNoPageProblems(ann);
  const errorLog = readFileSync(path.join(dir, "error.log"), "utf8");
  assert.doesNotMatch(errorLog, /\[(error|crit|alert|emerg)\]/, errorLog);
  assert.equal(nginxErrors.trim(), "");
});
