// The web app, end to end, in Debian's Chromium: a whole meeting run ONLY by clicking and typing in the pages of
// seven people, each in their own browser context: Fay the facilitator (laptop), members Ann (phone, 360x740),
// Ben (tablet) and Cat (laptop), Sam who supports Cat (phone), Lee a listener (laptop) and the shared screen (TV).
// On every view in every phase: axe-core (WCAG 2.0-2.2 A/AA, target-size) finds nothing, and the page breaks no
// Content-Security-Policy rule. Ben's connection drops in the middle of a secret vote; he votes while offline and
// ends with the same meeting as everyone else. Screenshots of each view go to docs/screenshots/.
//
// Needs the web app built into the Api (npm run build in src/Web) before the Api is built: scripts/test.sh does.
import assert from "node:assert/strict";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "node:test";
import { assertAccessible, assertNoSidewaysScroll, checkAll, openCards, routeHubSockets, screenshot } from "./lib/browser.mjs";
import { browserRoom } from "./lib/browserRoom.mjs";
import { adminEnv } from "./lib/facilitator.mjs";
import { button, joinAs, joinDetails, radio, region, startMeeting, typeOnKeypad } from "./lib/pages.mjs";

const FAILURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "artifacts", "webapp-failure");
const LIVE_MS = 20_000; // how long a change may take to reach another page
const RECONNECT_MS = 45_000; // reconnect back-off is at most 15 s (jittered)

const room = browserRoom({ dbName: "e2e_webapp", env: adminEnv, liveMs: LIVE_MS });
const person = room.person;

/** Keyboard only: presses Tab until `target` has the focus (as a keyboard user would), then `key`. */
async function pressWithKeyboard(p, target, key = "Enter") {
  for (let i = 0; i < 400; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) {
      const focusRing = await target.evaluate((el) => getComputedStyle(el).outlineStyle);
      assert.notEqual(focusRing, "none", "the focused control shows where the focus is");
      await p.page.keyboard.press(key);
      return;
    }
    await p.page.keyboard.press("Tab");
  }
  assert.fail(`${p.name}: could not reach the control with the Tab key`);
}

/** Waits until a text box is empty (a form starts again once the server has what it sent). */
async function waitForEmpty(box) {
  await box.page().waitForFunction((el) => el.value === "", await box.elementHandle());
}

/** A SayForm inside a section: fill the box (by its label) and press the section's send button. */
async function say(section, label, text, send, pictureName) {
  if (text) await section.getByLabel(label, { exact: true }).fill(text);
  if (pictureName) {
    await section.getByText("Or pick a picture").click();
    await section.getByRole("radio", { name: pictureName }).check();
  }
  await section.getByRole("button", { name: send }).click();
}

