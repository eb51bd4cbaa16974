// The admin and account pages (issue 12 item 4), end to end in Debian's Chromium, by clicking and typing only:
// an administrator (made by the Bootstrap settings, as in every e2e test) signs in, adds a facilitator with the
// keyboard only (Tab and Enter) and copies the one-time set-up link; in a fresh browser context on a 320 px phone
// the new facilitator opens the link, chooses her password and starts a meeting. The administrator turns her account
// off (her session ends at once) and on again, unlocks it after five wrong passwords, adds and renames a forum, and filters the audit log to find each of
// those actions. She changes her password and signs out everywhere on her account page. On every new page:
// axe-core finds nothing, no Content-Security-Policy breach, and nothing scrolls sideways at 320 px.
//
// Needs the web app built into the Api (npm run build in src/Web) before the Api is built: scripts/test.sh does.
import assert from "node:assert/strict";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "node:test";
import { assertAccessible, assertNoPageProblems, assertNoSidewaysScroll, screenshot } from "./lib/browser.mjs";
import { browserRoom } from "./lib/browserRoom.mjs";
import { E2E_ADMIN, adminEnv } from "./lib/facilitator.mjs";

const FAILURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "artifacts", "admin-failure");
const KIT = { name: "Kit Carer", email: "kit.carer@example.org", password: "green tea and long walks", newPassword: "blue boats on a calm lake" };

const room = browserRoom({ dbName: "e2e_admin", env: adminEnv });
const person = room.person;

const button = (p, name, options = {}) => p.page.getByRole("button", { name, ...options });
const heading = (p, name) => p.page.getByRole("heading", { level: 1, name, exact: true });
const status = (p, text) => p.page.getByRole("status").filter({ hasText: text });

/** axe-core, the CSP watch and (on a narrow page) no sideways scroll. */
async function check(p, view) {
  await assertAccessible(p, view);
  assertNoPageProblems(p);
  await assertNoSidewaysScroll(p, view);
}

/** Keyboard only: presses Tab until `target` has the focus (it must show a focus ring), then runs `then`. */
async function tabTo(p, target, then) {
  for (let i = 0; i < 100; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) {
      assert.notEqual(await target.evaluate((el) => getComputedStyle(el).outlineStyle), "none", "the focused control shows where the focus is");
      await then();
      return;
    }
    await p.page.keyboard.press("Tab");
  }
  assert.fail(`${p.name}: could not reach the control with the Tab key`);
}

/** The audit page's filter: pick who and what (by the words shown), press Show, and return the entries' words. */
async function findInAudit(p, who, what) {
  await p.page.getByLabel("Who", { exact: true }).selectOption({ label: who });
  await p.page.getByLabel("What happened", { exact: true }).selectOption({ label: what });
  await button(p, "Show").click();
  await p.page.getByRole("status").filter({ hasText: /Showing|Nothing found/ }).waitFor();
  await p.page.waitForFunction(() => !document.querySelector(".audit-filter button")?.disabled);
  return p.page.locator(".audit-list > li").allInnerTexts();
}

test("an administrator adds a facilitator who sets her password from the link and starts a meeting", { timeout: 300_000 }, async () => {
  await room.keepScreensOnFailure(FAILURES, adminAndFacilitator);
});

