// Issue 11 items 2 and 3 in Debian's Chromium against the real Api and PostgreSQL, by clicks and typing only:
//  - the facilitator starts a meeting; in a second tab of the SAME browser context a member joins and is told
//    "This browser is already the facilitator's..."; both tabs reload and each is still its own person: the
//    facilitator's tab has her console and moves the meeting on; the bare /meeting/{id} asks who you are;
//  - a fresh browser context signs in as the facilitator on "My meetings" and gets back into the console, and opens
//    the shared screen from there;
//  - members raise Break then Stop while the facilitator's console is scrolled to the bottom: the cards bar is in the
//    viewport, Stop first, and "Dealt with" puts a card down; the shared screen shows the cards too.
// axe-core (WCAG 2.2 AA + target size) finds 0 violations on every new view.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { startApp } from "./lib/app.mjs";
import { SCREENSHOTS, assertAccessible, assertNoPageProblems, assertNoSidewaysScroll, inViewport, launchChromium, openCards, openPerson, openTab } from "./lib/browser.mjs";
import { adminEnv, fillSignIn } from "./lib/facilitator.mjs";

const WAIT = { timeout: 20_000 };
const FAILURES = path.join(SCREENSHOTS, "..", "sessions-failures");
let app;
let browser;
const people = [];

before(async () => {
  app = await startApp({ dbName: "e2e_sessions", env: adminEnv });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await app?.stop();
});

async function person(name, options = {}) {
  const p = await openPerson(browser, name, { width: 1280, height: 800, baseUrl: app.baseUrl, ...options });
  people.push(p);
  return p;
}

/** Another tab in the same browser context (same localStorage, same cookies): what a second tab of one browser is. */
async function secondTab(p, name) {
  const tab = await openTab(p, name);
  people.push(tab);
  return tab;
}

const button = (p, name) => p.page.getByRole("button", { name });
const region = (p, name) => p.page.getByRole("region", { name });

const signIn = fillSignIn;

async function joinByLink(p, code, name, picture) {
  await p.page.goto(`/join/${code}`);
  await button(p, "Next").click();
  await p.page.getByRole("radio", { name: "I am a member of the forum" }).check();
  await p.page.getByLabel("Your name").fill(name);
  await p.page.getByRole("radio", { name: picture }).first().check();
}

test("two people in one browser never overwrite each other; My meetings; cards stay in view", { timeout: 300_000 }, async () => {
  try {
    await sessionsAndCards();
  } catch (error) {
    mkdirSync(FAILURES, { recursive: true });
    for (const [i, p] of people.entries()) {
      await p.page.screenshot({ path: path.join(FAILURES, `${i}-${p.name.split(" ")[0].toLowerCase()}.png`), fullPage: true }).catch(() => undefined);
    }
    throw new Error(`${error.message}\n(screenshots: ${FAILURES})`, { cause: error });
  }
});

