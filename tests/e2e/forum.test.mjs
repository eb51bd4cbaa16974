// Issue 14, in Debian's Chromium, by clicks and typing only: Fay the facilitator opens her forum's page, adds Ana and
// Cat as members (Cat has no phone) with their forum cards, plans the next meeting, opens its Easy Read invitation,
// starts the meeting; Ana joins on her phone with her forum card (no name to type), and Fay adds Cat from the forum's
// list with one tap. The meeting opens with the review of the forum's previous meeting (run beforehand over SignalR:
// an item carried forward and a trustee's action), which Fay finishes; after the meeting Ana opens My forum record
// with her card and prints it. axe-core on every new page, at phone (360x740) and laptop (1366x768) sizes.
//
// Needs the web app built into the Api (npm run build in src/Web) before the Api is built: scripts/test.sh does.
import assert from "node:assert/strict";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "node:test";
import { assertAccessible, assertNoSidewaysScroll, screenshot } from "./lib/browser.mjs";
import { browserRoom } from "./lib/browserRoom.mjs";
import { liftMeeting } from "./lib/forumMeetings.mjs";
import { adminEnv, fillSignIn } from "./lib/facilitator.mjs";
import { button } from "./lib/pages.mjs";

const FAILURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "artifacts", "forum-failure");
const room = browserRoom({ dbName: "e2e_forum", env: { ...adminEnv, Bootstrap__ForumName: "North forum" }, liveMs: 20_000 });
const PHONE = { width: 360, height: 740 };
const LAPTOP = { width: 1366, height: 768 };

test("a forum that remembers: members and cards, the next meeting, joining by card, one tap for a member without a phone, the review of last time, My forum record printed", { timeout: 400_000 }, async () => {
  await room.keepScreensOnFailure(FAILURES, forumStory);
});

async function addMember(fay, name, represents) {
  const members = fay.page.getByRole("region", { name: "Members", exact: true });
  if (!(await members.locator("details").first().evaluate((d) => d.open))) await members.getByText("Add a member", { exact: true }).click();
  const form = fay.page.getByRole("form", { name: "Add a member" });
  await form.getByLabel("The member's name").fill(name);
  await form.getByLabel("The service or home they come from").fill(represents);
  await form.getByRole("radio", { name: "Yes, keep a record" }).check();
  await form.getByRole("button", { name: "Add the member" }).click();
  const card = fay.page.getByRole("article", { name: `Forum card: ${name}` });
  await card.waitFor();
  return (await card.locator(".code-box").textContent()).replace(/\s/g, "");
}

/** axe and reflow at the other size too (phone for Fay's pages, laptop for Ana's), then back. */
async function atOtherSize(p, size, back, view) {
  await p.page.setViewportSize(size);
  await assertAccessible(p, `${view} at ${size.width}x${size.height}`);
  await assertNoSidewaysScroll(p, `${view} at ${size.width}x${size.height}`);
  await p.page.setViewportSize(back);
}

