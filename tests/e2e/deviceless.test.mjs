// Issue 11, items 1 and 7, in Debian's Chromium, by clicks and typing only: Fay the facilitator adds Cat, who is in
// the room without a phone; she answers and votes for her; the vote count leaves the facilitator out ("2 of 2"); the
// open vote shows who chose what, as its notice says; then Cat takes over on her own phone with the one-use code Fay
// shows (a second browser context), and finds her vote still hers. The used code is refused. axe-core on each view.
//
// Needs the web app built into the Api (npm run build in src/Web) before the Api is built: scripts/test.sh does.
import assert from "node:assert/strict";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "node:test";
import { assertAccessible, assertNoSidewaysScroll, checkAll, screenshot } from "./lib/browser.mjs";
import { browserRoom } from "./lib/browserRoom.mjs";
import { adminEnv } from "./lib/facilitator.mjs";
import { button, joinAs, region, startMeeting, typeOnKeypad } from "./lib/pages.mjs";

const FAILURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "artifacts", "deviceless-failure");
const LIVE_MS = 20_000;

const room = browserRoom({ dbName: "e2e_deviceless", env: adminEnv, liveMs: LIVE_MS });
const person = room.person;

test("a member without a phone: added, voted for, counted honestly, then takes over on her own phone", { timeout: 300_000 }, async () => {
  await room.keepScreensOnFailure(FAILURES, memberWithoutPhone);
});

