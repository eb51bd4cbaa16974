// The web app's minutes and "remove a participant", in Debian's Chromium against the real Api and PostgreSQL, by
// clicks only: the facilitator removes Ben (asked twice, "No" first), closes the meeting, makes the Easy Read
// minutes, reads the checker's findings, previews them and publishes them with Ann as reviewer; Ann (phone),
// Sam (her supporter), Lee (listener) get "Read the minutes" from MinutesReady and read them in the app; the shared
// screen shows them by itself; a reloaded page finds them through GET /minutes/. A second meeting shows a refused
// publish in the server's plain words, and the words changed as plain sentences per section. axe-core (WCAG 2.2 AA + target size) finds 0 violations on every view.
// The meeting itself is run through the client module over SignalR (the meeting views are tested in webapp.test.mjs).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import * as signalR from "@microsoft/signalr";
import { startApp } from "./lib/app.mjs";
import {
  assertAccessible, assertNoPageProblems, assertNoSidewaysScroll, launchChromium, openPerson, routeHubSockets, screenshot,
} from "./lib/browser.mjs";
import { MeetingClient } from "./lib/client.mjs";
import { adminEnv, facilitatorHttp } from "./lib/facilitator.mjs";

const WAIT = { timeout: 20_000 };
let app;
let browser;
const clients = [];
const people = [];

before(async () => {
  app = await startApp({ dbName: "e2e_webapp_minutes", env: adminEnv });
  browser = await launchChromium();
});

after(async () => {
  await Promise.all(clients.map((c) => c.stop()));
  await browser?.close();
  await app?.stop();
});

/** A browser page for one person whose device already joined: their session is in localStorage, as after joining. */
async function open(name, session, { width = 1280, height = 900, path = `/meeting/${session.meetingId}`, slot = "", network = false } = {}) {
  const p = await openPerson(browser, name, { width, height, baseUrl: app.baseUrl });
  const key = `forumhub.session.${session.meetingId}${slot ? `.${slot}` : ""}`;
  await p.context.addInitScript(([k, v]) => localStorage.setItem(k, v), [key, JSON.stringify(session)]);
  // The test may cut this page's live connection (before it opens one).
  if (network) p.network = await routeHubSockets(p);
  await p.page.goto(path);
  people.push(p);
  return p;
}

function connect(meetingId, token) {
  const client = new MeetingClient({ baseUrl: app.baseUrl, meetingId, token, signalR, reconnectBackoff: { initialMs: 100, maxMs: 2_000 } });
  clients.push(client);
  return client;
}

async function spoken(p) {
  return p.page.evaluate(() => window.__spoken.splice(0));
}

