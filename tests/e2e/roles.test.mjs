// Issue 14, roles in a meeting, in Debian's Chromium by clicks only: Fay the facilitator gives Ann the chair from the
// Roles panel on her console (1366x768); Ann's phone (360x740) says "You are the chair today." with its picture and a
// Listen button, and so does the phone of Sam who supports her; the shared screen (1920x1080) shows "Chair: Ann"; the role cannot be given to Ben while Ann has it;
// Fay takes it back and everyone sees that live. axe-core 0 violations on each view.
//
// Needs the web app built into the Api (npm run build in src/Web) before the Api is built: scripts/test.sh does.
import assert from "node:assert/strict";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "node:test";
import { assertNoSidewaysScroll, checkAll, screenshot } from "./lib/browser.mjs";
import { browserRoom } from "./lib/browserRoom.mjs";
import { adminEnv } from "./lib/facilitator.mjs";
import { joinAs, region, startMeeting } from "./lib/pages.mjs";

const FAILURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "artifacts", "roles-failure");

const room = browserRoom({ dbName: "e2e_roles", env: adminEnv, liveMs: 20_000 });
const person = room.person;

test("the facilitator gives Ann the chair; her phone and the shared screen show it; then takes it back", { timeout: 300_000 }, async () => {
  await room.keepScreensOnFailure(FAILURES, rolesInAMeeting);
});

async function rolesInAMeeting() {
  const fay = await person("Fay (facilitator)", { width: 1366, height: 768 });
  const ann = await person("Ann (member, phone)", { width: 360, height: 740 });
  const ben = await person("Ben (member, phone)", { width: 360, height: 740 });

  await fay.page.goto("/");
  await startMeeting(fay, "North forum, July");
  const codes = region(fay, "Codes to join");
  const joinCode = (await codes.locator(".code-text").first().textContent()).trim();
  const screen = await person("Shared screen (TV)", { width: 1920, height: 1080 });
  await screen.page.goto(await codes.getByRole("link", { name: /Open the shared screen/ }).getAttribute("href"));
  await screen.page.getByRole("heading", { level: 1, name: "North forum, July" }).waitFor();
  await joinAs(ann, { code: joinCode, how: "link", role: "member", name: "Ann" });
  await joinAs(ben, { code: joinCode, how: "link", role: "member", name: "Ben" });
  const sam = await person("Sam (supporter of Ann, phone)", { width: 360, height: 740 });
  await joinAs(sam, { code: joinCode, how: "link", role: "supporter", name: "Sam", supports: "Ann" });

  // ---- Fay gives Ann the chair -------------------------------------------------------------------------------
  const roles = region(fay, "Roles");
  const chair = roles.locator('[data-role="chair"]');
  await chair.getByLabel("Who is the chair?").selectOption({ label: "Ann" });
  await chair.getByRole("button", { name: "Give Chair" }).click();
  await chair.getByText("Ann is the chair.").waitFor();
  await fay.page.getByText("Just now: Ann is the chair now.").waitFor();

  // Ann's phone: in Easy Read, with a picture and Listen; Ben's does not say it; the TV shows who has it.
  const mine = ann.page.getByRole("list", { name: "Your roles today" });
  await mine.getByText("You are the chair today. You help to lead the meeting.").waitFor();
  assert.equal(await mine.locator(".spoken-before img").count(), 1, "a picture beside the words");
  assert.ok(await mine.getByRole("button", { name: /Listen/ }).isVisible(), "read aloud, as the rest of the app");
  assert.equal(await ben.page.getByRole("list", { name: "Your roles today" }).count(), 0);
  // Sam, who supports Ann, sees it too, so he can help her do it.
  await sam.page.getByRole("list", { name: "Roles of Ann today" }).getByText("Ann is the chair today.").waitFor();
  await screen.page.getByRole("list", { name: "Roles today" }).getByText("Chair:").waitFor();
  assert.match(await screen.page.getByRole("list", { name: "Roles today" }).textContent(), /Chair:\s*Ann/);
  await assertNoSidewaysScroll(ann, "phone with a role");
  await screenshot(ann, "roles-phone.png");
  await screenshot(fay, "roles-console.png");
  await screenshot(screen, "roles-screen.png", { fullPage: false });
  await checkAll("roles: Ann is the chair", [fay, ann, sam, screen]);

  // One person has a role at a time: the chair shows only "Take back" while Ann has it. Ben keeps time.
  assert.equal(await chair.getByRole("button", { name: "Give Chair" }).count(), 0);
  const timekeeper = roles.locator('[data-role="timekeeper"]');
  await timekeeper.getByLabel("Who is the timekeeper?").selectOption({ label: "Ben" });
  await timekeeper.getByRole("button", { name: "Give Timekeeper" }).click();
  await ben.page.getByText("You are the timekeeper today.", { exact: false }).waitFor();

  // ---- Fay takes the chair back: gone from Ann's phone and the TV -------------------------------------------------
  await chair.getByRole("button", { name: "Take back from Ann" }).click();
  await chair.getByRole("button", { name: "Give Chair" }).waitFor();
  await mine.waitFor({ state: "detached" });
  await ann.page.getByText("Just now: Ann is not the chair now.").waitFor();
  await screen.page.getByRole("list", { name: "Roles today" }).getByText("Timekeeper:").waitFor();
  assert.doesNotMatch(await screen.page.getByRole("list", { name: "Roles today" }).textContent(), /Chair/);
  await checkAll("roles: the chair taken back", [fay, ann, ben, screen]);
}
