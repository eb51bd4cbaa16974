// "My forum record" (issue 14) in Debian's Chromium against the real Api and PostgreSQL. Meeting 1 of a forum runs over
// SignalR with the client module: Ana joins with her forum card, has an idea that goes on the agenda, votes in secret
// and does her action; the meeting closes. Between meetings Ana scans her card (the card page, no meeting now), taps
// "See my forum record" and prints it; Fay the facilitator opens Ana's record from the forum page. axe-core 0
// violations at 360x740 and 1366x768; the print style keeps only the record, 16pt, and Chromium prints it to PDF.
import assert from "node:assert/strict";
import { test } from "node:test";
import { browserRoom } from "./lib/browserRoom.mjs";
import { assertAccessible, assertNoPageProblems, assertNoSidewaysScroll, openPerson, screenshot } from "./lib/browser.mjs";
import { adminEnv, facilitatorHttp, fillSignIn } from "./lib/facilitator.mjs";

const WAIT = { timeout: 20_000 };
const PHONE = { width: 360, height: 740 };
const LAPTOP = { width: 1366, height: 768 };
const room = browserRoom({ dbName: "e2e_forum_record", env: adminEnv });
const connect = room.connect;

/** axe and no sideways scrolling at both sizes, ending at `back`. */
async function bothSizes(p, view, back) {
  for (const size of [PHONE, LAPTOP, back]) {
    await p.page.setViewportSize(size);
    if (size === back) break;
    await assertAccessible(p, `${view} at ${size.width}x${size.height}`);
    await assertNoSidewaysScroll(p, `${view} at ${size.width}x${size.height}`);
  }
}

/** The print style: only the record, body text at least 16pt, no buttons; then a real PDF. */
async function assertPrints(p, view, file) {
  await p.page.emulateMedia({ media: "print" });
  const printed = await p.page.evaluate(() => ({
    size: parseFloat(getComputedStyle(document.documentElement).fontSize),
    print: getComputedStyle(document.querySelector(".forum-record .button-row")).display,
    listen: [...document.querySelectorAll(".listen-button")].every((b) => getComputedStyle(b).display === "none"),
    visible: getComputedStyle(document.querySelector(".forum-record-lines .spoken-text")).visibility,
    credit: getComputedStyle(document.querySelector(".page-footer")).display,
  }));
  assert.ok(printed.size >= (16 * 96) / 72 - 0.01, `${view}: print font-size ${printed.size}px`);
  assert.deepEqual([printed.print, printed.listen, printed.visible, printed.credit], ["none", true, "visible", "block"], view);
  await screenshot(p, file); // what the paper shows, as the print style lays it out
  const pdf = await p.page.pdf({ format: "A4", printBackground: true });
  assert.ok(pdf.length > 10_000 && pdf.subarray(0, 4).toString() === "%PDF", `${view}: a PDF of ${pdf.length} bytes`);
  await p.page.emulateMedia({ media: "screen" });
}

