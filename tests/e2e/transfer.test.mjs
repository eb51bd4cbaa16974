// Issue 12: what a phone downloads to join a meeting, and how the Api serves the web build. Chromium (DevTools protocol
// Network events) sums the bytes on the wire, headers included, of every request from opening the join link until the
// member view shows, plus the WebSocket frames: at most 70 KB. Then the headers: precompressed files by Accept-Encoding,
// immutable caching for hashed files, no-cache for index.html and the fallback, JSON over 1 KB compressed.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";
import { startApp } from "./lib/app.mjs";
import { adminEnv, facilitatorHttp } from "./lib/facilitator.mjs";
import { launchChromium, openPerson, assertNoPageProblems, screenshot } from "./lib/browser.mjs";
import { until } from "./lib/wait.mjs";

const BUDGET_BYTES = 70 * 1024;
const wwwroot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "src", "Api", "wwwroot");

let app;
let browser;
let meeting;

before(async () => {
  if (!existsSync(path.join(wwwroot, "index.html"))) throw new Error(`The web app is not built (${wwwroot}): run 'npm run build' in src/Web.`);
  app = await startApp({ dbName: "e2e_transfer", env: adminEnv });
  browser = await launchChromium();
  const http = await facilitatorHttp(app.baseUrl);
  meeting = await http.createMeeting({ title: "Transfer forum", facilitatorName: "Fay" });
});

after(async () => {
  await browser?.close();
  await app?.stop();
});

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

test("a phone joining and opening the member view transfers at most 70 KB", { timeout: 120_000 }, async () => {
  const phone = await openPerson(browser, "Ann (phone)", { width: 360, height: 740, baseUrl: app.baseUrl });
  const { page } = phone;
  page.setDefaultTimeout(30_000);
  const cdp = await phone.context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true }); // a first visit: nothing cached
  const requests = new Map(); // requestId -> { url, type, encoding, bytes }
  let webSocketBytes = 0;
  cdp.on("Network.responseReceived", (e) => {
    const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    requests.set(e.requestId, { url: e.response.url, type: e.type, encoding: headers["content-encoding"] ?? "", bytes: 0 });
  });
  cdp.on("Network.loadingFinished", (e) => {
    const r = requests.get(e.requestId) ?? { url: "?", type: "?", encoding: "", bytes: 0 };
    r.bytes = e.encodedDataLength;
    r.done = true;
    requests.set(e.requestId, r);
  });
  cdp.on("Network.loadingFailed", (e) => {
    const r = requests.get(e.requestId);
    if (r) r.done = true;
  });
  cdp.on("Network.webSocketFrameReceived", (e) => { webSocketBytes += Buffer.byteLength(e.response.payloadData); });
  cdp.on("Network.webSocketFrameSent", (e) => { webSocketBytes += Buffer.byteLength(e.response.payloadData); });

  await page.goto(`/join/${meeting.joinCode}`);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("radio", { name: "I am a member of the forum" }).check();
  await page.getByLabel("Your name").fill("Ann");
  await screenshot(phone, "transfer-join-details-phone.png"); // the pictures (rounded at build time) still look right
  await page.getByRole("button", { name: "Join the meeting" }).click();
  await page.waitForURL(/\/meeting\//);
  await page.getByRole("region", { name: "Why are you here?", exact: true }).waitFor();
  // Loaded: nothing more is on its way (pictures below the fold load lazily, when scrolled to: not part of it).
  await page.waitForLoadState("networkidle");
  await until(5_000, () => [...requests.values()].every((r) => r.done), "every response to finish loading (its bytes counted)");
  assertNoPageProblems(phone);
  await screenshot(phone, "transfer-member-phone.png", { fullPage: false });

  // data: URLs (the join page's pictures, inside the JavaScript) cross no network: their bytes are in the script's.
  const all = [...requests.values()].filter((r) => !r.url.startsWith("data:"));
  const http = all.reduce((sum, r) => sum + r.bytes, 0);
  const total = http + webSocketBytes;
  const byType = {};
  for (const r of all) byType[r.type] = (byType[r.type] ?? 0) + r.bytes;
  console.log(`Member first load on a phone: ${kb(total)} (budget ${kb(BUDGET_BYTES)}): ${all.length} requests ${kb(http)}, ` +
    `WebSocket frames ${kb(webSocketBytes)}; by type ${Object.entries(byType).map(([t, b]) => `${t} ${kb(b)}`).join(", ")}`);
  for (const r of [...all].sort((a, b) => b.bytes - a.bytes).slice(0, Number(process.env.TRANSFER_LIST ?? 6))) {
    console.log(`  ${kb(r.bytes).padStart(8)}  ${r.encoding.padEnd(4)}  ${new URL(r.url).pathname}`);
  }

  const scripts = all.filter((r) => r.type === "Script");
  assert.ok(scripts.length > 0, "the app's JavaScript was loaded");
  for (const r of scripts) assert.equal(r.encoding, "br", `${r.url} came Brotli-compressed`);
  assert.ok(total <= BUDGET_BYTES, `the member view's first load is ${kb(total)}, over ${kb(BUDGET_BYTES)}`);
  await phone.context.close();
});

