// Issue 11's "Done when" test: one whole forum meeting in Debian's Chromium, by clicks and typing only, through every
// phase (gathering, agenda, items, closed, minutes), with the facilitator's laptop, the TV, two members on phones
// (360 and 320 px), a supporter on a phone and a listener, and:
//  - Cat, a member without a device: Fay adds her ("Help a member without a phone"), types Cat's answer and votes for
//    her; Cat counts in the vote ("4 of 4 people with a vote have voted": Ann, Ben, Dan, Cat) and in "Who came";
//  - Dan, who joins in a second tab of Fay's browser (same browser context): the join page says the browser is the
//    facilitator's and keeps both; both tabs reload and each is still its own person;
//  - Fay back in her console from "My meetings" on another computer (a fresh browser context, signed in there); her
//    first console tab is closed and she runs the rest of the meeting from the new one;
//  - a Stop card raised while Fay's console is scrolled to the bottom: the cards bar shows it in view; "Dealt with";
//  - a vote opened while Ann's and Sam's phones are scrolled to the bottom: question and buttons in the first screen
//    (360x740, above the cards bar); a second, secret vote with own choices while Ben's phone is scrolled down.
// In every phase: no view scrolls sideways at 320, 360 and 1920 px (Fay, Ann, Ben, Sam, Lee, Dan, the TV, and the
// start, join, My meetings and minutes views where they come); the TV neither scrolls nor cuts anything off at
// 1920x1080 and 1366x768; axe-core finds 0 violations; no page error or CSP violation. The TV agenda follows Fay's
// order and its pages turn every 8-10 s.
//
// It runs twice, each run in its own file so the two can run side by side (room-long-lists.test.mjs and
// room-hostile.test.mjs, both calling forumRoomTest below):
//   1. "a room with long lists": plain words, but many answers, ideas and agenda items, so the TV must page them.
//      Its TV screenshots (every phase at 1920x1080 and 1366x768) and the member's phone with an open vote go to
//      docs/screenshots/ with UPDATE_SCREENSHOTS=1 (artifacts/screenshots otherwise).
//   2. "a room of hostile text": the hostile corpus (lib/hostile.mjs, 64 lines, numbered from 0) in every text field,
//      each value made as long as its field allows with an unbroken word of W's at the end:
//        answers (280) and ideas (120): every line, one each (Cat's answer: line 10; Dan's: 12);
//        meeting title (120): lines 3, 49;
//        names (40): Fay 0, Ann 1, Ben 46 (5,000 W's), Sam 24, Lee 47, Cat 29 (the member without a phone),
//          Dan 48 (the second tab);
//        notes (1000, two): 19, 38, 41, 42, 51, 52, 53 | 54, 55, 58, 59, 60, 61, 62, 63;
//        vote questions (200, two): 2, 26, 50, 57 | 5, 27, 56;
//        own choices (60, eight): 11, 13, 14, 15, 16, 17, 18, 22;
//        decisions (280, two): 6, 7, 8, 10, 12 | 9, 20, 21, 23;
//        actions (200, three): 28, 30, 31, 32 | 33, 34, 35 | 36, 37, 39, 40;
//        listener's response (500): 4, 25, 43, 44, 45.
//      (HOSTILE_FIELDS below; the test fails if they stop holding every line of the corpus.)
//
//   node --test tests/e2e/room-long-lists.test.mjs tests/e2e/room-hostile.test.mjs   (needs the web app built into the Api: see webapp.test.mjs)
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";
import { startApp } from "./app.mjs";
import { assertAccessible, assertNoPageProblems, inViewport, launchChromium, openPerson, openTab, screenshot, openCards } from "./browser.mjs";
import { adminEnv, fillSignIn } from "./facilitator.mjs";
import { HOSTILE_LINES, LIMITS, atLimit } from "./hostile.mjs";

const FAILURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "artifacts", "room-failure");
const LIVE_MS = 20_000;
const WIDTHS = [320, 360, 1920];
const TV_SIZES = [{ width: 1920, height: 1080 }, { width: 1366, height: 768 }];
const PHONE = { width: 360, height: 740 };

let app;
let browser;

// ---- What is typed --------------------------------------------------------------------------------------------------

/** Plain words, but many of them: the lists are longer than a TV holds. */
function longListsRoom() {
  const why = ["To see my friends.", "To have my say.", "I like the forum.", "To learn about buses.", "My support worker said it is good.",
    "To meet new people.", "I want to help.", "To hear the news.", "I came last time too.", "To talk about my house."];
  const what = ["Better buses", "More day trips", "Money for clubs", "Safe streets at night", "A bigger room", "Easy Read letters",
    "Jobs for us", "Sport on Saturdays", "Help with phones", "Cheaper cinema tickets", "Quiet places", "A summer party"];
  return {
    title: "North forum, March",
    names: { fay: "Fay", ann: "Ann", ben: "Ben", sam: "Sam", lee: "Lee", cat: "Cat", dan: "Dan" },
    catAnswer: "To talk about buses.",
    danAnswer: "Fay told me about it.",
    answers: [
      ...why.map((text, i) => ({ who: ["ann", "ben", "sam"][i % 3], question: "whyAreYouHere", text })),
      ...what.slice(0, 8).map((text, i) => ({ who: ["ann", "ben", "sam"][i % 3], question: "whatDoYouWantToDo", text })),
    ],
    ideas: what.map((text, i) => ({ who: i % 2 ? "ben" : "ann", text })),
    onAgenda: 9,
    notes: ["Clubs cost 5 pounds a week.", "Some clubs closed last year."],
    question: "Do you agree: we ask the council for money for clubs?",
    choices: null,
    decisions: ["We ask the council for money for clubs."],
    response: "I will take this to the board in April.",
    actions: ["Write to the council about clubs.", "Find out which clubs closed."],
    secondQuestion: "Which day is best for the summer party?",
    secondChoices: ["Saturday", "Sunday", "Friday evening"],
  };
}

