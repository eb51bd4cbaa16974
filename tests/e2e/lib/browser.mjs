// Debian's Chromium through npm playwright-core, for the browser tests of the web app: one browser, a context per
// person, axe-core on every view, screenshots, and a watch for Content-Security-Policy violations and page errors.
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const here = path.dirname(fileURLToPath(import.meta.url));

export const CHROMIUM = process.env.FORUMHUB_CHROMIUM || "/usr/bin/chromium";
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
  "--disable-sync", "--no-first-run"];

/**
 * Where screenshots go: artifacts/screenshots; with UPDATE_SCREENSHOTS=1, docs/screenshots (committed, shown in the
 * README), so an ordinary test run leaves the work tree clean.
 */
export const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === "1"
  ? path.resolve(here, "..", "..", "..", "docs", "screenshots")
  : path.resolve(here, "..", "..", "..", "artifacts", "screenshots");

export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * A page for one person. Collects CSP violations and uncaught errors (assertNoPageProblems checks them).
 * The page keeps the real Content-Security-Policy: axe-core is run through the DevTools protocol, not a script tag.
 */
export async function openPerson(browser, name, { width = 1280, height = 900, baseUrl }) {
  const context = await browser.newContext({ viewport: { width, height }, baseURL: baseUrl, locale: "en-GB", reducedMotion: "reduce" });
  // Records what read-aloud asks the browser's voice to do (headless Chromium has no voice to hear).
  await context.addInitScript(() => {
    const spoken = [];
    window.__spoken = spoken;
    if (!("speechSynthesis" in window)) return;
    window.speechSynthesis.cancel = () => spoken.push({ cancel: true });
    window.speechSynthesis.speak = (utterance) => spoken.push({ text: utterance.text });
  });
  const page = await context.newPage();
  return { name, context, page, problems: watchPage(page) };
}

/**
 * Another tab in the same browser context as `person` (same localStorage, same cookies): what a second tab of one
 * browser is. Watched like openPerson's page.
 */
export async function openTab(person, name) {
  const page = await person.context.newPage();
  return { name, context: person.context, page, problems: watchPage(page) };
}

/** CSP violations and uncaught errors of a page, collected for assertNoPageProblems. */
function watchPage(page) {
  const problems = [];
  page.on("console", (message) => {
    const text = message.text();
    if (/Content.Security.Policy|Refused to (execute|apply|load)/i.test(text)) problems.push(`CSP: ${text}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

/** The element's box lies inside the window as it is scrolled now. */
export async function inViewport(locator) {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
  });
}

export function assertNoPageProblems(person) {
  assert.deepEqual(person.problems, [], `${person.name}'s page had problems`);
}

/** axe-core and the page watch on each person's page as it is now, naming the view for the failure message. */
export async function checkAll(view, people) {
  for (const p of people) {
    await assertAccessible(p, view);
    assertNoPageProblems(p);
  }
}

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * axe-core with the WCAG 2.0-2.2 A/AA tags and target-size on: no violations allowed. axe-core is evaluated once per
 * document (again for every check of the same page, its 500 KB cost about a second each), and runs without building
 * CSS selectors for the nodes it checks (a fifth of its time); only when it finds something does it run again with
 * them, to name the nodes in the failure.
 */
export async function assertAccessible(person, view) {
  const { page } = person;
  if (!(await page.evaluate(() => typeof window.axe?.run === "function"))) await page.evaluate(axeSource);
  const run = (selectors) => page.evaluate(
    ([tags, selectors]) => window.axe.run(document, {
      runOnly: { type: "tag", values: tags }, rules: { "target-size": { enabled: true } }, resultTypes: ["violations"], selectors,
    }),
    [AXE_TAGS, selectors],
  );
  let results = await run(false);
  if (results.violations.length > 0) results = await run(true);
  const violations = results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")}: ${n.failureSummary?.split("\n").slice(0, 3).join(" ")}`),
  }));
  assert.deepEqual(violations, [], `axe-core found violations on ${person.name}'s view "${view}":\n${JSON.stringify(violations, null, 2)}`);
}

/** A full-page PNG in docs/screenshots. */
export async function screenshot(person, file, { fullPage = true } = {}) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await person.page.screenshot({ path: path.join(SCREENSHOTS, file), fullPage });
}

/** The page fits its width: nothing to scroll sideways (WCAG 1.4.10 reflow at 320 CSS px = 400% zoom of 1280). */
export async function assertNoSidewaysScroll(person, view) {
  const { scrollWidth, innerWidth } = await person.page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  assert.ok(scrollWidth <= innerWidth, `${person.name}'s view "${view}" scrolls sideways: ${scrollWidth}px content in ${innerWidth}px`);
}

/**
 * Lets the test cut this page's live connection: every WebSocket to the hub goes through a route the test can
 * close. (Playwright's offline mode alone does not close open WebSockets.)
 */
export async function routeHubSockets(person) {
  const sockets = new Set();
  let offline = false;
  await person.page.routeWebSocket(/\/hubs\/meeting/, (ws) => {
    // While "offline" a new connection fails at once, as it would without a network.
    if (offline) {
      void ws.close({ code: 1001, reason: "test: no network" }).catch(() => undefined);
      return;
    }
    // No onClose handlers: Playwright then passes a close on either side on to the other.
    const server = ws.connectToServer();
    sockets.add({ ws, server });
  });
  return {
    /** Goes offline and closes the open hub connections, as a dropped Wi-Fi would. */
    async drop() {
      offline = true;
      await person.context.setOffline(true);
      for (const { server } of [...sockets]) await server.close({ code: 1011, reason: "test: network gone" }).catch(() => undefined);
      sockets.clear();
    },
    async restore() {
      offline = false;
      await person.context.setOffline(false);
    },
  };
}

/**
 * A member's, supporter's or listener's cards live behind the "Cards" button of the bar at the bottom of the phone:
 * opens it unless the section is already there, and returns the section (e.g. "Show a card", "Show a card for Cat").
 */
export async function openCards(person, name = "Show a card") {
  const section = person.page.getByRole("region", { name, exact: true });
  if ((await section.count()) === 0) await person.page.getByRole("button", { name: "Cards", exact: true }).click();
  return section;
}