test("hashed files: the precompressed twin by Accept-Encoding, immutable; index.html and the fallback: no-cache", async () => {
  // The entry script, as index.html names it.
  const script = /src="(\/assets\/[^"]+\.js)"/.exec(readFileSync(path.join(wwwroot, "index.html"), "utf8"))?.[1];
  assert.ok(script, "index.html names its script");
  const url = `${app.baseUrl}${script}`;
  const get = (encoding) => fetch(url, { headers: encoding === null ? {} : { "Accept-Encoding": encoding } });
  const body = async (response) => Buffer.from(await response.arrayBuffer());

  const plain = await get("identity");
  const original = readFileSync(path.join(wwwroot, script));
  assert.ok(original.equals(await body(plain)), "identity: the file as built");
  assert.equal(plain.headers.get("content-encoding"), null);
  assert.match(plain.headers.get("content-type"), /javascript/);
  assert.equal(plain.headers.get("cache-control"), "public, max-age=31536000, immutable");
  assert.match(plain.headers.get("vary") ?? "", /Accept-Encoding/);

  for (const encoding of ["br", "gzip"]) {
    const response = await fetch(url, { headers: { "Accept-Encoding": encoding } });
    assert.equal(response.headers.get("content-encoding"), encoding);
    assert.match(response.headers.get("content-type"), /javascript/);
    assert.equal(response.headers.get("cache-control"), "public, max-age=31536000, immutable");
    assert.match(response.headers.get("vary") ?? "", /Accept-Encoding/);
    const length = Number(response.headers.get("content-length"));
    assert.ok(length > 0 && length < original.length / 3, `${encoding}: ${length} bytes on the wire for ${original.length}`);
    // fetch decodes the body by its Content-Encoding: the same bytes as the file itself.
    assert.ok(original.equals(await body(response)), `${encoding}: decodes to the original script`);
  }
  const prefersGzip = await fetch(url, { headers: { "Accept-Encoding": "br;q=0, gzip" } });
  assert.equal(prefersGzip.headers.get("content-encoding"), "gzip", "br;q=0 is respected");

  // A compressed twin is never served as itself (it would reach the browser without its Content-Encoding).
  assert.equal((await fetch(`${url}.br`)).status, 404);

  for (const page of ["/", "/join/ABC123", "/meeting/x"]) {
    const response = await fetch(`${app.baseUrl}${page}`, { headers: { "Accept-Encoding": "br, gzip" } });
    assert.equal(response.status, 200, page);
    assert.match(response.headers.get("content-type"), /text\/html/, page);
    assert.equal(response.headers.get("cache-control"), "no-cache", `${page}: index.html is revalidated`);
  }
});

test("JSON answers over 1 KB are compressed; small ones and SignalR's negotiate are not", async () => {
  const http = await facilitatorHttp(app.baseUrl);
  for (const name of ["Ben", "Cat", "Dev", "Eve", "Fin", "Gus"]) await http.join({ code: meeting.joinCode, displayName: name });
  const snapshotUrl = `${app.baseUrl}/api/meetings/${meeting.meetingId}/snapshot`;
  const auth = { Authorization: `Bearer ${meeting.facilitatorToken}` };
  const raw = await fetch(snapshotUrl, { headers: { ...auth, "Accept-Encoding": "identity" } });
  assert.equal(raw.status, 200);
  const rawText = await raw.text();
  const rawLength = Buffer.byteLength(rawText);
  const rawParticipants = JSON.parse(rawText).participants.length;
  assert.ok(rawLength > 1024, `the snapshot is over 1 KB (${rawLength} bytes)`);
  assert.equal(raw.headers.get("content-encoding"), null);

  const compressed = await fetch(snapshotUrl, { headers: { ...auth, "Accept-Encoding": "br, gzip" } });
  assert.equal(compressed.headers.get("content-encoding"), "br");
  assert.match(compressed.headers.get("vary") ?? "", /Accept-Encoding/);
  const decoded = await compressed.json(); // fetch decodes Brotli: the body is the same JSON
  assert.equal(decoded.meetingId, meeting.meetingId);
  assert.equal(decoded.participants.length, rawParticipants, "the same snapshot, decoded");

  const small = await fetch(`${app.baseUrl}/api/meetings/${meeting.meetingId}/events?after=0`, { headers: { ...auth, "Accept-Encoding": "br, gzip" } });
  const smallBody = await small.text();
  if (Buffer.byteLength(smallBody) <= 1024) {
    assert.equal(small.headers.get("content-encoding"), null, "a body under 1 KB is sent as it is");
    assert.equal(Number(small.headers.get("content-length")), Buffer.byteLength(smallBody));
  }
  const notFound = await fetch(`${app.baseUrl}/api/no-such-thing`, { headers: { "Accept-Encoding": "br" } });
  assert.equal(notFound.headers.get("content-encoding"), null, "a small problem answer is not compressed");

  const negotiate = await fetch(`${app.baseUrl}/hubs/meeting/negotiate?negotiateVersion=1`, {
    method: "POST", headers: { ...auth, "Accept-Encoding": "br, gzip" },
  });
  assert.equal(negotiate.headers.get("content-encoding"), null, "SignalR is left alone");
});