/**
 * Which lines of the hostile corpus (by their index in HOSTILE_LINES) each other field gets, besides the answers and
 * ideas (which get every line): each value is its lines joined (by a space; by a line break in notes and the
 * response), then made as long as the field allows with W's. Together they hold every line, which the test checks.
 */
export const HOSTILE_FIELDS = {
  title: [3, 49],
  names: { fay: [0], ann: [1], ben: [46], sam: [24], lee: [47], cat: [29], dan: [48] },
  notes: [[19, 38, 41, 42, 51, 52, 53], [54, 55, 58, 59, 60, 61, 62, 63]],
  questions: [[2, 26, 50, 57], [5, 27, 56]],
  choices: [[11], [13], [14], [15], [16], [17], [18], [22]],
  decisions: [[6, 7, 8, 10, 12], [9, 20, 21, 23]],
  actions: [[28, 30, 31, 32], [33, 34, 35], [36, 37, 39, 40]],
  response: [4, 25, 43, 44, 45],
};

/** Every hostile line as an answer and as an idea; the corpus spread over every other field (HOSTILE_FIELDS), at its limit. */
function hostileRoom() {
  const L = HOSTILE_LINES;
  const used = Object.values(HOSTILE_FIELDS).flatMap((v) => Object.values(v)).flat(2);
  assert.deepEqual([...new Set(used)].sort((a, b) => a - b), L.map((_, i) => i), "HOSTILE_FIELDS holds every line of the corpus");
  const oneLine = (indices, limit) => atLimit(indices.map((i) => L[i]).join(" "), limit);
  const lines = (indices, limit) => atLimit(indices.map((i) => L[i]).join("\n"), limit, { oneLine: false });
  const names = Object.fromEntries(Object.entries(HOSTILE_FIELDS.names).map(([who, indices]) => [who, oneLine(indices, LIMITS.name)]));
  return {
    title: oneLine(HOSTILE_FIELDS.title, LIMITS.title),
    names,
    catAnswer: atLimit(L[10], LIMITS.answer),
    danAnswer: atLimit(L[12], LIMITS.answer),
    answers: L.map((line, i) => ({ who: ["ann", "ben", "sam"][i % 3], question: i % 2 ? "whatDoYouWantToDo" : "whyAreYouHere", text: atLimit(line, LIMITS.answer) })),
    ideas: L.map((line, i) => ({ who: i % 2 ? "ben" : "ann", text: atLimit(line, LIMITS.title) })),
    onAgenda: 14,
    notes: HOSTILE_FIELDS.notes.map((indices) => lines(indices, LIMITS.note)),
    question: oneLine(HOSTILE_FIELDS.questions[0], LIMITS.question),
    choices: null,
    decisions: HOSTILE_FIELDS.decisions.map((indices) => oneLine(indices, LIMITS.decision)),
    response: lines(HOSTILE_FIELDS.response, LIMITS.response),
    actions: HOSTILE_FIELDS.actions.map((indices) => oneLine(indices, LIMITS.action)),
    secondQuestion: oneLine(HOSTILE_FIELDS.questions[1], LIMITS.question),
    secondChoices: HOSTILE_FIELDS.choices.map((indices) => oneLine(indices, LIMITS.option)),
  };
}

// ---- The two runs ---------------------------------------------------------------------------------------------------

/**
 * Registers one run of the meeting in the calling test file: its own Api (on database `dbName`) and Chromium.
 * `room` is "long lists" (plain words, TV screenshots) or "hostile" (the hostile corpus at every field's limit).
 */
