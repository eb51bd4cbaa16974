// Phones in the room reach ForumHub over plain http at the laptop's network address (scripts/run.sh --lan), where the
// page is NOT a secure context: no crypto.randomUUID, no clipboard API. In Chromium, a host name mapped to 127.0.0.1
// (--host-resolver-rules) makes exactly such an origin. The Api runs as scripts/run.sh runs it (Production, src/Api as
// the content root) with PublicUrl set to that address. Fay signs in on the laptop at http://127.0.0.1 (a secure
// context, where the Secure sign-in cookie works); her join link, QR code and shared-screen link show the public
// address; a member, a supporter, a listener and the shared screen open it, and the member votes.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";
import { productionEnv, startApp } from "./lib/app.mjs";
import { CHROMIUM, CHROMIUM_ARGS, assertAccessible, assertNoPageProblems, openPerson } from "./lib/browser.mjs";
import { E2E_ADMIN, adminEnv } from "./lib/facilitator.mjs";
import { button, joinAs, region } from "./lib/pages.mjs";

const HOST = "forum.test";
const LIVE_MS = 20_000;

let app;
let browser;
let publicUrl;

before(async () => {
  app = await startApp({ dbName: "e2e_insecure_origin", env: (port) => ({ ...adminEnv, ...productionEnv, PublicUrl: `http://${HOST}:${port}` }) });
  publicUrl = `http://${HOST}:${app.port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${HOST} 127.0.0.1`] });
});

after(async () => {
  await browser?.close();
  await app?.stop();
});

async function person(name, baseUrl, size = { width: 390, height: 844 }) {
  const p = await openPerson(browser, name, { ...size, baseUrl });
  p.page.setDefaultTimeout(LIVE_MS);
  return p;
}

/** What an insecure page lacks; asserts this page really is one. */
async function assertInsecure(p) {
  const seen = await p.page.evaluate(() => ({
    origin: location.origin,
    secure: window.isSecureContext,
    randomUUID: typeof globalThis.crypto?.randomUUID,
    clipboard: typeof navigator.clipboard,
  }));
  assert.deepEqual(seen, { origin: publicUrl, secure: false, randomUUID: "undefined", clipboard: "undefined" }, `${p.name}'s page`);
}

test("GET /api/site tells the public address; the app is served in Production", async () => {
  const site = await (await fetch(`${app.baseUrl}/api/site`)).json();
  assert.deepEqual(site, { publicUrl });
  const page = await fetch(`${app.baseUrl}/join/ABC123`);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<div id="app">|<script type="module"/, "the web app's page, from src/Api/wwwroot");
  assert.match(app.output(), /Hosting environment: Production/);
});

test("a PublicUrl that is not an address people can open stops the Api at start, in plain words", () => {
  const dll = process.env.FORUMHUB_API_DLL || path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "src", "Api", "bin", "Release", "net10.0", "ForumHub.Api.dll");
  for (const wrong of ["192.168.1.20:5080", "ftp://forum.example.org", "https://forum.example.org/forum"]) {
    const run = spawnSync("dotnet", [dll], { encoding: "utf8", timeout: 60_000, env: { ...process.env, ...productionEnv, PublicUrl: wrong, ConnectionStrings__Forum: app.connectionString } });
    assert.equal(run.status, 2, `${wrong}: ${run.stdout}${run.stderr}`);
    assert.match(run.stderr, /The PublicUrl setting must be the address people open, like http:\/\/192\.168\.1\.20:5080/);
  }
});