test("My forum record: a member reaches it from their card between meetings and prints it; the facilitator from the forum page", async () => {
  const http = await facilitatorHttp(room.app.baseUrl);
  const forum = await http.request("POST", "/api/admin/forums/", { body: { name: "River forum" } });
  const added = await http.request("POST", `/api/forums/${forum.id}/members/`, { body: { displayName: "Ana", picture: "cat", represents: "Oak House", keepsRecord: true } });
  const code = added.card.code;

  // Meeting 1, over SignalR: Ana came with her card.
  const m1 = await http.request("POST", "/api/meetings", { body: { commandId: crypto.randomUUID(), title: "River forum, March", facilitatorName: "Fay", forumId: forum.id } });
  const joined = await http.request("POST", "/api/forum-cards/join", { body: { commandId: crypto.randomUUID(), code } });
  const fay = connect(m1.meetingId, m1.facilitatorToken);
  const ana = connect(m1.meetingId, joined.token);
  await Promise.all([fay.start(), ana.start()]);
  const wish = await ana.answerQuestion({ question: "whatDoYouWantToDo", text: "Better buses on Sundays", picture: "bus" });
  await fay.moveToPhase({ phase: "agenda" });
  const item = await fay.promoteAnswer({ answerId: wish.id });
  await fay.agreeAgenda({ itemIds: [item.id] });
  await fay.moveToPhase({ phase: "items" });
  await fay.startItem({ itemId: item.id });
  const poll = await fay.openPoll({ itemId: item.id, question: "Shall we write to the council?", secret: true, handCount: false });
  await ana.castBallot({ pollId: poll.id, optionId: "yes" });
  await fay.closePoll({ pollId: poll.id });
  const action = await fay.addAction({ itemId: item.id, what: "Write the letter", ownerId: joined.participantId });
  await ana.setActionStatus({ actionId: action.id, status: "done" });
  await fay.moveToPhase({ phase: "closed" });

  // Between meetings Ana scans her card: no meeting now, and her record is one tap away.
  const phone = await openPerson(room.browser, "Ana (phone)", { ...PHONE, baseUrl: room.app.baseUrl });
  await phone.page.goto(`/card#${code}`);
  await phone.page.getByText("There is no meeting of your forum now.", { exact: false }).waitFor(WAIT);
  assert.equal(new URL(phone.page.url()).hash, "", "the card's code left the address bar");
  await assertAccessible(phone, "the card page between meetings");
  await screenshot(phone, "forum-record-card-phone.png");
  await phone.page.getByRole("link", { name: "See my forum record" }).click();
  await phone.page.getByRole("heading", { level: 1, name: "My forum record" }).waitFor(WAIT);
  const lines = phone.page.locator(".forum-record-lines .spoken-text");
  await lines.first().waitFor(WAIT);
  assert.deepEqual(await lines.allTextContents(), [
    "I went to 1 meeting.", (await lines.nth(1).textContent()), "I had 1 idea for the agenda.", "It went on the agenda.", "I voted 1 time.",
    "I took on 1 action.", "I did it.",
  ]);
  assert.match(await lines.nth(1).textContent(), /^It was on \w+day \d{1,2} \w+ \d{4}\.$/);
  assert.equal(new URL(phone.page.url()).hash, "", "the record page keeps no code in the address");
  await phone.page.getByRole("button", { name: "Print my record" }).waitFor(WAIT);
  await assertAccessible(phone, "my forum record (phone)");
  await assertNoSidewaysScroll(phone, "my forum record (phone)");
  await screenshot(phone, "forum-record-phone.png");
  await bothSizes(phone, "my forum record", PHONE);
  await assertPrints(phone, "my forum record", "forum-record-print.png");
  assertNoPageProblems(phone);

  // A wrong code gets plain words.
  await phone.page.goto("/record");
  await phone.page.getByLabel("The code on your card").fill("ACDEF GHJKM");
  await phone.page.getByRole("button", { name: "See my forum record" }).click();
  await phone.page.getByRole("alert").getByText("We do not know this code.", { exact: false }).waitFor(WAIT);
  await assertAccessible(phone, "my forum record: the code form with a refusal");

  // Fay opens Ana's record from the forum page.
  const laptop = await openPerson(room.browser, "Fay (laptop)", { ...LAPTOP, baseUrl: room.app.baseUrl });
  await laptop.page.goto(`/forums/${forum.id}`);
  await fillSignIn(laptop.page.locator("form.sign-in"));
  await laptop.page.locator("form.sign-in").getByRole("button", { name: "Sign in", exact: true }).click();
  await laptop.page.getByRole("link", { name: "Forum record of Ana" }).click();
  await laptop.page.getByRole("heading", { level: 1, name: "My forum record" }).waitFor(WAIT);
  await laptop.page.getByText("I voted 1 time.").waitFor(WAIT);
  await assertAccessible(laptop, "a member's forum record (facilitator)");
  await screenshot(laptop, "forum-record-facilitator.png");
  await bothSizes(laptop, "a member's forum record (facilitator)", LAPTOP);
  await assertPrints(laptop, "a member's forum record (facilitator)", "forum-record-facilitator-print.png");
  assertNoPageProblems(laptop);
});