async function sessionsAndCards() {
  // ---- Fay starts a meeting (signing in on the way) -------------------------------------------------------
  const fay = await person("Fay (facilitator, laptop)");
  await fay.page.goto("/start");
  await fay.page.getByLabel("Name of the meeting").fill("East forum, May");
  await fay.page.getByLabel("Your name").fill("Fay");
  await button(fay, "Start the meeting").click();
  const signInForm = fay.page.getByRole("form", { name: "Please sign in first" });
  await signInForm.waitFor(WAIT);
  await signIn(signInForm);
  await button(fay, "Sign in and start the meeting").click();
  await fay.page.waitForURL(/\/meeting\/[0-9a-f-]{36}\/p\/[0-9a-f-]{36}$/, WAIT);
  const [, meetingId, fayId] = /\/meeting\/([0-9a-f-]{36})\/p\/([0-9a-f-]{36})$/.exec(fay.page.url());
  await fay.page.getByText("You are the facilitator, Fay.").waitFor(WAIT);
  const joinCode = (await region(fay, "Codes to join").locator(".code-text").first().textContent()).trim();

  // ---- A second tab of the same browser: Ben joins, and is told the browser is the facilitator's -------------
  const benTab = await secondTab(fay, "Ben (second tab of Fay's browser)");
  await joinByLink(benTab, joinCode, "Ben", "Music");
  const already = region(benTab, "This browser is the facilitator's");
  await already.getByText("This browser is already the facilitator's. You can join as another person too; both are kept.").waitFor(WAIT);
  assert.equal(await already.getByRole("link", { name: "Go back to the facilitator's console" }).getAttribute("href"), `/meeting/${meetingId}/p/${fayId}`);
  await assertAccessible(benTab, "join: this browser is already the facilitator's");
  await button(benTab, "Join the meeting").click();
  await benTab.page.waitForURL(new RegExp(`/meeting/${meetingId}/p/(?!${fayId})[0-9a-f-]{36}$`), WAIT);
  await region(benTab, "You and the meeting").waitFor(WAIT);
  const stored = await fay.page.evaluate((id) => Object.keys(localStorage).filter((k) => k.startsWith(`forumhub.session.${id}`)).sort(), meetingId);
  assert.equal(stored.length, 2, `two people kept for the meeting: ${stored.join(", ")}`);

  // ---- Both tabs reload: each is still who it was; Fay moves the meeting on -----------------------------------
  await fay.page.reload();
  await benTab.page.reload();
  await fay.page.getByText("You are the facilitator, Fay.").waitFor(WAIT);
  await region(benTab, "You and the meeting").waitFor(WAIT);
  assert.equal(await benTab.page.getByText("You are the facilitator").count(), 0, "Ben's tab is not the console");
  await button(fay, "Next step: Agree the agenda").click();
  await fay.page.getByText("Step 2").first().waitFor(WAIT);
  await benTab.page.getByText("Agree the agenda").first().waitFor(WAIT);

  // The bare meeting address in this browser asks who you are, the facilitator's console first.
  const chooserTab = await secondTab(fay, "Chooser (third tab of Fay's browser)");
  await chooserTab.page.goto(`/meeting/${meetingId}`);
  await chooserTab.page.getByRole("heading", { level: 1, name: "Who are you in this meeting?" }).waitFor(WAIT);
  const choices = chooserTab.page.getByRole("list").first().getByRole("link");
  assert.deepEqual(await choices.allTextContents(), ["Open the facilitator's console (Fay)", "Go on as Ben (member)"]);
  await assertAccessible(chooserTab, "who are you in this meeting?");
  await chooserTab.page.setViewportSize({ width: 320, height: 700 });
  await assertNoSidewaysScroll(chooserTab, "chooser at 320 px");
  await chooserTab.page.getByRole("link", { name: "Open the facilitator's console (Fay)" }).click();
  await chooserTab.page.waitForURL(`**/meeting/${meetingId}/p/${fayId}`, WAIT);
  await chooserTab.page.getByText("You are the facilitator, Fay.").waitFor(WAIT);
  await chooserTab.page.close();
  people.splice(people.indexOf(chooserTab), 1);

  // ---- A fresh browser: Fay signs in on My meetings and is back in her console --------------------------------
  const fresh = await person("Fay (another computer)");
  await fresh.page.goto("/my-meetings");
  const mineSignIn = fresh.page.getByRole("form", { name: "Please sign in first" });
  await mineSignIn.waitFor(WAIT);
  await assertAccessible(fresh, "my meetings: sign in");
  await signIn(mineSignIn);
  await button(fresh, "Sign in and see my meetings").click();
  const mine = fresh.page.getByRole("list", { name: "Meetings you started" });
  const row = mine.getByRole("listitem").filter({ has: fresh.page.getByRole("heading", { name: "East forum, May" }) });
  await row.waitFor(WAIT);
  await row.getByText("Step 2: Agree the agenda").waitFor(WAIT);
  await assertAccessible(fresh, "my meetings");
  await fresh.page.setViewportSize({ width: 320, height: 700 });
  await assertNoSidewaysScroll(fresh, "my meetings at 320 px");
  await fresh.page.setViewportSize({ width: 1280, height: 800 });
  // Home offers "My meetings" to a browser that signed a facilitator in.
  await fresh.page.goto("/");
  await fresh.page.getByRole("link", { name: "My meetings" }).waitFor(WAIT);
  await assertAccessible(fresh, "home with My meetings");
  await fresh.page.getByRole("link", { name: "My meetings" }).click();
  await row.getByRole("button", { name: "Open the console of East forum, May" }).click();
  await fresh.page.waitForURL(`**/meeting/${meetingId}/p/${fayId}`, WAIT);
  await fresh.page.getByText("You are the facilitator, Fay.").waitFor(WAIT);
  assert.equal((await region(fresh, "Codes to join").locator(".code-text").first().textContent()).trim(), joinCode);

  // The shared screen, from My meetings in another tab of the fresh browser.
  const tv = await secondTab(fresh, "Shared screen (from My meetings)");
  await tv.page.setViewportSize({ width: 1920, height: 1080 });
  await tv.page.goto("/my-meetings");
  await tv.page.getByRole("button", { name: "Open the shared screen of East forum, May" }).click();
  await tv.page.waitForURL(`**/screen/${meetingId}`, WAIT);
  await tv.page.getByRole("heading", { level: 1, name: "East forum, May" }).waitFor(WAIT);
  assert.equal(new URL(tv.page.url()).hash, "", "the screen's token is not left in the address bar");

  // ---- Cards while the console is scrolled to the bottom ------------------------------------------------------
  const ann = await person("Ann (member, phone)", { width: 360, height: 740 });
  await joinByLink(ann, joinCode, "Ann", "Star");
  await button(ann, "Join the meeting").click();
  await region(ann, "You and the meeting").waitFor(WAIT);
  await fresh.page.getByRole("region", { name: /People/ }).getByText("Ann").waitFor(WAIT);

  await fresh.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const scrolled = await fresh.page.evaluate(() => window.scrollY);
  assert.ok(scrolled > 200, `the console is long enough to scroll (scrolled ${scrolled} px)`);

  await (await openCards(benTab)).getByRole("button", { name: /Break/ }).click();
  await (await openCards(ann)).getByRole("button", { name: /Stop/ }).click();
  const bar = region(fresh, /^Cards up \(2\)$/);
  await bar.waitFor(WAIT);
  assert.ok(await fresh.page.evaluate(() => window.scrollY) >= scrolled - 5, "the console stayed scrolled to the bottom");
  const cards = bar.getByRole("listitem");
  assert.ok(await inViewport(cards.first()), "the first card is in view while the console is scrolled to the bottom");
  assert.ok(await inViewport(cards.nth(1)), "the second card is in view too");
  assert.match(await cards.first().textContent(), /Stop\s*Ann/);
  assert.match(await cards.nth(1).textContent(), /Break\s*Ben/);
  await assertAccessible(fresh, "console with the cards bar, scrolled to the bottom");
  await fresh.page.screenshot({ path: path.join(SCREENSHOTS, "facilitator-cards-bar.png") }).catch(() => undefined);

  // The shared screen shows them too, Stop first.
  const tvCards = tv.page.getByRole("region", { name: "Cards up" }).getByRole("listitem");
  await tvCards.nth(1).waitFor(WAIT);
  assert.match(await tvCards.first().textContent(), /Stop\s*Ann/);

  // "Dealt with" puts the Stop card down everywhere; the bar stays in view for the Break card.
  await bar.getByRole("button", { name: "Dealt with - Put down (Stop card of Ann)" }).click();
  await region(fresh, /^Cards up \(1\)$/).waitFor(WAIT);
  await (await openCards(ann)).getByRole("button", { name: /Stop/, pressed: false }).waitFor(WAIT);
  assert.ok(await inViewport(region(fresh, /^Cards up \(1\)$/).getByRole("listitem")), "the Break card is still in view");
  await tvCards.nth(1).waitFor({ state: "detached", ...WAIT });

  // The console with the bar reflows at 320 px.
  await fresh.page.setViewportSize({ width: 320, height: 700 });
  await assertNoSidewaysScroll(fresh, "console with the cards bar at 320 px");

  for (const p of people) assertNoPageProblems(p);
}