async function memberWithoutPhone() {
  const fay = await person("Fay (facilitator)", { width: 1280, height: 900 });
  const ann = await person("Ann (member, phone)", { width: 360, height: 740 });

  // ---- Fay starts the meeting (signing in first) -----------------------------------------------------------
  await fay.page.goto("/");
  await startMeeting(fay, "North forum, June");
  const joinCode = (await region(fay, "Codes to join").locator(".code-text").first().textContent()).trim();

  // Ann joins on her phone.
  await joinAs(ann, { code: joinCode, how: "link", role: "member", name: "Ann" });

  // ---- Fay adds Cat, who has no phone ------------------------------------------------------------------------
  const help = region(fay, "Help a member without a phone");
  await help.getByRole("button", { name: "Add a member without a phone" }).click();
  const form = help.getByRole("form", { name: "Add a member without a phone" });
  // A name already in the meeting is refused in plain words, and nothing is added.
  await form.getByLabel("Their name").fill("ann");
  await form.getByRole("button", { name: "Add to the meeting" }).click();
  await form.getByRole("alert").getByText("There is already someone called ann in this meeting.").waitFor();
  await assertAccessible(fay, "add a member without a phone: refused");
  await form.getByLabel("Their name").fill("Cat");
  await form.getByRole("radio", { name: "Cat", exact: true }).check();
  await screenshot(fay, "facilitator-add-member-without-phone.png");
  await form.getByRole("button", { name: "Add to the meeting" }).click();
  await help.getByText("Cat is in the meeting now.").waitFor();
  assert.equal(await help.getByLabel("Which member?").inputValue() !== "", true, "Cat is chosen at once");
  assert.equal((await help.getByLabel("Which member?").locator("option:checked").textContent()).trim(), "Cat (no phone)");
  await region(fay, /People/, false).getByText("(no phone)").waitFor();

  // Fay answers for Cat, who says it out loud: saved as Cat's, with support from Fay.
  const catWhy = help.getByRole("region", { name: "Why are you here?" });
  await catWhy.getByLabel("Say why you came today.", { exact: true }).fill("To talk about buses.");
  await catWhy.getByRole("button", { name: "Send the answer" }).click();
  await catWhy.getByText("with support from Fay").first().waitFor();
  await checkAll("help a member without a phone", [fay]);

  // ---- An open vote: Ann on her phone, Fay for Cat; the count leaves the facilitator out -------------------
  await button(fay, "Next step: Agree the agenda").click();
  const vote = region(fay, "Vote");
  await vote.getByRole("radio", { name: "Open vote" }).check();
  await vote.getByText("This is an open vote. Everyone in the meeting can see who chose what.").first().waitFor();
  await vote.getByLabel("3. The question").fill("Shall we ask for later buses?");
  await vote.getByRole("button", { name: "Start the vote" }).click();
  await vote.getByText("0 of 2 people with a vote have voted.").waitFor();

  const annVote = region(ann, "Vote now");
  await annVote.getByRole("button", { name: "Yes", exact: true }).click();
  await annVote.getByText("Your vote is counted").waitFor();
  await vote.getByText("1 of 2 people with a vote have voted.").waitFor();

  const catVote = help.getByRole("region", { name: "Vote now" });
  await catVote.getByRole("button", { name: "No", exact: true }).click();
  await catVote.getByText("Cat's vote is counted").waitFor();
  // Everyone with a vote has voted: 2 of 2 (Fay runs the vote and has none of her own).
  await vote.getByText("2 of 2 people with a vote have voted.").waitFor();

  // The open vote shows who chose what, on the phone and on the console, as its notice says.
  await annVote.getByText("Who chose what", { exact: true }).click();
  await annVote.locator(".who-chose").getByText("Cat").waitFor();
  assert.match(await annVote.locator(".who-chose li").nth(0).textContent(), /Yes:\s*Ann/);
  assert.match(await annVote.locator(".who-chose li").nth(1).textContent(), /No:\s*Cat/);
  await assertNoSidewaysScroll(ann, "open vote with names");
  await checkAll("open vote, voted for a member without a phone", [fay, ann]);

  // ---- Cat takes over on her own phone with a one-use code --------------------------------------------------
  await help.getByRole("button", { name: "Give Cat a code for their own phone" }).click();
  const card = help.getByRole("region", { name: "Code for Cat's phone" });
  const code = (await card.locator(".take-over-code").textContent()).replace(/\s+/g, "");
  assert.match(code, /^[A-Z0-9]{7}$/, "a short code from the keypad alphabet");
  assert.ok(await card.getByRole("img", { name: /QR code for Cat/ }).isVisible());
  assert.ok(await card.getByRole("button", { name: "Print the code" }).isVisible());
  await assertAccessible(fay, "take-over code shown");
  await screenshot(fay, "facilitator-take-over-code.png");

  const cat = await person("Cat (her own phone)", { width: 360, height: 740 });
  await cat.page.goto("/join");
  await typeOnKeypad(cat, code);
  await button(cat, "Next").click();
  await cat.page.getByRole("heading", { name: "Is this you: Cat?" }).waitFor();
  await assertAccessible(cat, "take over: is this you?");
  await assertNoSidewaysScroll(cat, "take over");
  await screenshot(cat, "member-take-over-phone.png");
  await button(cat, "Yes, I am Cat").click();
  await cat.page.waitForURL(/\/meeting\//);

  // Her vote, entered by Fay, is still hers: the same person, not a new one.
  await region(cat, "Vote now").getByText("Your vote is counted (with support from Fay)").waitFor();
  assert.equal(await region(cat, "Vote now").getByRole("button", { name: /^No(\s|$)/ }).getAttribute("aria-pressed"), "true");
  await fay.page.getByText("Cat now uses their own phone or tablet.").first().waitFor();
  assert.equal(await region(fay, /People/, false).getByText("(no phone)").count(), 0, "Cat has a phone now");
  assert.equal(await region(fay, /People/, false).getByText("Cat", { exact: true }).count(), 1, "still one Cat");
  await vote.getByText("2 of 2 people with a vote have voted.").waitFor();
  await checkAll("after the take-over", [fay, cat]);

  // ---- A supporter helps someone without a phone too ---------------------------------------------------------
  const sam = await person("Sam (supporter, phone)", { width: 360, height: 740 });
  await joinAs(sam, { code: joinCode, how: "link", role: "supporter", name: "Sam", supports: "Ann" });
  const samHelp = region(sam, "Help someone without a phone");
  await samHelp.getByRole("button", { name: "Add a member without a phone" }).click();
  const samForm = samHelp.getByRole("form", { name: "Add a member without a phone" });
  await samForm.getByText("You will help them.").waitFor();
  await samForm.getByLabel("Their name").fill("Dee");
  await samForm.getByRole("button", { name: "Add to the meeting" }).click();
  await samHelp.getByText("Dee is in the meeting now.").waitFor();
  await samHelp.getByText("What you enter now is saved for Dee, with support from Sam.").waitFor();
  await samHelp.getByRole("region", { name: "Show a card for Dee" }).getByRole("button", { name: /Question/ }).click();
  await fay.page.getByRole("heading", { name: "Cards up (1)" }).waitFor();
  await region(fay, /People/, false).getByText("(no phone, helped by Sam)").waitFor();
  await assertNoSidewaysScroll(sam, "supporter helping someone without a phone");
  await checkAll("supporter helping someone without a phone", [sam, fay]);

  // The code worked once: typed again elsewhere, it is refused in plain words.
  const other = await person("Someone else (phone)", { width: 360, height: 740 });
  await other.page.goto(`/join/${code}`);
  await button(other, "Next").click();
  await other.page.getByRole("alert").getByText("This code has been used.").waitFor();
  await checkAll("used take-over code", [other]);
}