test("minutes and removing a participant in the web app, by clicks, with axe on every view", async () => {
  const http = await facilitatorHttp(app.baseUrl);
  const created = await http.createMeeting({ title: "North forum", facilitatorName: "Fay" });
  const meetingId = created.meetingId;
  const join = (body) => http.join({ code: body.code ?? created.joinCode, ...body });
  const ann = await join({ displayName: "Ann", picture: "star" });
  const ben = await join({ displayName: "Ben", picture: "bus" });
  const sam = await join({ displayName: "Sam", role: "supporter", supportsMemberId: ann.participantId });
  const lee = await join({ code: created.listenerCode, displayName: "Lee" });
  const session = (j, role) => ({ meetingId, participantId: j.participantId, role, token: j.token });

  const fay = await open("Fay", {
    meetingId, participantId: created.facilitatorId, role: "facilitator", token: created.facilitatorToken, joinCode: created.joinCode,
    listenerCode: created.listenerCode, screenToken: created.screenToken,
  });
  const annPage = await open("Ann", session(ann, "member"), { width: 360, height: 740 });
  const benPage = await open("Ben", session(ben, "member"), { width: 768, height: 1024 });
  const samPage = await open("Sam", session(sam, "supporter"), { width: 390, height: 844 });
  const leePage = await open("Lee", session(lee, "listener"));
  const screen = await open("Screen", { meetingId, participantId: "", role: "screen", token: created.screenToken, joinCode: created.joinCode },
    { width: 1920, height: 1080, path: `/screen/${meetingId}`, slot: "screen" });

  // A short meeting, run over SignalR.
  const fayClient = connect(meetingId, created.facilitatorToken);
  const annClient = connect(meetingId, ann.token);
  await Promise.all([fayClient.start(), annClient.start()]);
  await annClient.answerQuestion({ question: "whyAreYouHere", text: "To see my friends", picture: "friends" });
  const wish = await annClient.answerQuestion({ question: "whatDoYouWantToDo", text: "Better buses on Sundays", picture: "bus" });
  await fayClient.moveToPhase({ phase: "agenda" });
  const item = await fayClient.promoteAnswer({ answerId: wish.id });
  await fayClient.agreeAgenda({ itemIds: [item.id] });
  await fayClient.moveToPhase({ phase: "items" });
  await fayClient.startItem({ itemId: item.id });
  await fayClient.addNote({ itemId: item.id, text: "The 12 bus does not run on Sundays." });
  await fayClient.recordDecision({ itemId: item.id, text: "We will write to the council.", level: "coProduction", pollId: null });
  await fayClient.finishItem({ itemId: item.id });

  // --- Remove Ben: asked once more; "No" keeps him and gives the focus back to his Remove button.
  const peoplePanel = fay.page.locator("section", { has: fay.page.locator("#people-heading") });
  await peoplePanel.getByRole("button", { name: "Remove Ben", exact: true }).click();
  await peoplePanel.getByText("Remove Ben from the meeting?").waitFor(WAIT);
  await fay.page.waitForFunction(() => document.activeElement?.textContent?.trim() === "Yes, remove Ben", null, WAIT);
  await assertAccessible(fay, "remove Ben: asked");
  await peoplePanel.getByRole("button", { name: "No, keep Ben" }).click();
  await fay.page.waitForFunction(() => document.activeElement?.getAttribute("data-remove") !== null, null, WAIT);
  await peoplePanel.getByRole("button", { name: "Remove Ben", exact: true }).press("Enter");
  await peoplePanel.getByRole("button", { name: "Yes, remove Ben" }).click();
  await peoplePanel.getByRole("button", { name: "Remove Ben", exact: true }).waitFor({ state: "detached", ...WAIT });
  await benPage.page.getByText("Your place in this meeting has ended.").waitFor(WAIT);
  assert.equal(await peoplePanel.getByRole("button", { name: /^Remove Fay/ }).count(), 0, "no Remove for the facilitator herself");
  await assertAccessible(benPage, "removed");

  // --- Close the meeting in the console; the Minutes panel appears.
  await fay.page.getByRole("button", { name: "Close the meeting..." }).click();
  await fay.page.getByRole("button", { name: "Yes, close the meeting" }).click();
  const minutesPanel = fay.page.locator("section.minutes-admin");
  await minutesPanel.getByRole("button", { name: "Make the minutes" }).waitFor(WAIT);
  await assertAccessible(fay, "closed, minutes not made");
  for (const p of [annPage, samPage, leePage]) assert.equal(await p.page.getByRole("button", { name: "Read the minutes" }).count(), 0);

  // Make a draft: the checker's findings in plain words.
  await minutesPanel.getByRole("button", { name: "Make the minutes" }).click();
  await minutesPanel.getByRole("heading", { name: "Draft 1, made by Fay" }).waitFor(WAIT);
  await minutesPanel.getByRole("heading", { name: "What the checker found" }).waitFor(WAIT);
  assert.match(await minutesPanel.locator(".check-findings").innerText(), /The minutes have \d+ words\./);
  await assertAccessible(fay, "minutes draft with the checker's findings");

  // Preview: the Easy Read version inside the console, pictures left of words, 21px or more, read aloud per section.
  await minutesPanel.getByRole("button", { name: "See the Easy Read minutes" }).click();
  const preview = minutesPanel.getByRole("article", { name: "Draft 1 of the Easy Read minutes" });
  await preview.waitFor(WAIT);
  await preview.getByText("This is a draft").waitFor(WAIT);
  const layout = await preview.evaluate((doc) => [...doc.querySelectorAll(".mn-section")].map((s) => {
    const picture = s.querySelector(":scope > svg.mn-picture")?.getBoundingClientRect();
    const words = s.querySelector(":scope > .mn-words")?.getBoundingClientRect();
    return { picture: picture?.right ?? null, words: words?.left ?? null, font: parseFloat(getComputedStyle(s.querySelector("p, li") ?? s).fontSize) };
  }));
  assert.ok(layout.length >= 5, `${layout.length} sections`);
  for (const s of layout) {
    assert.ok(s.picture !== null && s.words !== null && s.picture <= s.words, `picture left of words: ${JSON.stringify(s)}`);
    assert.ok(s.font >= 21, `font ${s.font}px`);
  }
  assert.equal(await preview.locator("script, style, iframe, [style], [onclick]").count(), 0);
  await spoken(fay);
  await preview.getByRole("button", { name: "Listen" }).nth(1).click();
  const said = await spoken(fay);
  assert.deepEqual(said[0], { cancel: true });
  assert.ok(said.length >= 2 && said.slice(1).every((s) => typeof s.text === "string" && s.text.length > 0), JSON.stringify(said));
  await assertAccessible(fay, "minutes preview");
  await screenshot(fay, "facilitator-minutes-preview.png");
  await fay.page.setViewportSize({ width: 320, height: 640 });
  await assertNoSidewaysScroll(fay, "minutes preview at 320px");
  await fay.page.setViewportSize({ width: 1280, height: 900 });

  // Publish, with Ann as the member who checked them: asked twice.
  await minutesPanel.getByLabel("Who checked the minutes with you?").selectOption({ label: "Ann" });
  await minutesPanel.getByRole("button", { name: "Publish the minutes..." }).click();
  await minutesPanel.getByText("Publish draft 1 for everyone?").waitFor(WAIT);
  await assertAccessible(fay, "publish: asked");
  await minutesPanel.getByRole("button", { name: "No, not yet" }).click();
  await minutesPanel.getByRole("button", { name: "Publish the minutes..." }).click();
  await minutesPanel.getByRole("button", { name: "Yes, publish" }).click();
  await minutesPanel.getByText("The minutes are published.").waitFor(WAIT);
  const status = await fayClient.http.getMinutesStatus(meetingId, created.facilitatorToken);
  assert.equal(status.current?.reviewedWithName, "Ann");

  // Everyone else hears MinutesReady: a big "Read the minutes"; the screen shows them by itself.
  for (const p of [annPage, samPage, leePage]) await p.page.getByRole("button", { name: "Read the minutes" }).waitFor(WAIT);
  await screen.page.getByRole("article", { name: "Easy Read minutes" }).waitFor(WAIT);
  assert.equal(await screen.page.locator("main button, main a[href], main input").count(), 0, "the screen has nothing to press");
  await assertAccessible(screen, "minutes on the shared screen");
  await screenshot(screen, "screen-minutes.png", { fullPage: false });

  await assertAccessible(annPage, "minutes ready (phone)");
  await annPage.page.getByRole("button", { name: "Read the minutes" }).click();
  const annMinutes = annPage.page.getByRole("article", { name: "Easy Read minutes" });
  await annMinutes.getByText("We will write to the council.").first().waitFor(WAIT);
  await annPage.page.waitForFunction(() => document.activeElement?.id === "minutes-heading", null, WAIT);
  await assertAccessible(annPage, "reading the minutes (phone)");
  await screenshot(annPage, "member-minutes-phone.png");
  await annPage.page.setViewportSize({ width: 320, height: 640 });
  await assertNoSidewaysScroll(annPage, "reading the minutes at 320px");
  await annMinutes.getByRole("button", { name: "Listen" }).first().click();
  const annSaid = await spoken(annPage);
  assert.deepEqual(annSaid[0], { cancel: true });
  assert.ok(annSaid.length >= 2, JSON.stringify(annSaid));
  await annPage.page.getByRole("button", { name: "Close the minutes" }).first().click();
  await annPage.page.getByRole("button", { name: "Read the minutes" }).waitFor(WAIT);

  await samPage.page.getByRole("button", { name: "Read the minutes" }).click();
  await samPage.page.getByRole("article", { name: "Easy Read minutes" }).waitFor(WAIT);
  await assertAccessible(samPage, "supporter reading the minutes");

  // A page opened after publishing finds the minutes through GET /minutes/ (MinutesReady is not replayed).
  await leePage.page.reload();
  await leePage.page.getByRole("button", { name: "Read the minutes" }).click();
  await leePage.page.getByRole("article", { name: "Easy Read minutes" }).waitFor(WAIT);
  await assertAccessible(leePage, "listener reading the minutes");

  // The console after a reload: published, nothing left to publish.
  await fay.page.reload();
  await minutesPanel.getByText("The minutes are published.").waitFor(WAIT);
  assert.equal(await minutesPanel.getByRole("button", { name: /Publish/ }).count(), 0);
  await assertAccessible(fay, "minutes published (reloaded)");

  for (const p of people) assertNoPageProblems(p);
});

