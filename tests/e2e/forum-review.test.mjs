// The carry-forward review in the web app, in Debian's Chromium against the real Api and PostgreSQL: meeting 1 of a
// forum (run over SignalR with the client module) leaves an item carried forward and a trustee's action; meeting 2
// opens with the review on Ann's phone (360x740), Fay's console (1366x768) and the shared screen (1920x1080), with
// axe-core 0 violations on each. Ann sets her item "Not yet", Fay puts it on the agenda and finishes the review; the
// questions come next. Screenshots go to docs/screenshots (forum-review-*.png).
import assert from "node:assert/strict";
import { test } from "node:test";
import { browserRoom } from "./lib/browserRoom.mjs";
import { liftMeeting } from "./lib/forumMeetings.mjs";
import { assertAccessible, assertNoPageProblems, assertNoSidewaysScroll, openPerson, screenshot } from "./lib/browser.mjs";
import { adminEnv, facilitatorHttp } from "./lib/facilitator.mjs";

const WAIT = { timeout: 20_000 };
const room = browserRoom({ dbName: "e2e_forum_review", env: adminEnv });

async function open(name, session, { width, height, path = `/meeting/${session.meetingId}`, slot = "" }) {
  const p = await openPerson(room.browser, name, { width, height, baseUrl: room.app.baseUrl });
  const key = `forumhub.session.${session.meetingId}${slot ? `.${slot}` : ""}`;
  await p.context.addInitScript(([k, v]) => localStorage.setItem(k, v), [key, JSON.stringify(session)]);
  await p.page.goto(path);
  return p;
}

test("a forum's second meeting opens with the review of the first, by clicks, with axe on phone, laptop and TV", async () => {
  const http = await facilitatorHttp(room.app.baseUrl);
  // createMeeting of the client module does not send a forum yet: the same request, with forumId.
  const forum = await http.request("POST", "/api/admin/forums/", { body: { name: "North forum" } });
  const create = (title) => http.request("POST", "/api/meetings", { body: { commandId: crypto.randomUUID(), title, facilitatorName: "Fay", forumId: forum.id } });

  await liftMeeting(room.app.baseUrl, forum.id);

  // The next meeting's public invitation says what happened to the ideas of the last one, naming nobody.
  const planned = await http.request("POST", `/api/forums/${forum.id}/planned/`, {
    body: { startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(), place: "Town hall", about: "Buses", invitationPublic: true },
  });
  const guest = await openPerson(room.browser, "Guest", { width: 360, height: 740, baseUrl: room.app.baseUrl });
  await guest.page.goto(`/invitations/${planned.invitationKey}`);
  const ideas = guest.page.getByRole("region", { name: "What happened to your last ideas" });
  await ideas.waitFor(WAIT);
  await ideas.getByText("We had 1 idea. Here is what happened.").waitFor(WAIT);
  await ideas.getByText("Fix the lift").waitFor(WAIT);
  await ideas.getByText("We will talk about it next time.").waitFor(WAIT);
  const words = await guest.page.locator("main").innerText();
  for (const name of ["Ann", "Lee", "Fay"]) assert.ok(!new RegExp(`\\b${name}\\b`).test(words), `the public invitation does not name ${name}`);
  await assertAccessible(guest, "invitation with the last ideas (public, phone)");
  await assertNoSidewaysScroll(guest, "invitation with the last ideas (public, phone)");
  await screenshot(guest, "forum-invitation-last-ideas.png");
  await guest.context.close();

  const m2 = await create("North forum, April");
  const ann2 = await http.join({ code: m2.joinCode, displayName: "Ann", picture: "star" });
  const session = (j, role) => ({ meetingId: m2.meetingId, participantId: j.participantId, role, token: j.token });
  const annPage = await open("Ann", session(ann2, "member"), { width: 360, height: 740 });
  const fayPage = await open("Fay", {
    meetingId: m2.meetingId, participantId: m2.facilitatorId, role: "facilitator", token: m2.facilitatorToken, joinCode: m2.joinCode,
    listenerCode: m2.listenerCode, screenToken: m2.screenToken,
  }, { width: 1366, height: 768 });
  const screen = await open("Screen", { meetingId: m2.meetingId, participantId: "", role: "screen", token: m2.screenToken, joinCode: m2.joinCode },
    { width: 1920, height: 1080, path: `/screen/${m2.meetingId}`, slot: "screen" });

  for (const [p, file] of [[annPage, "phone"], [fayPage, "console"], [screen, "screen"]]) {
    await p.page.getByRole("heading", { name: "Last time" }).waitFor(WAIT);
    await p.page.getByText("Write to the bus company").first().waitFor(WAIT);
    await assertAccessible(p, `review (${file})`);
    await assertNoSidewaysScroll(p, `review (${file})`);
    assertNoPageProblems(p);
    await screenshot(p, `forum-review-${file}.png`);
  }
  // The member sees the review before the questions.
  assert.equal(await annPage.page.getByRole("heading", { name: "Why are you here?" }).count(), 0);

  // From here every change arrives as an event the page applies itself: no page asks for a fresh snapshot.
  const snapshots = [];
  for (const p of [annPage, fayPage, screen]) p.page.on("request", (r) => { if (r.url().includes("/snapshot")) snapshots.push(r.url()); });

  // Ann owns the lift (same name): she says "Not yet". She cannot set Lee's action.
  await annPage.page.getByRole("button", { name: "Not yet (Fix the lift)" }).click();
  await fayPage.page.getByText("Now: not yet.").first().waitFor(WAIT);
  assert.equal(await annPage.page.getByRole("button", { name: "Done (Write to the bus company)" }).count(), 0);

  await fayPage.page.getByRole("button", { name: "Put on the agenda (Fix the lift)" }).click();
  await fayPage.page.getByText("It is on the agenda now.").first().waitFor(WAIT);
  // Fay drops Lee's action: the reason is asked for, and required.
  await fayPage.page.getByRole("button", { name: "Drop it (Write to the bus company)" }).click();
  const why = fayPage.page.getByRole("textbox", { name: "Why do we drop it? (Write to the bus company)" });
  assert.ok(await why.evaluate((el) => el === document.activeElement), "the reason box has the focus");
  await fayPage.page.locator("form.drop-form").getByRole("button", { name: "Drop it" }).click();
  await fayPage.page.getByRole("alert").filter({ hasText: "Please say why it is dropped." }).waitFor(WAIT);
  assert.equal(await why.getAttribute("aria-invalid"), "true");
  await assertAccessible(fayPage, "review, dropping with a reason");
  await why.fill("The bus company closed");
  await fayPage.page.locator("form.drop-form").getByRole("button", { name: "Drop it" }).click();
  await annPage.page.getByText("Now: dropped. Why: The bus company closed.").first().waitFor(WAIT);
  await annPage.page.getByRole("status").filter({ hasText: "Dropped: Write to the bus company. Why: The bus company closed." }).first().waitFor(WAIT);
  assert.equal(await fayPage.page.getByRole("button", { name: "Drop it (Write to the bus company)" }).count(), 0);
  await screenshot(fayPage, "forum-review-console-dropped.png");

  await fayPage.page.getByRole("button", { name: "Finish the review" }).click();
  await annPage.page.getByRole("heading", { name: "Last time" }).waitFor({ state: "detached", ...WAIT });
  await screen.page.getByRole("heading", { name: "Last time" }).waitFor({ state: "detached", ...WAIT });
  await screenshot(annPage, "forum-review-phone-after.png");
  assert.deepEqual(snapshots, [], "the review's events are applied without a fresh snapshot");
  for (const p of [annPage, fayPage, screen]) await p.context.close();
});
