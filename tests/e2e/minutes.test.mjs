// Easy Read minutes end to end: a real meeting over SignalR is closed, the facilitator generates and publishes
// the minutes, every device hears "Your minutes are ready" (MinutesReady), and a member opens the published
// minutes in Debian's Chromium: axe-core finds no violation, every section's picture is left of its words, body text
// is at least 21px (at least 16pt in print), and printing to PDF works.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "node:test";
import { browserRoom } from "./lib/browserRoom.mjs";
import { adminEnv, facilitatorHttp } from "./lib/facilitator.mjs";
import { runNorthForum } from "./lib/closedMeeting.mjs";
import { within } from "./lib/wait.mjs";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const WAIT_MS = 20_000;
const here = path.dirname(fileURLToPath(import.meta.url));
const artifacts = path.resolve(here, "..", "..", "artifacts", "minutes");

const room = browserRoom({ dbName: "e2e_minutes", env: adminEnv });
const connect = room.connect;

async function api(method, url, token, body) {
  const response = await fetch(`${room.app.baseUrl}${url}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { "Content-Type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${url}: ${response.status} ${text}`);
  return text.length > 0 && response.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text;
}

test("published Easy Read minutes reach every device and pass axe, layout, font and print checks in Chromium", async () => {
  const http = await facilitatorHttp(room.app.baseUrl);
  const created = await http.createMeeting({ title: "North forum", facilitatorName: "Fay" });
  const meetingId = created.meetingId;
  const annJoin = await http.join({ code: created.joinCode, displayName: "Ann", picture: "star" });
  const leeJoin = await http.join({ code: created.listenerCode, displayName: "Lee" });
  const fay = connect(meetingId, created.facilitatorToken);
  const ann = connect(meetingId, annJoin.token);
  const lee = connect(meetingId, leeJoin.token);
  await within(WAIT_MS, Promise.all([fay.start(), ann.start(), lee.start()]), "everyone to join");

  await runNorthForum({ fay, ann, lee });

  const ready = [ann, lee].map((c) => new Promise((resolve) => c.onMinutesReady(resolve)));
  const minutes = `/api/meetings/${meetingId}/minutes`;
  const draft = await api("POST", `${minutes}/drafts`, created.facilitatorToken, { nextMeeting: "2026-12-01" });
  assert.ok(draft.check.findings.every((f) => f.inUserText), JSON.stringify(draft.check.findings));
  await api("POST", `${minutes}/publish`, created.facilitatorToken, { version: draft.number, reviewedWithId: annJoin.participantId });
  const messages = await within(WAIT_MS, Promise.all(ready), "MinutesReady on the member's and the listener's devices");
  for (const message of messages) {
    assert.equal(message.meetingId, meetingId);
    assert.equal(message.publication, 1);
    assert.equal(message.easyReadPath, `${minutes}/easy-read.html`);
  }

  const context = await room.browser.newContext({
    extraHTTPHeaders: { Authorization: `Bearer ${annJoin.token}` },
    viewport: { width: 1024, height: 800 },
    bypassCSP: true, // only so the test can inject axe-core: the page itself runs no script
  });
  const page = await context.newPage();
  const response = await page.goto(`${room.app.baseUrl}${messages[0].easyReadPath}`);
  assert.equal(response.status(), 200);
  assert.match(response.headers()["content-security-policy"], /^default-src 'none'/);

  // axe-core: no violations at all.
  await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(() => window.axe.run(document));
  assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.length} nodes`), []);
  assert.ok(results.passes.length > 10);

  // Every section: its picture is left of its words and starts beside them.
  const sections = await page.$$eval("main section.section", (nodes) => nodes.map((s) => {
    const picture = s.querySelector(":scope > svg.section-picture")?.getBoundingClientRect();
    const words = s.querySelector(":scope > .section-words")?.getBoundingClientRect();
    return { heading: s.querySelector("h2, h3")?.textContent, picture: picture && { x: picture.x, right: picture.right, top: picture.top, bottom: picture.bottom }, words: words && { x: words.x, top: words.top, bottom: words.bottom } };
  }));
  assert.ok(sections.length >= 8, `${sections.length} sections`);
  for (const s of sections) {
    assert.ok(s.picture && s.words, `${s.heading}: has a picture and words`);
    assert.ok(s.picture.right <= s.words.x, `${s.heading}: picture (right ${s.picture.right}) left of words (x ${s.words.x})`);
    assert.ok(s.picture.top < s.words.bottom && s.picture.bottom > s.words.top, `${s.heading}: picture beside its words`);
  }

  // Fonts and layout as computed by the browser.
  const screen = await page.evaluate(() => {
    const body = getComputedStyle(document.body);
    const p = getComputedStyle(document.querySelector("main p"));
    return { fontSize: parseFloat(body.fontSize), lineHeight: parseFloat(p.lineHeight) / parseFloat(p.fontSize), family: body.fontFamily,
      align: body.textAlign, columns: body.columnCount, hyphens: body.hyphens,
      smallest: Math.min(...[...document.querySelectorAll("main p, main li, footer p")].map((e) => parseFloat(getComputedStyle(e).fontSize))) };
  });
  assert.ok(screen.fontSize >= 21, `body font-size ${screen.fontSize}px`);
  assert.ok(screen.smallest >= 21, `smallest text ${screen.smallest}px`);
  assert.ok(screen.lineHeight >= 1.5, `line-height ${screen.lineHeight}`);
  assert.match(screen.family, /sans-serif$/);
  assert.equal(screen.align, "left");
  assert.ok(screen.columns === "1" || screen.columns === "auto", `columns ${screen.columns}`);
  assert.equal(screen.hyphens, "none");

  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, "easy-read.png"), fullPage: true });

  // Print: at least 16pt (21.33px), and a real PDF comes out.
  await page.emulateMedia({ media: "print" });
  const printSize = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  assert.ok(printSize >= (16 * 96) / 72 - 0.01, `print font-size ${printSize}px`);
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  assert.equal(pdf.subarray(0, 5).toString(), "%PDF-");
  assert.ok(pdf.length > 10_000, `${pdf.length} bytes`);
  writeFileSync(path.join(artifacts, "easy-read.pdf"), pdf);

  // The self-contained download and the print pack open without the Api (no request leaves the page).
  const download = await api("GET", `${minutes}/easy-read.html?download=true`, annJoin.token);
  const offline = await room.browser.newPage();
  const requests = [];
  offline.on("request", (r) => requests.push(r.url()));
  await offline.setContent(download);
  assert.ok((await offline.$$("svg.section-picture")).length >= 8);
  assert.deepEqual(requests.filter((u) => !u.startsWith("data:") && u !== "about:blank"), []);
  const pack = await api("GET", `${minutes}/pack.html`, created.facilitatorToken);
  await offline.setContent(pack);
  assert.equal(await offline.$$eval(".copy-for", (n) => n.length), 2); // Ann and Lee
  const packPdf = await offline.pdf({ format: "A4" });
  assert.equal(packPdf.subarray(0, 5).toString(), "%PDF-");
  await offline.close();
  await context.close();
});
