// What people do in the web app's pages, for the browser tests: the locators by role every test uses, starting a
// meeting (signing in when the Api asks) and joining one.
import { fillSignIn } from "./facilitator.mjs";

export const button = (p, name, options = {}) => p.page.getByRole("button", { name, ...options });
export const radio = (p, name, options = {}) => p.page.getByRole("radio", { name, ...options });
export const region = (p, name, exact = true) => p.page.getByRole("region", { name, exact });

/**
 * From the home page: Fay starts the meeting `title`. With facilitator accounts the Api asks her to sign in first:
 * `onSignIn(form)` runs once the form is filled in, before she sends it. An Api without accounts starts it at once.
 */
export async function startMeeting(fay, title, { onSignIn } = {}) {
  await fay.page.getByRole("link", { name: "Start a meeting" }).click();
  await fay.page.getByLabel("Name of the meeting").fill(title);
  await fay.page.getByLabel("Your name").fill("Fay");
  await button(fay, "Start the meeting").click();
  const signIn = fay.page.getByRole("form", { name: "Please sign in first" });
  const inMeeting = fay.page.waitForURL(/\/meeting\//).then(() => "meeting");
  if ((await Promise.race([inMeeting, signIn.waitFor().then(() => "sign in")])) === "sign in") {
    await fillSignIn(signIn);
    await onSignIn?.(signIn);
    await button(fay, "Sign in and start the meeting").click();
  }
  await inMeeting;
}

/** Types a join code on the big keypad, one key at a time. */
export async function typeOnKeypad(p, code) {
  const keypad = p.page.getByRole("group", { name: "Keypad" });
  for (const key of code) await keypad.getByRole("button", { name: key, exact: true }).click();
}

/**
 * Joins with `code`: `how` is "link" (opens /join/<code>), "keypad" or "typed" (from the home page). `onJoinPage` runs
 * on the join page with the code entered, before "Next"; the details are as joinDetails takes them.
 */
export async function joinAs(p, { code, how, role, name, picture, supports, onJoinPage }) {
  if (how === "link") {
    await p.page.goto(`/join/${code}`);
  } else {
    await p.page.goto("/");
    await p.page.getByRole("link", { name: "Join a meeting" }).click();
    if (how === "keypad") await typeOnKeypad(p, code);
    else await p.page.getByLabel("Meeting code").fill(code);
  }
  await onJoinPage?.();
  await button(p, "Next").click();
  await joinDetails(p, { role, name, picture, supports });
  await button(p, "Join the meeting").click();
  await p.page.waitForURL(/\/meeting\//);
}

/** The join page's second part: member or supporter (a listener's code asks neither), name, picture, who is supported. */
export async function joinDetails(p, { role, name, picture, supports }) {
  if (role === "supporter") await radio(p, "I support a member").check();
  else if (role === "member") await radio(p, "I am a member of the forum").check();
  await p.page.getByLabel("Your name").fill(name);
  if (picture) await radio(p, picture).first().check();
  if (supports) await p.page.getByRole("group", { name: "Who do you support?" }).getByRole("radio", { name: supports }).check();
}