test("refusals in the server's plain words (removing someone already removed, publishing twice); changing the words", async () => {
  const http = await facilitatorHttp(app.baseUrl);
  const created = await http.createMeeting({ title: "South forum, June", facilitatorName: "Fay" });
  const meetingId = created.meetingId;
  const lee = await http.join({ code: created.listenerCode, displayName: "Lee" });
  const fayClient = connect(meetingId, created.facilitatorToken);
  await fayClient.start();
  await fayClient.moveToPhase({ phase: "closed" });
  const fay = await open("Fay (south)", { meetingId, participantId: created.facilitatorId, role: "facilitator", token: created.facilitatorToken },
    { network: true });

  // Removing Lee while this laptop is offline; meanwhile another laptop removes him. When the connection is back, the
  // page catches up (Lee leaves the list), the queued removal is refused in the server's words, and the console goes on.
  const peoplePanel = fay.page.locator("section", { has: fay.page.locator("#people-heading") });
  await peoplePanel.getByRole("button", { name: "Remove Lee", exact: true }).click();
  await fay.network.drop();
  await peoplePanel.getByRole("button", { name: "Yes, remove Lee" }).click();
  await fayClient.removeParticipant({ participantId: lee.participantId });
  await fay.network.restore();
  await peoplePanel.getByRole("alert").getByText("This person has left the meeting.").waitFor(WAIT);
  await peoplePanel.getByRole("button", { name: "Remove Lee", exact: true }).waitFor({ state: "detached", ...WAIT });
  assert.equal(await fay.page.getByText("Your place in this meeting has ended").count(), 0, "the facilitator is still in the meeting");
  await assertAccessible(fay, "a refused removal");

  const panel = fay.page.locator("section.minutes-admin");
  await panel.getByRole("button", { name: "Make the minutes" }).click();
  await panel.getByRole("heading", { name: "Draft 1, made by Fay" }).waitFor(WAIT);

  // Changing the words, as plain sentences per section (issue 11): no Markdown, no backslashes; typed italics are refused
  // in the server's words, a pasted NUL too (it answered 500 once); the checker runs on the unsaved words and names the
  // section; then they are saved as draft 2 and the preview shows them.
  await panel.getByRole("button", { name: "Change the words" }).click();
  await panel.getByRole("heading", { name: "The Easy Read words of draft 1" }).waitFor(WAIT);
  const boxes = panel.locator("textarea.minutes-text");
  assert.ok((await boxes.count()) >= 3, "a box per section");
  for (const text of await boxes.evaluateAll((all) => all.map((b) => b.value))) {
    assert.doesNotMatch(text, /[\\#*_]|\]\(|picture:/, `plain words only: ${JSON.stringify(text)}`);
  }
  const about = panel.getByLabel("About this meeting", { exact: true });
  const original = await about.inputValue();
  assert.match(original, /^The meeting was called: South forum, June\.$/m);
  await about.fill(`${original}\nWe were _very_ happy.`);
  await panel.getByRole("button", { name: "Save as a new draft" }).click();
  await panel.getByRole("alert").getByText(/Please write plain words in "About this meeting"\. The words "We were _very_ happy\." have italics\./).waitFor(WAIT);
  await about.fill(`${original}\nWe were very happy.\u0000`);
  await panel.getByRole("button", { name: "Save as a new draft" }).click();
  await panel.getByRole("alert").getByText("There is a character in the text that we cannot save. Please delete it and try again.").waitFor(WAIT);
  await about.fill(`${original}\nWe talked for a very long time about all of the many things that matter to us here.`);
  await panel.getByRole("button", { name: "Check my changes" }).click();
  const found = panel.getByRole("heading", { name: "What the checker found in your changes" });
  await found.waitFor(WAIT);
  assert.match(await panel.locator(".minutes-editor [role=status]").innerText(), /1 thing is not Easy Read yet\. It is in "About this meeting"\./);
  await panel.locator("#minutes-section-0-found").getByText("This sentence has 18 words. Use 15 or fewer.").waitFor(WAIT);
  await assertAccessible(fay, "changing the minutes' words, checked");
  await fay.page.setViewportSize({ width: 320, height: 640 });
  await assertNoSidewaysScroll(fay, "changing the minutes' words at 320px");
  await fay.page.setViewportSize({ width: 1280, height: 900 });
  await panel.getByRole("button", { name: "Save as a new draft" }).click();
  await panel.getByRole("heading", { name: "Draft 2, changed by Fay" }).waitFor(WAIT);
  assert.equal(await panel.getByRole("heading", { name: "The Easy Read words of draft 1" }).count(), 0);
  const saved = await fayClient.http.getMinutesDraft(meetingId, created.facilitatorToken, 2);
  assert.match(saved.easyReadMarkdown, /South forum\\, June\\\./, "the server keeps the escaped Markdown");
  assert.match(saved.easyReadSections[0].text, /We talked for a very long time about all of the many things that matter to us here\.$/);
  await panel.getByRole("button", { name: "See the Easy Read minutes" }).click();
  await panel.getByRole("article", { name: "Draft 2 of the Easy Read minutes" })
    .getByText("We talked for a very long time about all of the many things that matter to us here.").waitFor(WAIT);

  await panel.getByRole("button", { name: "Publish the minutes..." }).click();
  // Meanwhile the minutes are published from another laptop.
  await fayClient.http.publishMinutes(meetingId, created.facilitatorToken, 2);
  await panel.getByRole("button", { name: "Yes, publish" }).click();
  await panel.getByRole("alert").getByText("These minutes are already published. To change them, publish a correction.").waitFor(WAIT);
  await panel.getByText("The minutes are published.").waitFor(WAIT);
  await assertAccessible(fay, "publish refused");
  assertNoPageProblems(fay);
});