test("over plain http at a network name: a phone joins with the link and votes; supporter, listener and screen work", { timeout: 300_000 }, async () => {
  // ---- Fay, on the laptop at http://127.0.0.1 (secure): signs in, starts the meeting --------------------------
  const fay = await person("Fay (facilitator, laptop)", app.baseUrl, { width: 1280, height: 900 });
  await fay.page.goto("/start");
  assert.equal(await fay.page.evaluate(() => window.isSecureContext), true, "127.0.0.1 is a secure context");
  await fay.page.getByLabel("Name of the meeting").fill("Room forum");
  await fay.page.getByLabel("Your name").fill("Fay");
  await button(fay, "Start the meeting").click();
  const signIn = fay.page.getByRole("form", { name: "Please sign in first" });
  await signIn.getByLabel("Email").fill(E2E_ADMIN.email);
  await signIn.getByLabel("Password").fill(E2E_ADMIN.password);
  await button(fay, "Sign in and start the meeting").click();
  await fay.page.waitForURL(/\/meeting\//);

  // Her join link, QR code and screen link show the address phones can reach, not 127.0.0.1.
  const codes = region(fay, "Codes to join");
  const joinCode = (await codes.locator(".code-text").first().textContent()).trim();
  const listenerCode = (await codes.locator(".code-text").nth(1).textContent()).trim();
  const joinLink = codes.getByRole("link", { name: `${publicUrl}/join/${joinCode}` });
  await joinLink.waitFor();
  assert.equal(await joinLink.getAttribute("href"), `${publicUrl}/join/${joinCode}`);
  assert.ok(await codes.getByRole("img", { name: /QR code to join/ }).isVisible());
  const screenHref = await codes.getByRole("link", { name: /Open the shared screen/ }).getAttribute("href");
  assert.ok(screenHref.startsWith(`${publicUrl}/screen/`), screenHref);

  // ---- The shared screen (a TV's browser on the Wi-Fi) ----------------------------------------------------------
  const screen = await person("Shared screen (TV)", publicUrl, { width: 1920, height: 1080 });
  await screen.page.goto(screenHref);
  await screen.page.getByRole("heading", { level: 1, name: "Room forum" }).waitFor();
  await assertInsecure(screen);
  assert.equal((await screen.page.locator(".screen-code").textContent()).trim(), joinCode);
  assert.equal((await screen.page.locator(".screen-join-url").textContent()).trim(), `${HOST}:${app.port}/join`);

  // ---- Ann, a member, on her phone: opens the link from the QR code ---------------------------------------------
  const ann = await person("Ann (member, phone)", publicUrl);
  await joinAs(ann, { code: joinCode, how: "link", role: "member", name: "Ann", picture: "Star", onJoinPage: () => assertInsecure(ann) });
  const annWhat = region(ann, "What do you want to do?");
  await annWhat.getByLabel("Say what you want the forum to talk about.", { exact: true }).fill("Better buses");
  await annWhat.getByRole("button", { name: "Send the answer" }).click();
  await annWhat.getByText("Better buses").waitFor();
  await assertAccessible(ann, "member over plain http");

  // ---- Sam supports Ann; Lee listens ----------------------------------------------------------------------------
  const sam = await person("Sam (supporter, phone)", publicUrl);
  await joinAs(sam, { code: joinCode, how: "link", role: "supporter", name: "Sam", supports: "Ann", onJoinPage: () => assertInsecure(sam) });
  await region(sam, "What do you want to do?").getByText("Better buses").waitFor();

  const lee = await person("Lee (listener, phone)", publicUrl);
  await joinAs(lee, { code: listenerCode, how: "link", name: "Lee", onJoinPage: () => assertInsecure(lee) });
  await fay.page.getByRole("region", { name: /People/ }).getByText("Lee").waitFor();

  // ---- Fay puts Ann's wish on the agenda and opens a secret vote ------------------------------------------------
  await region(fay, "Answers").getByRole("button", { name: "Make it an idea for the agenda (Better buses)" }).click();
  await button(fay, "Next step: Agree the agenda").click();
  const editor = region(fay, "Agree the agenda");
  await editor.getByRole("button", { name: "Put on the agenda (Better buses)" }).click();
  await editor.getByRole("button", { name: "Agree this agenda" }).click();
  await button(fay, "Next step: Talk about each item").click();
  await region(fay, "Items").getByRole("button", { name: "Start this item (Better buses)" }).click();
  const vote = region(fay, "Vote");
  await vote.getByRole("radio", { name: "Secret vote" }).check();
  await vote.getByRole("button", { name: "Start the vote" }).click();

  // ---- Ann votes on her phone: the command id comes from crypto.getRandomValues (no randomUUID here) -------------
  const annVote = region(ann, "Vote now");
  await annVote.getByRole("button", { name: "Yes", exact: true }).click();
  await annVote.getByText("Your vote is counted").waitFor();
  await region(sam, "Vote now").waitFor();
  await screen.page.getByText("1 vote so far").waitFor();
  await region(lee, "Agenda").getByText("Better buses").waitFor();
  const ballots = await app.dbQuery("select count(*)::int as n from ballots");
  assert.equal(ballots[0].n, 1, "Ann's ballot is stored");
  await assertAccessible(screen, "screen over plain http");

  for (const p of [fay, screen, ann, sam, lee]) assertNoPageProblems(p);
});