export function forumRoomTest(title, { room, dbName, timeout }) {
  before(async () => {
    app = await startApp({
      dbName,
      // Typing 64 answers and 64 ideas as fast as a test can is faster than any person: let it through (the limits
      // themselves are tested in reliability/logs-and-limits.test.mjs).
      env: { ...adminEnv, RateLimits__HubCallsPerSecondPerConnection: "1000", RateLimits__HubCallsPerSecondPerParticipant: "1000" },
    });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  const longLists = room === "long lists";
  test(title, { timeout }, async () => {
    await withFailureShots(longLists ? "long-lists" : "hostile", (people) =>
      runMeeting(people, longLists ? longListsRoom() : hostileRoom(), { shots: longLists }));
  });
}

async function withFailureShots(name, run) {
  const room = { people: [] };
  try {
    await run(room);
  } catch (error) {
    const dir = path.join(FAILURES, name);
    mkdirSync(dir, { recursive: true });
    for (const p of room.people) {
      await p.page.screenshot({ path: path.join(dir, `${p.key}.png`), fullPage: true }).catch(() => undefined);
    }
    throw new Error(`${error.message}\n(screenshots of every page: ${dir})`, { cause: error });
  } finally {
    await Promise.all(room.people.map((p) => p.context.close().catch(() => undefined)));
  }
}

/** The meeting, step by step; `checkPhase` after each phase. */
async function runMeeting(room, words, { shots }) {
  let fay = await person(room, "fay", "Fay (facilitator)", { width: 1280, height: 900 });
  const { joinCode, listenerCode } = await startMeeting(fay, words);
  const screen = await openScreen(room, fay, words);
  const ann = await person(room, "ann", "Ann (member, phone)", PHONE);
  const ben = await person(room, "ben", "Ben (member, phone)", { width: 320, height: 640 });
  const sam = await person(room, "sam", "Sam (supporter, phone)", PHONE);
  const lee = await person(room, "lee", "Lee (listener)", { width: 1280, height: 900 });
  await join(ann, joinCode, { role: "member", name: words.names.ann });
  await join(ben, joinCode, { role: "member", name: words.names.ben });
  await join(sam, joinCode, { role: "supporter", name: words.names.sam, supportsIndex: 0, checkJoinPage: true });
  await join(lee, listenerCode, { name: words.names.lee });
  // Dan joins in a second tab of Fay's browser: told it is the facilitator's, and both are kept.
  const dan = await secondTab(room, fay, "dan", "Dan (member, a second tab of Fay's browser)");
  await joinInFacilitatorsBrowser(dan, joinCode, words.names.dan);
  const everyone = { fay, ann, ben, sam, lee, dan, screen };

  // 1. Getting started: everyone's answers; the TV shows them in two panes and the join code big. Fay adds Cat, who
  //    has no phone, and types Cat's answer for her. Both tabs of Fay's browser reload and stay who they were.
  for (const a of words.answers) await answer(everyone[a.who], a.question, a.text);
  await answer(lee, "whyAreYouHere", words.answers[0].text);
  await answer(dan, "whyAreYouHere", words.danAnswer);
  await addMemberWithoutPhone(fay, words.names.cat);
  await answerFor(fay, words.catAnswer);
  for (const idea of words.ideas.slice(0, 4)) await proposeIdea(everyone[idea.who], idea.text);
  await reloadBothTabs(fay, dan);
  await raiseCard(ann, /Question/);
  await screen.page.getByRole("region", { name: "Cards up" }).waitFor();
  await checkPhase("1-gathering", everyone, { shots });
  await clearFirstCard(fay);

  // 2. Agree the agenda: the rest of the ideas, then the facilitator puts them in order; the TV follows her order.
  await moveOn(fay, "Next step: Agree the agenda");
  for (const idea of words.ideas.slice(4)) await proposeIdea(everyone[idea.who], idea.text);
  await checkPhase("2-agenda-ideas", everyone, { shots: false });
  const agreed = await agreeAgenda(fay, words.onAgenda);
  await assertScreenAgenda(screen, agreed);
  assert.equal(await region(ann, "Add an idea to the agenda").count(), 0, "the idea form goes away once the agenda is agreed");
  // Fay's laptop gives up: on another computer (a fresh browser) she signs in on "My meetings" and is back in her
  // console. Dan's tab stays open in the first browser.
  fay = await backFromMyMeetings(room, fay, words.title, "Step 2: Agree the agenda");
  everyone.fay = fay;
  await checkPhase("2-agenda", everyone, { shots });

  // 3. Items: notes; a Stop card raised while Fay's console is scrolled to the bottom is in view; a vote opened while
  //    Ann's and Sam's phones are scrolled to the bottom; Fay votes for Cat: everyone with a vote has voted ("4 of 4");
  //    a decision, a listener's response, actions.
  await moveOn(fay, "Next step: Talk about each item");
  await startFirstItem(fay);
  for (const note of words.notes) await addNote(fay, note);
  await stopCardInView(fay, ann, words.names.ann);
  await scrollToBottom(ann);
  await scrollToBottom(sam);
  await openVote(fay, { question: words.question, secret: false });
  await assertVoteInFirstScreen(ann);
  await assertVoteInFirstScreen(sam);
  if (shots) await screenshot(ann, "member-open-vote-360x740.png", { fullPage: false });
  await checkPhase("3-items-vote-open", everyone, { shots });
  await voteYes(ann);
  await voteYes(ben);
  await voteYes(dan);
  await voteFor(fay, "Yes");
  await region(fay, "Vote").getByText("4 of 4 people with a vote have voted.").waitFor();
  await closeVote(fay);
  for (const text of words.decisions) await recordDecision(fay, text);
  await inviteAndRespond(fay, lee, words.response);
  for (const [i, text] of words.actions.entries()) await addAction(fay, text, i + 1);
  await checkPhase("3-items-decided", everyone, { shots });

  // A second vote with its own choices (eight in the hostile room), secret, while Ben's phone is scrolled down.
  await scrollToBottom(ben);
  await openVote(fay, { question: words.secondQuestion, secret: true, choices: words.secondChoices });
  await region(ben, "Vote now").getByRole("button").first().waitFor();
  await assertInFirstScreen(ben, [region(ben, "Vote now").locator(".poll-question")], "the second vote's question");
  await checkPhase("3-items-second-vote", everyone, { shots: false });
  await closeVote(fay);
  await finishItem(fay);

  // 4. Close: what we decided and who does what, then the published minutes, paged on the TV; Cat is in who came.
  await closeMeeting(fay, everyone);
  await checkPhase("4-closed", everyone, { shots });
  await publishMinutes(fay);
  await screen.page.getByRole("article", { name: "Easy Read minutes" }).waitFor();
  await ann.page.getByRole("button", { name: "Read the minutes" }).click();
  await ann.page.getByRole("article").first().waitFor();
  await assertCameWithoutPhone(ann, words.names.cat);
  await checkPhase("4-minutes", everyone, { shots });
  await assertPagesTurn(screen);
}

// ---- People and pages -----------------------------------------------------------------------------------------------

/** A second tab of `p`'s browser (the same browser context). */
async function secondTab(room, p, key, name) {
  const tab = await openTab(p, name);
  tab.key = key;
  tab.size = p.page.viewportSize();
  tab.page.setDefaultTimeout(LIVE_MS);
  room.people.push(tab);
  return tab;
}

async function person(room, key, name, size) {
  const p = await openPerson(browser, name, { ...size, baseUrl: app.baseUrl });
  p.key = key;
  p.size = size;
  p.page.setDefaultTimeout(LIVE_MS);
  room.people.push(p);
  return p;
}

const button = (p, name, options = {}) => p.page.getByRole("button", { name, ...options });
const region = (p, name, exact = true) => p.page.getByRole("region", { name, exact });
const QUESTION = { whyAreYouHere: "Why are you here?", whatDoYouWantToDo: "What do you want to do?" };

async function startMeeting(fay, words) {
  await fay.page.goto("/");
  await fay.page.getByRole("link", { name: "Start a meeting" }).click();
  await fay.page.getByLabel("Name of the meeting").fill(words.title);
  await fay.page.getByLabel("Your name").fill(words.names.fay);
  await assertNoSidewaysScrollAt(fay, "start, typed");
  await button(fay, "Start the meeting").click();
  const signIn = fay.page.getByRole("form", { name: "Please sign in first" });
  const inMeeting = fay.page.waitForURL(/\/meeting\//).then(() => "meeting");
  if ((await Promise.race([inMeeting, signIn.waitFor().then(() => "sign in")])) === "sign in") {
    await fillSignIn(signIn);
    await button(fay, "Sign in and start the meeting").click();
  }
  await inMeeting;
  const codes = region(fay, "Codes to join");
  await codes.waitFor();
  return {
    joinCode: (await codes.locator(".code-text").first().textContent()).trim(),
    listenerCode: (await codes.locator(".code-text").nth(1).textContent()).trim(),
  };
}

async function openScreen(room, fay, words) {
  const href = await region(fay, "Codes to join").getByRole("link", { name: /Open the shared screen/ }).getAttribute("href");
  const screen = await person(room, "screen", "Shared screen (TV)", TV_SIZES[0]);
  await screen.page.goto(href);
  await screen.page.locator(".screen-header h1").waitFor();
  assert.equal((await screen.page.locator(".screen-header h1").textContent()).trim(), words.title.trim());
  return screen;
}

async function join(p, code, { role, name, supportsIndex, checkJoinPage = false }) {
  await p.page.goto(`/join/${code}`);
  await button(p, "Next").click();
  if (role === "supporter") await p.page.getByRole("radio", { name: "I support a member" }).check();
  else if (role === "member") await p.page.getByRole("radio", { name: "I am a member of the forum" }).check();
  await p.page.getByLabel("Your name").fill(name);
  if (supportsIndex !== undefined) await p.page.getByRole("group", { name: "Who do you support?" }).getByRole("radio").nth(supportsIndex).check();
  if (checkJoinPage) {
    await assertNoSidewaysScrollAt(p, "join, details typed");
    await assertAccessible(p, "join, details typed");
  }
  await button(p, "Join the meeting").click();
  await p.page.waitForURL(/\/meeting\//);
  await p.page.getByRole("region", { name: "You and the meeting" }).waitFor();
}

/** The join page in the facilitator's browser says so and keeps both people; Dan joins as a member. */
async function joinInFacilitatorsBrowser(dan, code, name) {
  await dan.page.goto(`/join/${code}`);
  await button(dan, "Next").click();
  await dan.page.getByRole("radio", { name: "I am a member of the forum" }).check();
  await dan.page.getByLabel("Your name").fill(name);
  const already = region(dan, "This browser is the facilitator's");
  await already.getByText("This browser is already the facilitator's. You can join as another person too; both are kept.").waitFor();
  await assertNoSidewaysScrollAt(dan, "join in the facilitator's browser");
  await assertAccessible(dan, "join in the facilitator's browser");
  await button(dan, "Join the meeting").click();
  await dan.page.waitForURL(/\/meeting\/[0-9a-f-]{36}\/p\/[0-9a-f-]{36}$/);
  await dan.page.getByRole("region", { name: "You and the meeting" }).waitFor();
}

/** Both tabs of Fay's browser reload: her tab is still her console, Dan's still Dan's phone view. */
async function reloadBothTabs(fay, dan) {
  const before = { fay: fay.page.url(), dan: dan.page.url() };
  assert.notEqual(before.fay, before.dan, "each tab has its own person in its address");
  await fay.page.reload();
  await dan.page.reload();
  await region(fay, "Codes to join").waitFor();
  await dan.page.getByRole("region", { name: "You and the meeting" }).waitFor();
  assert.equal(await region(dan, "Codes to join").count(), 0, "Dan's tab is not the facilitator's console");
  assert.deepEqual({ fay: fay.page.url(), dan: dan.page.url() }, before);
}

/** Fay adds a member who has no phone; the new member is chosen at once in "Which member?". */
async function addMemberWithoutPhone(fay, name) {
  const help = region(fay, "Help a member without a phone");
  await help.getByRole("button", { name: "Add a member without a phone" }).click();
  const form = help.getByRole("form", { name: "Add a member without a phone" });
  await form.getByLabel("Their name").fill(name);
  await form.getByRole("radio", { name: "Cat", exact: true }).check();
  await form.getByRole("button", { name: "Add to the meeting" }).click();
  await help.getByText(/is in the meeting now\.$/).waitFor();
  assert.match(await help.getByLabel("Which member?").locator("option:checked").textContent(), /\(no phone\)$/);
}

/** Makes the member without a phone the one Fay enters for (a fresh console has nobody chosen). */
async function chooseMemberWithoutPhone(fay) {
  const select = region(fay, "Help a member without a phone").getByLabel("Which member?");
  const value = await select.evaluate((el) => [...el.options].find((o) => o.textContent.endsWith("(no phone)"))?.value);
  assert.ok(value, "the member without a phone is in \"Which member?\"");
  await select.selectOption(value);
  return region(fay, "Help a member without a phone");
}

/** Fay types the answer the member without a phone says out loud: saved as theirs, with support from Fay. */
async function answerFor(fay, text) {
  const help = await chooseMemberWithoutPhone(fay);
  const why = help.getByRole("region", { name: "Why are you here?" });
  await say(why, text, "Send the answer");
  await why.getByText("with support from").first().waitFor();
}

/** Fay presses a vote button for the member without a phone. */
async function voteFor(fay, choice) {
  const help = await chooseMemberWithoutPhone(fay);
  const vote = help.getByRole("region", { name: "Vote now" });
  await vote.getByRole("button", { name: choice, exact: true }).click();
  await vote.getByText("vote is counted").waitFor();
}

/**
 * A fresh browser (another computer): "My meetings" asks Fay to sign in, lists this meeting first with its step, and
 * "Open the console" opens her console as it was. Her first browser's console tab is closed; returns the new Fay.
 */
async function backFromMyMeetings(room, oldFay, title, step) {
  const fay = await person(room, "fay", "Fay (facilitator, another computer)", { width: 1280, height: 900 });
  await fay.page.goto("/my-meetings");
  const signIn = fay.page.getByRole("form", { name: "Please sign in first" });
  await signIn.waitFor();
  await assertNoSidewaysScrollAt(fay, "my meetings: sign in");
  await assertAccessible(fay, "my meetings: sign in");
  await fillSignIn(signIn);
  await button(fay, "Sign in and see my meetings").click();
  const row = fay.page.getByRole("list", { name: "Meetings you started" }).getByRole("listitem").first();
  await row.getByText(step).waitFor();
  assert.equal(norm(await row.getByRole("heading", { level: 2 }).textContent()), norm(title), "the newest meeting first");
  await assertNoSidewaysScrollAt(fay, "my meetings");
  await assertAccessible(fay, "my meetings");
  assertNoPageProblems(fay);
  const consoleUrl = oldFay.page.url();
  await oldFay.page.close();
  room.people.splice(room.people.indexOf(oldFay), 1);
  await row.getByRole("button", { name: /^Open the console of/ }).click();
  await fay.page.waitForURL(consoleUrl);
  await region(fay, "Codes to join").waitFor();
  return fay;
}

/** Ann raises Stop while Fay's console is scrolled to the bottom: the cards bar shows it in view; Fay deals with it. */
async function stopCardInView(fay, ann, annName) {
  await scrollToBottom(fay);
  await nextFrames(fay);
  const where = () => fay.page.evaluate(() => ({ y: Math.round(window.scrollY), bottom: Math.round(window.scrollY + window.innerHeight), height: document.documentElement.scrollHeight }));
  const before = await where();
  assert.ok(before.y > 200, `the console is long enough to scroll (scrolled ${before.y} px)`);
  await raiseCard(ann, /Stop/);
  const bar = fay.page.getByRole("region", { name: /^Cards up \(1\)$/ });
  await bar.waitFor();
  await nextFrames(fay);
  const now = await where();
  // The page may get shorter above (the "latest" line goes from a long note to the card), so "still at the bottom".
  assert.ok(now.y > 200 && now.bottom >= now.height - 5, `the console stayed scrolled to the bottom: ${JSON.stringify({ before, now })}`);
  const card = bar.getByRole("listitem").first();
  assert.ok(await inViewport(card), "the Stop card is in view while the console is scrolled to the bottom");
  const text = norm(await card.textContent());
  assert.ok(text.startsWith("Stop") && text.includes(norm(annName)), `the card says Stop and who: ${text}`);
  await assertNoSidewaysScrollAt(fay, "a Stop card, scrolled to the bottom");
  await assertAccessible(fay, "a Stop card, scrolled to the bottom");
  await bar.getByRole("button", { name: /^Dealt with/ }).click();
  await fay.page.getByRole("heading", { name: "Cards up (0)" }).waitFor();
}

/** "Who came" in the Easy Read minutes counts the member without a phone (and names her when it lists names). */
async function assertCameWithoutPhone(p, name) {
  const minutes = norm(await p.page.getByRole("article").first().textContent());
  const whoCame = minutes.slice(minutes.indexOf("Who came"));
  assert.ok(whoCame.includes(norm(name)) || /4 members came\./.test(whoCame), `"Who came" has the member without a phone: ${whoCame.slice(0, 400)}`);
}

const norm = (text) => text.replace(/\s+/g, " ").trim();

/** A SayForm in the section headed `heading`: type, send, and wait until the box is empty again (the server has it). */
async function say(section, text, send) {
  const box = section.getByRole("textbox").first();
  await box.fill(text);
  await section.getByRole("button", { name: send }).click();
  await box.page().waitForFunction((el) => el.value === "", await box.elementHandle());
}

async function answer(p, question, text) {
  await say(region(p, QUESTION[question]).first(), text, "Send the answer");
}

async function proposeIdea(p, text) {
  await say(region(p, "Add an idea to the agenda"), text, "Add my idea");
}

async function raiseCard(p, name) {
  const cards = await openCards(p);
  await cards.getByRole("button", { name }).click();
  await cards.getByRole("button", { name, pressed: true }).waitFor();
  await button(p, "Close the cards").click();
}

async function clearFirstCard(fay) {
  await fay.page.getByRole("button", { name: /^Dealt with/ }).first().click();
  await fay.page.getByRole("heading", { name: "Cards up (0)" }).waitFor();
}

async function moveOn(fay, name) {
  await button(fay, name).click();
}

/** Puts the first `count` ideas on the agenda, moves the last one to the top, agrees; returns the titles in order. */
async function agreeAgenda(fay, count) {
  const editor = region(fay, "Agree the agenda");
  for (let i = 0; i < count; i++) {
    const put = editor.getByRole("button", { name: /^Put on the agenda/ }).first();
    await put.click();
    await editor.getByRole("button", { name: /^Take off/ }).nth(i).waitFor();
  }
  // The facilitator's own order: the last idea moves up one place.
  const before = await editor.locator("ol > li strong").allTextContents();
  await editor.getByRole("button", { name: /^Move up/ }).last().click();
  await fay.page.waitForFunction(([last]) => {
    const titles = [...document.querySelectorAll(".agenda-editor ol > li strong")].map((s) => s.textContent);
    return titles[titles.length - 2] === last;
  }, [before[before.length - 1]]);
  const titles = await editor.locator("ol > li strong").allTextContents();
  assert.deepEqual(titles, [...before.slice(0, -2), before[before.length - 1], before[before.length - 2]]);
  await editor.getByRole("button", { name: "Agree this agenda" }).click();
  await fay.page.getByRole("status").getByText("The agenda is agreed").waitFor();
  assert.equal(titles.length, count);
  return titles;
}

/** The TV's agenda is the facilitator's order, page by page. */
async function assertScreenAgenda(screen, titles) {
  const agenda = screen.page.getByRole("region", { name: "Agenda" });
  await screen.page.waitForFunction((n) => document.querySelectorAll(".screen-agenda ol > li").length === n, titles.length);
  const shown = await agenda.locator("ol > li").evaluateAll((lis) => lis.map((li) => li.querySelector(".screen-item-title")?.textContent ?? ""));
  assert.deepEqual(shown, titles, "the TV's agenda is in the facilitator's order");
}

async function startFirstItem(fay) {
  await region(fay, "Items").getByRole("button", { name: /^Start this item/ }).first().click();
  await region(fay, "Items").getByRole("button", { name: "Finish this item" }).waitFor();
}

async function addNote(fay, text) {
  await say(region(fay, "Items"), text, "Add the note");
}

async function openVote(fay, { question, secret, choices }) {
  const vote = region(fay, "Vote");
  await vote.getByRole("radio", { name: secret ? "Secret vote" : "Open vote" }).check();
  await vote.getByRole("radio", { name: "On phones and tablets" }).check();
  await vote.getByLabel("3. The question").fill(question);
  if (choices) {
    await vote.getByRole("radio", { name: "Our own choices" }).check();
    await vote.getByLabel("Choices, one on each line (2 to 8)").fill(choices.join("\n"));
  }
  await vote.getByRole("button", { name: "Start the vote" }).click();
  await vote.getByRole("button", { name: "Close the vote" }).waitFor();
}

async function voteYes(p) {
  const vote = region(p, "Vote now");
  await vote.getByRole("button", { name: "Yes", exact: true }).click();
  await vote.getByText("vote is counted").waitFor();
}

async function closeVote(fay) {
  await region(fay, "Vote").getByRole("button", { name: "Close the vote" }).click();
  await region(fay, "Vote").getByRole("button", { name: "Start the vote" }).waitFor();
}

async function recordDecision(fay, text) {
  const form = region(fay, "Record a decision");
  await form.getByLabel("What did we decide?").fill(text);
  await form.getByRole("radio", { name: /Co-production/ }).check();
  await form.getByRole("button", { name: "Save the decision" }).click();
  await fay.page.waitForFunction((el) => el.value === "", await form.getByLabel("What did we decide?").elementHandle());
}

async function inviteAndRespond(fay, lee, text) {
  await region(fay, "Listeners").getByRole("button", { name: /^Ask to respond/ }).first().click();
  const respond = region(lee, "The facilitator asks you to respond");
  await respond.getByLabel("Your response").fill(text);
  await respond.getByRole("button", { name: "Send my response" }).click();
  await respond.waitFor({ state: "detached" });
}

/** An action for the `ownerIndex`-th person in "Who will do it?", helped by the next one. */
async function addAction(fay, text, ownerIndex) {
  const form = region(fay, "Add an action");
  await form.getByLabel("What will be done?").fill(text);
  await form.getByLabel("Who will do it?").selectOption({ index: ownerIndex });
  await form.getByLabel("Who will help?").selectOption({ index: ownerIndex + 1 });
  await form.getByRole("button", { name: "Save the action" }).click();
  await fay.page.waitForFunction((el) => el.value === "", await form.getByLabel("What will be done?").elementHandle());
}

async function finishItem(fay) {
  await region(fay, "Items").getByRole("button", { name: "Finish this item" }).click();
  await region(fay, "Items").getByRole("button", { name: /^Start this item/ }).first().waitFor();
}

async function closeMeeting(fay, everyone) {
  await button(fay, "Close the meeting...").click();
  await button(fay, "Yes, close the meeting").click();
  await everyone.screen.page.getByText("Thank you for coming.", { exact: false }).first().waitFor();
  for (const p of [everyone.ann, everyone.ben, everyone.sam, everyone.lee]) await p.page.getByText("Now: Meeting finished.", { exact: false }).waitFor();
}

async function publishMinutes(fay) {
  const panel = fay.page.locator("section.minutes-admin");
  await panel.getByRole("button", { name: "Make the minutes" }).click();
  await panel.getByRole("heading", { name: /^Draft 1, made by/ }).waitFor();
  await panel.getByRole("button", { name: "See the Easy Read minutes" }).click();
  await panel.getByRole("article").first().waitFor();
  await panel.getByLabel("Who checked the minutes with you?").selectOption({ index: 1 });
  await panel.getByRole("button", { name: "Publish the minutes..." }).click();
  await panel.getByRole("button", { name: "Yes, publish" }).click();
  await panel.getByText("The minutes are published.").waitFor();
}

async function scrollToBottom(p) {
  await p.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
}

// ---- What is asserted -----------------------------------------------------------------------------------------------

/** Every view in this phase: no sideways scrolling at 320/360/1920, the TV fits both sizes, axe finds nothing. */
async function checkPhase(phase, everyone, { shots }) {
  const { screen, ...others } = everyone;
  for (const p of Object.values(others)) {
    await assertNoSidewaysScrollAt(p, phase);
    await assertAccessible(p, phase);
    assertNoPageProblems(p);
  }
  for (const size of TV_SIZES) {
    await screen.page.setViewportSize(size);
    await assertScreenFits(screen, `${phase} at ${size.width}x${size.height}`);
    await assertAccessible(screen, `${phase} at ${size.width}x${size.height}`);
    if (shots) await screenshot(screen, `tv-${phase}-${size.width}x${size.height}.png`, { fullPage: false });
  }
  await assertNoSidewaysScrollAt(screen, phase);
  await screen.page.setViewportSize(TV_SIZES[0]);
  assertNoPageProblems(screen);
}

const nextFrames = (p) => p.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

/** At each of WIDTHS (keeping the height), then back: the page is never wider than the screen. */
async function assertNoSidewaysScrollAt(p, view) {
  const size = p.page.viewportSize();
  for (const width of WIDTHS) {
    await p.page.setViewportSize({ width, height: size.height });
    await nextFrames(p);
    const wide = await p.page.evaluate(() => {
      const root = document.documentElement;
      if (root.scrollWidth <= root.clientWidth) return null;
      // Name the widest things, for the person reading the failure.
      const culprits = [...document.querySelectorAll("body *")]
        .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1)
        .slice(-3)
        .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} (${Math.round(el.getBoundingClientRect().right)}px)`);
      return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, culprits };
    });
    assert.equal(wide, null, `${p.name}'s view "${view}" scrolls sideways at ${width}px: ${JSON.stringify(wide)}`);
  }
  await p.page.setViewportSize(size);
  await nextFrames(p);
}

/**
 * The TV holds what it shows: the page does not scroll either way, and no pane or list inside it is cut off (each
 * one's content fits its box; every item shown in a paged list ends inside the list). The title alone may end in
 * "..." after three lines. Paged lists measure after a resize: waits up to LIVE_MS for them (a busy machine is slow to lay out).
 */
async function assertScreenFits(screen, view) {
  let problems = null;
  for (const deadline = Date.now() + LIVE_MS; Date.now() < deadline;) {
    problems = await screen.page.evaluate(screenProblems);
    if (problems === null) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.deepEqual(problems, null, `the TV does not fit at ${view}`);
}

/** Runs in the page: what is cut off or scrolls on the TV (null when nothing). */
function screenProblems() {
  const root = document.documentElement;
  const problems = [];
  const name = (el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`;
  if (root.scrollHeight > root.clientHeight) problems.push(`page ${root.scrollHeight}px high in ${root.clientHeight}px`);
  if (root.scrollWidth > root.clientWidth) problems.push(`page ${root.scrollWidth}px wide in ${root.clientWidth}px`);
  for (const el of document.querySelectorAll(".screen-frame, .screen, .screen-body, .screen-pane, .screen-fit")) {
    if (el.scrollHeight > el.clientHeight + 2 && getComputedStyle(el).overflowY !== "visible") {
      problems.push(`${name(el)} cut off: ${el.scrollHeight}px in ${el.clientHeight}px`);
    }
  }
  for (const box of document.querySelectorAll(".screen-fit")) {
    const bottom = box.getBoundingClientRect().bottom + 2;
    for (const el of box.querySelectorAll(":scope > *:not([hidden])")) {
      if (el.getBoundingClientRect().bottom > bottom) problems.push(`${name(el)} in ${name(box)} ends below it`);
    }
  }
  return problems.length === 0 ? null : problems;
}

/** The open vote's question and buttons are in the first screen, above the cards bar. */
async function assertVoteInFirstScreen(p) {
  const vote = region(p, "Vote now");
  await vote.getByRole("button").first().waitFor();
  await assertInFirstScreen(p, [vote.locator(".poll-question"), ...(await vote.locator(".vote-button").all())], "the vote's question and buttons");
}

async function assertInFirstScreen(p, locators, what) {
  await nextFrames(p);
  const { height } = p.page.viewportSize();
  const bar = await p.page.locator(".cards-bar-row").boundingBox();
  const bottom = bar ? bar.y : height;
  for (const locator of locators) {
    const box = await locator.boundingBox();
    assert.ok(box, `${p.name}: ${what} is shown`);
    assert.ok(box.y >= 0 && box.y + box.height <= bottom + 1,
      `${p.name}: ${what} in the first screen (0-${Math.round(bottom)}px): one is at ${Math.round(box.y)}-${Math.round(box.y + box.height)}px`);
  }
}

/**
 * A long list's pages turn by themselves, every 9 s: "Page 2 of 5" becomes "Page 3 of 5" (1 after the last). The page
 * itself notes when each turn lands (a MutationObserver, so the test's own polling adds nothing), and two turns are
 * averaged: setInterval keeps its rhythm, so one tick a busy machine ran late does not make a page look short or long.
 */
async function assertPagesTurn(screen) {
  const counter = screen.page.locator(".screen-page").first();
  await counter.waitFor();
  const turns = await screen.page.evaluate(() => new Promise((resolve, reject) => {
    const el = document.querySelector(".screen-page");
    const seen = [];
    const observer = new MutationObserver(() => {
      const text = el.textContent ?? "";
      if (text === (seen.length > 0 ? seen.at(-1).text : before)) return; // a re-render, not a turn
      seen.push({ text, at: performance.now() });
      if (seen.length === 3) { observer.disconnect(); clearTimeout(timer); resolve({ before, seen }); }
    });
    const before = el.textContent ?? "";
    const timer = setTimeout(() => { observer.disconnect(); reject(new Error(`pages turned ${seen.length} times in 45 s`)); }, 45_000);
    observer.observe(el, { characterData: true, childList: true, subtree: true });
  }));
  const texts = [turns.before, ...turns.seen.map((t) => t.text)];
  for (let i = 1; i < texts.length; i += 1) {
    const [, page, count] = texts[i - 1].match(/^Page (\d+) of (\d+)$/).map(Number);
    assert.equal(texts[i], `Page ${(page % count) + 1} of ${count}`);
  }
  const stays = (turns.seen[2].at - turns.seen[0].at) / 2;
  assert.ok(stays >= 8_000 && stays <= 10_500, `a page stays ${Math.round(stays)} ms`);
}