async function forumStory() {
  const fay = await room.person("Fay (facilitator)", LAPTOP);
  const ana = await room.person("Ana (member, phone)", PHONE);

  // ---- Fay signs in and opens the forum page -----------------------------------------------------------------
  await fay.page.goto("/my-meetings");
  const signIn = fay.page.locator("form.sign-in");
  await fillSignIn(signIn);
  await button(fay, "Sign in and see my meetings").click();
  await fay.page.getByRole("link", { name: "North forum" }).click();
  await fay.page.getByRole("heading", { level: 1, name: "Forum: North forum" }).waitFor();
  await assertAccessible(fay, "forum page, empty");

  // ---- Members and their cards ---------------------------------------------------------------------------------
  const anaCode = await addMember(fay, "Ana", "Oak House");
  assert.match(anaCode, /^[A-Z0-9]{10}$/);
  await assertAccessible(fay, "forum card");
  await atOtherSize(fay, PHONE, LAPTOP, "forum card");
  await screenshot(fay, "forum-card.png");
  await button(fay, "Done").click();
  await addMember(fay, "Cat", "Elm Court");
  await button(fay, "Done").click();
  await fay.page.getByRole("list", { name: "Members" }).getByText("Cat", { exact: true }).waitFor();
  // The forum's previous meeting, over SignalR: Bo's idea "Fix the lift" is carried forward and Lee the trustee takes on
  // an action. Its review opens the next meeting.
  await liftMeeting(room.app.baseUrl, new URL(fay.page.url()).pathname.split("/")[2], { member: "Bo" });

  // Cat's details change: another home, and she says no to keeping a record (asked again in Easy Read).
  const members = fay.page.getByRole("list", { name: "Members" });
  await members.getByRole("button", { name: "Change the details of Cat" }).click();
  const details = fay.page.getByRole("form", { name: "Change the details of Cat" });
  await details.getByLabel("The service or home they come from").fill("Birch Court");
  await details.getByRole("radio", { name: "No record" }).check();
  await assertAccessible(fay, "changing a member's details");
  await atOtherSize(fay, PHONE, LAPTOP, "changing a member's details");
  await screenshot(fay, "forum-member-details.png");
  await details.getByRole("button", { name: "Save the changes" }).click();
  await members.getByText("From: Birch Court").waitFor();
  await members.getByText("We keep a record: no.").waitFor();
  assert.ok(await members.getByRole("button", { name: "Change the details of Cat" }).evaluate((el) => el === document.activeElement),
    "the focus goes back to the button");

  // ---- The next meeting ----------------------------------------------------------------------------------------
  await fay.page.getByText("Plan the next meeting", { exact: true }).click();
  const plan = fay.page.getByRole("form", { name: "Plan the next meeting" });
  await plan.getByLabel("The day").fill(new Date().toLocaleDateString("en-CA"));
  await plan.getByLabel("The time").fill("23:59");
  await plan.getByLabel("The place, or the video link").fill("Town hall, room 2");
  await plan.getByLabel("What the meeting is about").fill("Buses and trains");
  await plan.getByRole("checkbox").check();
  await plan.getByRole("button", { name: "Plan the meeting" }).click();
  const planned = fay.page.getByRole("list", { name: "Planned meetings" });
  await planned.getByText("Buses and trains", { exact: true }).waitFor();
  await assertAccessible(fay, "forum page with members and a planned meeting");
  await screenshot(fay, "forum-page.png");
  await atOtherSize(fay, PHONE, LAPTOP, "forum page");

  // Fay moves it to room 3; then she plans a summer trip and cancels it.
  await planned.getByRole("button", { name: /Change the meeting.*Buses and trains/ }).click();
  const change = fay.page.getByRole("form", { name: "Change the meeting: Buses and trains" });
  assert.equal(await change.getByLabel("The place, or the video link").inputValue(), "Town hall, room 2");
  await change.getByLabel("The place, or the video link").fill("Town hall, room 3");
  await assertAccessible(fay, "changing a planned meeting");
  await atOtherSize(fay, PHONE, LAPTOP, "changing a planned meeting");
  await change.getByRole("button", { name: "Save the changes" }).click();
  await planned.getByText("Where: Town hall, room 3").waitFor();
  await plan.getByLabel("The day").fill(new Date(Date.now() + 86_400_000).toLocaleDateString("en-CA"));
  await plan.getByLabel("The place, or the video link").fill("The sea");
  await plan.getByLabel("What the meeting is about").fill("Summer trip");
  await plan.getByRole("button", { name: "Plan the meeting" }).click();
  await planned.getByText("Summer trip", { exact: true }).waitFor();
  await planned.getByRole("button", { name: /Cancel the meeting.*Summer trip/ }).click();
  await planned.getByRole("group", { name: /Cancel this meeting\?/ }).waitFor();
  await assertAccessible(fay, "cancelling a planned meeting");
  await screenshot(fay, "forum-planned-cancel.png");
  await planned.getByRole("button", { name: "Yes, cancel the meeting" }).click();
  await planned.getByText("Summer trip", { exact: true }).waitFor({ state: "detached" });

  // The invitation: Fay (signed in) sees who is invited; Ana's phone, with the public link, sees no names.
  const invitationHref = await planned.getByRole("link", { name: /Open the invitation/ }).getAttribute("href");
  await fay.page.goto(invitationHref);
  await fay.page.getByRole("heading", { level: 1, name: "You are invited: North forum" }).waitFor();
  await fay.page.getByRole("list", { name: "Who is invited" }).getByText("Cat", { exact: true }).waitFor();
  await assertAccessible(fay, "invitation (facilitator)");
  await screenshot(fay, "forum-invitation.png");
  await atOtherSize(fay, PHONE, LAPTOP, "invitation (facilitator)");
  await ana.page.goto(new URL(invitationHref).pathname);
  await ana.page.getByText("Town hall, room 3").waitFor();
  assert.equal(await ana.page.getByRole("list", { name: "Who is invited" }).count(), 0, "a public invitation names nobody");
  await assertAccessible(ana, "invitation (public, phone)");
  await assertNoSidewaysScroll(ana, "invitation (public, phone)");
  await screenshot(ana, "forum-invitation-phone.png");

  // ---- Fay starts it ----------------------------------------------------------------------------------------------
  await fay.page.goBack();
  await fay.page.getByRole("list", { name: "Planned meetings" }).getByRole("button", { name: /Start the meeting/ }).click();
  await fay.page.waitForURL(/\/meeting\//);

  // ---- It opens with the review of last time: Fay puts the lift back on the agenda and finishes it -------------
  await fay.page.getByRole("heading", { name: "Last time" }).waitFor();
  await fay.page.getByText("Write to the bus company").first().waitFor();
  await assertAccessible(fay, "the review of last time (console)");
  await fay.page.getByRole("button", { name: "Put on the agenda (Fix the lift)" }).click();
  await fay.page.getByRole("button", { name: "Finish the review" }).click();
  await fay.page.getByRole("heading", { name: "Last time" }).waitFor({ state: "detached" });

  // ---- Ana joins with her card on her phone: typed here (the QR code carries it in the address) ----------------
  await ana.page.goto("/card");
  await ana.page.getByRole("heading", { level: 1, name: "Join with your forum card" }).waitFor();
  await assertAccessible(ana, "join with a forum card");
  await assertNoSidewaysScroll(ana, "join with a forum card");
  await screenshot(ana, "forum-card-join-phone.png");
  await atOtherSize(ana, LAPTOP, PHONE, "join with a forum card");
  await ana.page.getByLabel("The code on your card").fill(`${anaCode.slice(0, 5)} ${anaCode.slice(5)}`);
  await button(ana, "Join the meeting").click();
  await ana.page.waitForURL(/\/meeting\//);
  await ana.page.getByText("Ana", { exact: true }).first().waitFor();

  // ---- Fay adds Cat, who has no phone, with one tap ------------------------------------------------------------
  const listed = fay.page.getByRole("region", { name: "The forum's members" });
  await listed.getByRole("button", { name: "Add Cat" }).click();
  await listed.getByText("Every member of the forum is here.").waitFor();
  await assertAccessible(fay, "console with the forum's members");
  await screenshot(fay, "forum-console-listed-members.png");

  // ---- After the meeting: Ana's forum record, with her card, printed --------------------------------------------
  await button(fay, "Close the meeting...").click();
  await button(fay, "Yes, close the meeting").click();
  await ana.page.getByText("Now: Meeting finished.", { exact: false }).waitFor();
  await ana.page.goto("/record");
  await ana.page.getByLabel("The code on your card").fill(anaCode);
  await ana.page.getByRole("button", { name: "See my forum record" }).click();
  await ana.page.getByRole("heading", { level: 1, name: "My forum record" }).waitFor();
  await ana.page.getByText("I went to 1 meeting.").waitFor();
  await assertAccessible(ana, "my forum record (phone)");
  await assertNoSidewaysScroll(ana, "my forum record (phone)");
  await atOtherSize(ana, LAPTOP, PHONE, "my forum record");
  await ana.page.emulateMedia({ media: "print" });
  assert.equal(await ana.page.getByRole("button", { name: "Print my record" }).isVisible(), false, "the paper has no buttons");
  const pdf = await ana.page.pdf({ format: "A4", printBackground: true });
  assert.ok(pdf.length > 10_000 && pdf.subarray(0, 4).toString() === "%PDF", `My forum record prints: a PDF of ${pdf.length} bytes`);
  await ana.page.emulateMedia({ media: "screen" });
}