async function adminAndFacilitator() {
  const ada = await person("Ada (administrator)", { width: 1280, height: 900 });
  await ada.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: room.app.baseUrl });

  // Signs in on the admin page itself; afterwards the start page links to the admin pages.
  await ada.page.goto("/admin");
  const signIn = ada.page.getByRole("form", { name: "Please sign in first" });
  await signIn.getByLabel("Email").fill(E2E_ADMIN.email);
  await signIn.getByLabel("Password").fill(E2E_ADMIN.password);
  await check(ada, "admin sign-in");
  await button(ada, "Sign in").click();
  await heading(ada, "Administration").waitFor();
  await ada.page.getByText("You look after E2E Organisation here.").waitFor();
  await check(ada, "admin home");
  await ada.page.goto("/");
  const adminLink = ada.page.getByRole("link", { name: /^Administration/ });
  await adminLink.waitFor();
  await check(ada, "start page with the admin link");
  await adminLink.click();
  await heading(ada, "Administration").waitFor();
  await ada.page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Facilitators" }).click();
  await heading(ada, "Facilitators").waitFor();
  await ada.page.getByText("Can sign in").first().waitFor();
  await check(ada, "facilitators");

  // Adding a facilitator with the keyboard only: the focus starts at the page's heading.
  const form = ada.page.getByRole("form", { name: "Add a facilitator" });
  await tabTo(ada, form.getByLabel("Name"), () => ada.page.keyboard.type(KIT.name));
  await tabTo(ada, form.getByLabel("Email"), () => ada.page.keyboard.type(KIT.email));
  await tabTo(ada, form.getByRole("button", { name: "Add the facilitator" }), () => ada.page.keyboard.press("Enter"));
  const panel = ada.page.getByRole("region", { name: `Set-up link for ${KIT.name}` });
  await panel.waitFor();
  assert.ok(await panel.getByRole("heading").evaluate((el) => el === document.activeElement), "the focus moves to the set-up link");
  assert.ok(await panel.getByRole("img", { name: `QR code of the set-up link for ${KIT.name}` }).isVisible());
  const link = await panel.getByRole("textbox", { name: "Set-up link" }).inputValue();
  assert.match(link, new RegExp(`^${room.app.baseUrl}/set-up#email=kit.carer%40example.org&code=[A-Z0-9]{16}$`));
  await panel.getByRole("button", { name: "Copy the link" }).click();
  await status(ada, "The link is copied.").waitFor();
  assert.equal(await ada.page.evaluate(() => navigator.clipboard.readText()), link, "the copied link is the one shown");
  await ada.page.locator(".facilitator-item").filter({ hasText: KIT.name }).getByText("Waiting to choose a password").waitFor();
  await check(ada, "facilitators with a set-up link");
  await screenshot(ada, "admin-facilitators.png");

  // A fresh browser on a 320 px phone: the link opens the set-up page with her email and code filled in.
  const kit = await person("Kit (new facilitator, phone)", { width: 320, height: 720 });
  await kit.page.goto(link);
  await heading(kit, "Choose your password").waitFor();
  assert.equal(await kit.page.getByLabel("Your email").inputValue(), KIT.email);
  assert.equal(new URL(kit.page.url()).hash, "", "the code is removed from the address bar");
  await kit.page.getByLabel("New password", { exact: true }).fill(KIT.password);
  await kit.page.getByLabel("New password again").fill(KIT.password);
  await check(kit, "set-up");
  await button(kit, "Save my password").click();
  await heading(kit, "Your account is ready").waitFor();
  await check(kit, "set-up done");
  await kit.page.getByRole("link", { name: "Start a meeting" }).click();
  await kit.page.getByLabel("Name of the meeting").fill("Kit's first forum");
  await kit.page.getByLabel("Your name").fill("Kit");
  await button(kit, "Start the meeting").click();
  await kit.page.waitForURL(/\/meeting\//);
  await kit.page.getByRole("heading", { level: 1, name: "Kit's first forum" }).waitFor();

  // The administrator turns her account off (asked twice): her session ends at once. Then on again.
  await ada.page.reload();
  const kitItem = ada.page.locator(".facilitator-item").filter({ hasText: KIT.name });
  await kitItem.getByText("Can sign in").waitFor();
  await kitItem.getByRole("button", { name: `Turn off ${KIT.name}'s account` }).click();
  await check(ada, "turn off: asked twice");
  await kitItem.getByRole("button", { name: `Yes, turn off ${KIT.name}` }).click();
  await status(ada, `${KIT.name}'s account is turned off.`).waitFor();
  await kitItem.getByText("Turned off: cannot sign in").waitFor();
  const meStatus = () => kit.page.evaluate(async () => (await fetch("/api/account/me")).status);
  assert.equal(await meStatus(), 401, "a turned-off account's session ends at once");
  const turnOn = kitItem.getByRole("button", { name: `Turn on ${KIT.name}'s account` });
  assert.ok(await turnOn.evaluate((el) => el === document.activeElement), "the focus stays with her account");
  await turnOn.click();
  await status(ada, `${KIT.name}'s account is turned on.`).waitFor();
  await kitItem.getByText("Can sign in").waitFor();
  await check(ada, "facilitators after turning on");

  // Five wrong passwords lock her account; the administrator unlocks it.
  await kit.page.goto("/account");
  const kitSignIn = kit.page.getByRole("form", { name: "Please sign in first" });
  await kitSignIn.getByLabel("Email").fill(KIT.email);
  for (let i = 1; i <= 5; i++) {
    await kitSignIn.getByLabel("Password").fill(`not my password ${i}`);
    await button(kit, "Sign in").click();
    await kit.page.getByRole("alert").filter({ hasText: i < 5 ? "did not work together" : "This account is locked" }).waitFor();
    await kit.page.waitForFunction(() => !document.querySelector("form.sign-in button")?.disabled);
  }
  await ada.page.reload();
  await kitItem.getByText("Locked after wrong passwords").waitFor();
  await kitItem.getByRole("button", { name: `Unlock ${KIT.name}'s account` }).click();
  await status(ada, `${KIT.name}'s account is unlocked.`).waitFor();
  await kitItem.getByText("Can sign in").waitFor();

  // She signs in again on her account page, changes her password and signs out everywhere.
  await kitSignIn.getByLabel("Email").fill(KIT.email);
  await kitSignIn.getByLabel("Password").fill(KIT.password);
  await button(kit, "Sign in").click();
  await kit.page.getByText(`You are signed in as ${KIT.name}, of E2E Organisation.`).waitFor();
  await check(kit, "account");
  assert.equal(await kit.page.getByRole("link", { name: "Administration" }).count(), 0, "a facilitator gets no admin link");
  await kit.page.getByLabel("Your password now").fill(KIT.password);
  await kit.page.getByLabel("New password", { exact: true }).fill(KIT.newPassword);
  await kit.page.getByLabel("New password again").fill(KIT.newPassword);
  await button(kit, "Change the password").click();
  await status(kit, "Your password is changed.").waitFor();
  await button(kit, "Sign out everywhere").click();
  await status(kit, "You are signed out on every computer and phone.").waitFor();
  await kit.page.getByRole("form", { name: "Please sign in first" }).waitFor();
  assert.equal(await meStatus(), 401);
  await check(kit, "account signed out");

  // A facilitator is not an administrator: the admin pages say so (and the Api refuses anyway).
  await kit.page.getByRole("form", { name: "Please sign in first" }).getByLabel("Email").fill(KIT.email);
  await kit.page.getByRole("form", { name: "Please sign in first" }).getByLabel("Password").fill(KIT.newPassword);
  await button(kit, "Sign in").click();
  await kit.page.getByText(`You are signed in as ${KIT.name}`).waitFor();
  await kit.page.goto("/admin/facilitators");
  await kit.page.getByText("Only administrators can see this page. Please ask an administrator").waitFor();
  await check(kit, "admin page as a facilitator");

  // Forums: add one, rename it.
  await ada.page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Forums" }).click();
  await heading(ada, "Forums").waitFor();
  await ada.page.getByLabel("Name of the new forum").fill("North forum");
  await button(ada, "Add the forum").click();
  await status(ada, "North forum is added.").waitFor();
  await button(ada, "Rename North forum").click();
  const rename = ada.page.getByLabel("New name for North forum");
  assert.ok(await rename.evaluate((el) => el === document.activeElement), "the focus moves to the new name");
  await rename.fill("North and East forum");
  await check(ada, "forums: renaming");
  await button(ada, "Save the new name").click();
  await status(ada, "North forum is now called North and East forum.").waitFor();
  await ada.page.locator(".forum-list").getByText("North and East forum", { exact: true }).waitFor();
  await ada.page.getByLabel("Name of the new forum").fill("north and east FORUM");
  await button(ada, "Add the forum").click();
  await ada.page.getByRole("alert").filter({ hasText: "There is already a forum with this name." }).waitFor();
  await check(ada, "forums");

  // The audit log: find each of those actions.
  await ada.page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "What happened" }).click();
  await heading(ada, "What happened (audit log)").waitFor();
  await ada.page.getByRole("status").filter({ hasText: "Showing" }).waitFor();
  await check(ada, "audit log");
  const kitWho = `${KIT.name} (${KIT.email})`;
  const turnedOff = await findInAudit(ada, kitWho, "Turned off an account");
  assert.equal(turnedOff.length, 1);
  assert.match(turnedOff[0], /By: E2E Admin/);
  assert.match(turnedOff[0], new RegExp(`To: ${KIT.name}`));
  assert.equal((await findInAudit(ada, kitWho, "Turned on an account")).length, 1);
  assert.equal((await findInAudit(ada, kitWho, "Unlocked an account")).length, 1);
  assert.equal((await findInAudit(ada, kitWho, "Locked after wrong passwords")).length, 1);
  assert.equal((await findInAudit(ada, kitWho, "Added a facilitator")).length, 1);
  assert.equal((await findInAudit(ada, kitWho, "Chose a password with a set-up link")).length, 1);
  assert.equal((await findInAudit(ada, kitWho, "Signed out everywhere")).length, 1);
  assert.equal((await findInAudit(ada, "Everyone", "Renamed a forum")).length, 1);
  assert.equal((await findInAudit(ada, "Everyone", "Added a forum")).length, 1);
  const everythingKit = await findInAudit(ada, kitWho, "Everything");
  assert.ok(everythingKit.some((t) => t.startsWith("Started a meeting")), "her meeting is there too");
  assert.ok(everythingKit.every((t) => t.includes(KIT.name)), "every entry is by her or about her");
  await check(ada, "audit log filtered");

  // Every new page at 320 px wide: no sideways scroll, axe-core clean.
  await ada.page.setViewportSize({ width: 320, height: 720 });
  for (const [address, title] of [["/admin", "Administration"], ["/admin/facilitators", "Facilitators"], ["/admin/forums", "Forums"],
    ["/admin/audit", "What happened (audit log)"], ["/account", "Your account"], ["/set-up", "Choose your password"]]) {
    await ada.page.goto(address);
    await heading(ada, title).waitFor();
    await ada.page.waitForFunction(() => !document.querySelector("main p[role=status]")?.textContent?.startsWith("Loading"));
    await check(ada, `${address} at 320 px`);
  }
  await ada.page.goto("/admin/facilitators");
  await ada.page.locator(".facilitator-item").filter({ hasText: KIT.name }).getByRole("button", { name: `New set-up link for ${KIT.name}` }).click();
  await button(ada, `Yes, new link for ${KIT.name}`).click();
  await ada.page.getByRole("region", { name: `Set-up link for ${KIT.name}` }).waitFor();
  await check(ada, "a new set-up link at 320 px");
  await screenshot(ada, "admin-set-up-link-phone.png");
}