test("a whole meeting in the browser: seven people, every view accessible, a dropped connection catches up", { timeout: 600_000 }, async (t) => {
  const step = room.steps(t, FAILURES);
  let fay, ann, ben, cat, sam, lee, screen, benLine, joinCode, listenerCode, vote;

  await step("Fay signs in and starts the meeting; the shared screen opens from her link", async () => {
    fay = await person("Fay (facilitator)", { width: 1280, height: 900 });
    ann = await person("Ann (member, phone)", { width: 360, height: 740 });
    ben = await person("Ben (member, tablet)", { width: 820, height: 1000 });
    cat = await person("Cat (member)", { width: 1024, height: 800 });
    sam = await person("Sam (supporter, phone)", { width: 390, height: 844 });
    lee = await person("Lee (listener)", { width: 1280, height: 900 });
    benLine = await routeHubSockets(ben);
    if (process.env.E2E_VERBOSE) ben.page.on("console", (m) => console.error(`[ben] ${m.type()}: ${m.text()}`));

    await fay.page.goto("/");
    await assertAccessible(fay, "home");
    await screenshot(fay, "home.png");
    // With facilitator accounts the Api asks her to sign in first; an Api without accounts starts the meeting at once.
    await startMeeting(fay, "North forum, March", {
      onSignIn: async () => {
        await assertAccessible(fay, "sign in");
        await screenshot(fay, "facilitator-sign-in.png");
      },
    });
    await fay.page.getByRole("heading", { level: 1, name: "North forum, March" }).waitFor();

    const codes = region(fay, "Codes to join");
    joinCode = (await codes.locator(".code-text").first().textContent()).trim();
    listenerCode = (await codes.locator(".code-text").nth(1).textContent()).trim();
    assert.match(joinCode, /^[A-Z0-9]{6}$/);
    assert.match(listenerCode, /^[A-Z0-9]{8}$/);
    assert.ok(await codes.getByRole("img", { name: /QR code to join/ }).isVisible());

    // The shared screen opens from Fay's link (its access travels in the address fragment, then leaves the address bar).
    const screenHref = await codes.getByRole("link", { name: /Open the shared screen/ }).getAttribute("href");
    screen = await person("Shared screen (TV)", { width: 1920, height: 1080 });
    await screen.page.goto(screenHref);
    await screen.page.getByRole("heading", { level: 1, name: "North forum, March" }).waitFor();
    assert.equal(new URL(screen.page.url()).hash, "", "the screen's token is gone from the address bar");
    assert.equal((await screen.page.locator(".screen-code").textContent()).trim(), joinCode);
  });

  await step("everyone joins: a wrong code first, then by keypad, typed code and link, as a supporter and as a listener", async () => {
    // Ann on the big keypad; a wrong code first gets a friendly message with a picture.
    await ann.page.goto("/join");
    const wrongCode = (joinCode[0] === "A" ? "C" : "A") + joinCode.slice(1);
    await typeOnKeypad(ann, wrongCode);
    await button(ann, "Next").click();
    const wrong = ann.page.getByRole("alert");
    await wrong.getByText("We do not know this code").waitFor();
    assert.equal(await wrong.locator("img.picture").count(), 1, "the message has a picture");
    await assertAccessible(ann, "join: wrong code");
    await assertNoSidewaysScroll(ann, "join keypad");
    await screenshot(ann, "join-wrong-code-phone.png");
    await button(ann, "Clear the code").click();
    await typeOnKeypad(ann, joinCode);
    await button(ann, "Next").click();
    await joinDetails(ann, { role: "member", name: "Ann", picture: "Star" });
    await screenshot(ann, "join-details-phone.png");
    await button(ann, "Join the meeting").click();
    await ann.page.waitForURL(/\/meeting\//);

    await joinAs(ben, { code: joinCode, how: "typed", role: "member", name: "Ben", picture: "Music" });
    await joinAs(cat, { code: joinCode, how: "link", role: "member", name: "Cat", picture: "Cat" });

    // Sam supports Cat: he picks her from the members who joined.
    await sam.page.goto(`/join/${joinCode}`);
    await button(sam, "Next").click();
    await radio(sam, "I support a member").check();
    await sam.page.getByRole("group", { name: "Who do you support?" }).waitFor();
    await assertAccessible(sam, "join as supporter");
    await screenshot(sam, "join-supporter-phone.png");
    await sam.page.getByLabel("Your name").fill("Sam");
    await sam.page.getByRole("group", { name: "Who do you support?" }).getByRole("radio", { name: "Cat" }).check();
    await button(sam, "Join the meeting").click();
    await sam.page.waitForURL(/\/meeting\//);

    await joinAs(lee, { code: listenerCode, how: "typed", name: "Lee" });

    await fay.page.getByRole("region", { name: /People/ }).getByText("Lee").waitFor();
    await screen.page.getByRole("status").getByText(/joined the meeting/).waitFor();
  });

  await step("1. getting started: answers in words and pictures, read aloud, a card, ideas for the agenda", async () => {
    const annWhy = region(ann, "Why are you here?");
    await say(annWhy, "Say why you came today.", "To see my friends.", "Send the answer");
    await annWhy.getByText("To see my friends.").waitFor();
    // Read aloud: each "Listen" cancels what is being read, then speaks one sentence per utterance.
    await region(ann, "You and the meeting").getByRole("button", { name: "Listen" }).click();
    assert.deepEqual(await ann.page.evaluate(() => window.__spoken), [
      { cancel: true },
      { text: "Now: Getting started." },
      { text: "We say why we are here and what we want to do." },
    ]);

    const annWhat = region(ann, "What do you want to do?");
    await say(annWhat, "Say what you want the forum to talk about.", "Better buses", "Send the answer", "Bus");
    await annWhat.getByText("Better buses").waitFor();

    // Ben answers with a picture only.
    await say(region(ben, "Why are you here?"), "Say why you came today.", "", "Send the answer", "Friends");
    await region(ben, "Why are you here?").locator(".said-list").getByText("Friends", { exact: true }).waitFor();

    // Sam answers with Cat; it is saved as "with support from Sam".
    const samWhat = region(sam, "What do you want to do?");
    await say(samWhat, "Say what you want the forum to talk about.", "More day trips", "Send the answer", "Holiday");
    await samWhat.getByText("with support from Sam").waitFor();

    // Cat proposes an item herself; Lee says why he is here.
    await say(region(cat, "Add an idea to the agenda"), "Your idea", "Money for clubs", "Add my idea");
    await say(region(lee, "Why are you here?"), "Say why you came today.", "To listen and learn.", "Send the answer");

    // Fay enters an answer for Ben, who says it out loud in the room.
    const help = region(fay, "Help a member without a phone");
    await help.getByLabel("Which member?").selectOption({ label: "Ben" });
    await say(help.getByRole("region", { name: "What do you want to do?" }), "Say what you want the forum to talk about.", "Safe streets at night", "Send the answer");
    await help.getByText("with support from Fay").first().waitFor();

    // Ann shows her Question card; everyone sees it; Fay puts it down.
    await (await openCards(ann)).getByRole("button", { name: /Question/ }).click();
    await region(ann, "Show a card").getByRole("button", { name: /Question/, pressed: true }).waitFor();
    await fay.page.getByRole("heading", { name: "Cards up (1)" }).waitFor();
    await screen.page.getByRole("region", { name: "Cards up" }).getByText("Ann").waitFor();

    // The shared screen shows the wall of answers.
    await screen.page.getByText("More day trips").waitFor();
    await screen.page.getByText("Safe streets at night").waitFor();
    await screenshot(ann, "member-gathering-phone.png");
    await screenshot(sam, "supporter-gathering-phone.png");
    await screenshot(screen, "screen-gathering.png", { fullPage: false });
    await screenshot(fay, "facilitator-gathering.png");
    await checkAll("1. getting started", [fay, ann, ben, cat, sam, lee, screen]);
    await assertNoSidewaysScroll(ann, "member, getting started");
    await assertNoSidewaysScroll(sam, "supporter, getting started");

    await region(fay, "Cards up (1)").getByRole("button", { name: /Put down/ }).click();
    await fay.page.getByRole("heading", { name: "Cards up (0)" }).waitFor();
    await region(ann, "Show a card").getByRole("button", { name: /Question/, pressed: false }).waitFor();

    // Fay makes wishes into ideas for the agenda.
    const answers = region(fay, "Answers");
    await answers.getByRole("button", { name: "Make it an idea for the agenda (Better buses)" }).click();
    await answers.getByRole("button", { name: "Make it an idea for the agenda (More day trips)" }).click();
    await answers.getByText("On the list of ideas").nth(1).waitFor();
  });

  await step("2. the agenda: put together with the keyboard, then agreed", async () => {
    await button(fay, "Next step: Agree the agenda").click();
    const editor = region(fay, "Agree the agenda");
    await editor.waitFor();
    await editor.getByRole("button", { name: "Put on the agenda (Better buses)" }).click();
    await editor.getByRole("button", { name: "Put on the agenda (More day trips)" }).click();
    await editor.getByRole("button", { name: "Put on the agenda (Money for clubs)" }).click();
    // The focus stays with the item it moves, so a keyboard user can press again.
    assert.ok(await editor.getByRole("button", { name: "Take off (Money for clubs)" }).evaluate((el) => el === document.activeElement));
    await editor.getByRole("button", { name: "Move up (Money for clubs)" }).click();
    const moveUpAgain = editor.getByRole("button", { name: "Move up (Money for clubs)" });
    assert.ok(await moveUpAgain.evaluate((el) => el === document.activeElement), "the focus follows the item");
    await fay.page.keyboard.press("Enter");
    await screenshot(fay, "facilitator-agenda.png");
    await checkAll("2. agree the agenda (draft)", [fay]);
    await editor.getByRole("button", { name: "Agree this agenda" }).click();
    await screen.page.getByRole("status").getByText("The agenda is agreed").waitFor();
    const screenAgenda = screen.page.getByRole("region", { name: "Agenda" });
    assert.deepEqual(await screenAgenda.locator("ol > li > span:not(.screen-status):not(.item-number)").allTextContents(), ["Money for clubs", "Better buses", "More day trips"]);
    await region(ann, "Agenda").getByText("Money for clubs").waitFor();
    await screenshot(screen, "screen-agenda.png", { fullPage: false });
    await checkAll("2. agree the agenda", [fay, ann, ben, cat, sam, lee, screen]);
  });

  await step("3. a secret vote: Ben votes offline and is counted once he is back", async () => {
    await button(fay, "Next step: Talk about each item").click();
    await region(fay, "Items").getByRole("button", { name: "Start this item (Money for clubs)" }).click();
    await say(region(fay, "Items"), "Add a note", "Clubs cost 5 pounds a week.", "Add the note");
    await region(ann, "Now we talk about").getByText("Clubs cost 5 pounds a week.").waitFor();

    vote = region(fay, "Vote");
    await vote.getByRole("button", { name: "Start the vote" }).click();
    await vote.getByRole("alert").getByText("Please choose: open vote or secret vote.").waitFor(); // open or secret is chosen first, never for you
    await vote.getByRole("radio", { name: "Secret vote" }).check();
    await vote.getByText("This is a secret vote. Nobody will see how you voted.").waitFor();
    await screenshot(fay, "facilitator-open-vote.png");
    await vote.getByRole("button", { name: "Start the vote" }).click();

    const annVote = region(ann, "Vote now");
    await annVote.getByText("This is a secret vote. Nobody will see how you voted.").waitFor();
    await assertNoSidewaysScroll(ann, "member vote");
    await checkAll("3. secret vote open", [ann, ben, sam, lee, screen, fay]);
    // Ann votes with the keyboard only: Tab to "Yes", then Space.
    await pressWithKeyboard(ann, annVote.getByRole("button", { name: "Yes", exact: true }), "Space");
    await annVote.getByText("Your vote is counted").waitFor();
    assert.equal(await annVote.getByRole("button", { name: /^Yes/ }).getAttribute("aria-pressed"), "true");
    assert.equal(await annVote.getByRole("button", { name: "No", exact: true }).getAttribute("aria-pressed"), "false");
    await screenshot(ann, "member-vote-phone.png");

    // Ben's Wi-Fi drops. He votes anyway; his page says it is reconnecting and keeps his vote waiting.
    await region(ben, "Vote now").getByRole("button", { name: "No", exact: true }).waitFor();
    await benLine.drop();
    await ben.page.getByRole("status").getByText("Reconnecting...").waitFor({ timeout: RECONNECT_MS });
    assert.ok(await ben.page.locator(".connection-banner img").evaluate((img) => img.complete && img.naturalWidth > 0), "the banner's picture shows while offline");
    await region(ben, "Vote now").getByRole("button", { name: "No", exact: true }).click();
    await region(ben, "Vote now").getByText("Sending your vote...").waitFor();
    await region(ben, "Vote now").scrollIntoViewIfNeeded();
    await screenshot(ben, "member-offline-tablet.png", { fullPage: false });
    await assertAccessible(ben, "3. offline, vote waiting");

    // Meanwhile Sam votes with Cat, and the screen shows only how many voted (a secret vote shows no results until closed).
    const samVote = region(sam, "Vote now");
    await samVote.getByRole("group", { name: "Vote for Cat" }).getByRole("button", { name: "Yes", exact: true }).click();
    await samVote.getByText("Cat's vote is counted (with support from Sam)").waitFor();
    await screenshot(sam, "supporter-vote-phone.png");
    await screen.page.getByText("2 votes so far. This is a secret vote").waitFor();
    assert.equal(await screen.page.locator(".result-list").count(), 0, "no results on the screen while the secret vote is open");
    await screenshot(screen, "screen-secret-vote.png", { fullPage: false });

    // Back online: Ben's vote is sent (once) and counted.
    await benLine.restore();
    await region(ben, "Vote now").getByText("Your vote is counted").waitFor({ timeout: RECONNECT_MS });
    await screen.page.getByText("3 votes so far").waitFor();

    await pressWithKeyboard(fay, vote.getByRole("button", { name: "Close the vote" }));
    await screen.page.getByRole("status").getByText("The vote has closed").waitFor();
    const screenResults = screen.page.getByRole("list", { name: "Results" });
    await screenResults.waitFor();
    assert.deepEqual(await screenResults.locator(".result-count").allTextContents(), ["2", "1", "0"]);
    await screen.page.getByText("Most votes: Yes.").waitFor();
    await screenshot(screen, "screen-vote-results.png", { fullPage: false });
  });

  await step("3. a decision, a listener's response and two actions", async () => {
    // Decision with how much say people had; Lee is asked to respond; his response becomes his action.
    const decision = region(fay, "Record a decision");
    // The vote that just closed is the decision's vote unless Fay chooses another.
    assert.equal((await decision.getByLabel("From which vote?").locator("option:checked").textContent()).trim(), "Do you agree: Money for clubs?");
    await decision.getByLabel("What did we decide?").fill("We ask for money for clubs.");
    await decision.getByRole("radio", { name: /Co-production/ }).check();
    await decision.getByRole("button", { name: "Save the decision" }).click();
    await region(ann, "What we decided").getByText("We ask for money for clubs.").waitFor();
    await region(ann, "What we decided").getByText("We decided together, as equals.").first().waitFor();

    assert.equal(await region(lee, "The facilitator asks you to respond").count(), 0, "no respond box before the invitation");
    await region(fay, "Listeners").getByRole("button", { name: "Ask to respond (Lee)" }).click();
    const respond = region(lee, "The facilitator asks you to respond");
    await respond.getByLabel("Your response").fill("I will take this to the board in April.");
    await screenshot(lee, "listener-invited.png");
    await assertAccessible(lee, "3. listener invited");
    await respond.getByRole("button", { name: "Send my response" }).click();
    await respond.waitFor({ state: "detached" });
    await region(fay, "Listeners").getByText("I will take this to the board in April.").waitFor();

    const action = region(fay, "Add an action");
    await action.getByLabel(/From a listener's response/).selectOption({ index: 1 });
    assert.equal(await action.getByLabel("What will be done?").inputValue(), "I will take this to the board in April.");
    await action.getByLabel("Who will help?").selectOption({ label: "Fay (Facilitator)" });
    await action.getByLabel("By when?").fill(daysFromToday(30));
    await action.getByRole("button", { name: "Save the action" }).click();
    await waitForEmpty(action.getByLabel("What will be done?")); // saved: the form starts again
    await region(lee, "My actions").getByText("I will take this to the board in April.", { exact: true }).waitFor();

    await action.getByLabel("What will be done?").fill("Write to the bus company.");
    await action.getByLabel("Who will do it?").selectOption({ label: "Ann (Member)" });
    await action.getByLabel("Who will help?").selectOption({ label: "Sam (Supporter)" });
    await action.getByRole("button", { name: "Save the action" }).click();
    await region(ann, "My actions").getByText("Write to the bus company.", { exact: true }).waitFor();
    await region(ann, "My actions").getByText("Ann will do it. Sam will help.", { exact: true }).waitFor();
    await screenshot(fay, "facilitator-items.png");
    await checkAll("3. item with decision and actions", [fay, ann, ben, cat, sam, lee, screen]);
    await region(fay, "Items").getByRole("button", { name: "Finish this item" }).click();
  });

  await step("3. the second item: a hand count in the room, a Break card for Cat; Ann's action is done", async () => {
    await region(fay, "Items").getByRole("button", { name: "Start this item (Better buses)" }).click();
    await region(fay, "Items").getByRole("heading", { name: "Now: Better buses" }).waitFor();
    await region(ann, "Now we talk about").getByText("Better buses").waitFor();
    await vote.getByRole("radio", { name: "Open vote" }).check();
    await vote.getByRole("radio", { name: "Hands up in the room" }).check();
    await vote.getByText("Put your hand up in the room when the facilitator says your choice. The facilitator counts the hands.").first().waitFor();
    await vote.getByRole("button", { name: "Start the vote" }).click();
    await region(ann, "Vote now").getByText("Put your hand up in the room when the facilitator says your choice.").waitFor();
    assert.equal(await region(ann, "Vote now").getByRole("button", { name: "Yes", exact: true }).count(), 0, "no vote buttons in a hand count");
    await vote.getByLabel("Hands for Yes", { exact: true }).fill("5");
    await vote.getByLabel("Hands for No", { exact: true }).fill("1");
    await vote.getByLabel("Hands for Not sure", { exact: true }).fill("0");
    await vote.getByRole("button", { name: "Save the count" }).click();
    await screen.page.getByText("Hands counted so far.").waitFor();

    await (await openCards(sam, "Show a card for Cat")).getByRole("button", { name: /Break/ }).click();
    await screen.page.getByRole("region", { name: "Cards up" }).getByText("Break").waitFor();
    await (await openCards(cat)).getByRole("button", { name: /Break/, pressed: true }).waitFor();
    await screenshot(screen, "screen-item-card.png", { fullPage: false });
    await region(fay, "Cards up (1)").getByRole("button", { name: "Put down (Break card of Cat)" }).click();
    await screen.page.getByRole("region", { name: "Cards up" }).waitFor({ state: "detached" });

    await vote.getByRole("button", { name: "Close the vote" }).click();
    await region(ben, "The vote has closed").getByRole("list", { name: "Results" }).waitFor();
    await region(fay, "Items").getByRole("button", { name: "Finish this item" }).click();
    await checkAll("3. second item done", [fay, ann, ben, cat, sam, lee, screen]);

    // Ann says her action is done; Sam, who helps her, sees it.
    await region(ann, "My actions").getByRole("button", { name: "It is done (Write to the bus company.)" }).click();
    await region(sam, "Actions for Cat and me").getByText("Ann will do it. Sam will help. It is done.", { exact: true }).waitFor();
  });

  await step("4. the meeting closes and every page shows the same meeting", async () => {
    await button(fay, "Close the meeting...").click();
    await button(fay, "Yes, close the meeting").click();
    for (const p of [ann, ben, cat, sam, lee]) await p.page.getByText("Now: Meeting finished. The meeting has finished.").waitFor();
    await screen.page.getByText("Thank you for coming.").waitFor();

    // What each page shows at the end.
    const agendaOf = async (p) =>
      (await region(p, "Agenda").locator("ol > li").allTextContents()).map((t) => t.replace(/Listen$/, "").replace(/Idea from.*$/, "").trim());
    const expectedAgenda = ["1.Money for clubsDone", "2.Better busesDone", "3.More day tripsNext time"];
    for (const p of [ann, ben, cat, sam, lee]) assert.deepEqual(await agendaOf(p), expectedAgenda, `${p.name}'s agenda`);
    const decisionsOf = async (p) => region(p, "What we decided").locator("li .spoken-text").allTextContents();
    for (const p of [ann, ben, cat, sam, lee, fay]) assert.deepEqual(await decisionsOf(p), ["We ask for money for clubs."], `${p.name}'s decisions`);

    // Ben, whose connection dropped, sees the same meeting as Ann.
    const resultsOf = async (p) => region(p, "Results of the votes").allTextContents();
    assert.deepEqual(await resultsOf(ben), await resultsOf(ann), "Ben and Ann see the same results");
    assert.match((await resultsOf(ben))[0], /Money for clubs/);
    await region(ann, "My actions").getByText("Write to the bus company.", { exact: true }).waitFor();
    await region(lee, "My actions").getByText("I will take this to the board in April.", { exact: true }).waitFor();
    await region(sam, "Actions for Cat and me").getByText("Write to the bus company.", { exact: true }).waitFor();
    assert.equal(await region(lee, "Add an idea to the agenda").count(), 0, "a listener never proposes");
    assert.equal(await lee.page.getByRole("button", { name: "Yes", exact: true }).count(), 0, "a listener never votes");
    assert.equal(await screen.page.getByRole("button").count(), 0, "the shared screen has nothing to press");
    assert.equal(await screen.page.getByRole("region", { name: "Agenda" }).getByText("Next time").count(), 1);

    await screenshot(ann, "member-closed-phone.png");
    await screenshot(lee, "listener-closed.png");
    await screenshot(fay, "facilitator-closed.png");
    await screenshot(screen, "screen-closed.png", { fullPage: false });
    await checkAll("4. closed", [fay, ann, ben, cat, sam, lee, screen]);
  });

  await step("320 CSS px wide (1280 at 400% zoom): nothing scrolls sideways", async () => {
    for (const p of [ann, fay, lee]) {
      await p.page.setViewportSize({ width: 320, height: 700 });
      await assertNoSidewaysScroll(p, "closed, 320px wide");
    }
    await screenshot(fay, "facilitator-320px.png");
  });
});

function daysFromToday(days) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
