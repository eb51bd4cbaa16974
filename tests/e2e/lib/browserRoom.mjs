// One Api (its own database) and one Chromium for a browser test file, and the people opened in it: what the browser
// tests of whole meetings (webapp, deviceless, admin) each set up the same way.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { after, before } from "node:test";
import { startApp } from "./app.mjs";
import { launchChromium, openPerson } from "./browser.mjs";

/**
 * Registers the file's before/after hooks. `room.app` is the running Api (after `before`); `room.person(name, size)`
 * opens someone in their own browser context whose waits last `liveMs`; `room.keepScreensOnFailure(dir, run)` runs
 * the test and, if it fails, saves what each person's page showed into `dir`.
 */
export function browserRoom({ dbName, env, liveMs = 20_000 }) {
  let browser;
  const people = [];
  const room = {
    app: null,
    async person(name, size) {
      const p = await openPerson(browser, name, { ...size, baseUrl: room.app.baseUrl });
      p.page.setDefaultTimeout(liveMs);
      people.push(p);
      return p;
    },
    async keepScreensOnFailure(dir, run) {
      try {
        await run();
      } catch (error) {
        mkdirSync(dir, { recursive: true });
        for (const p of people) {
          await p.page.screenshot({ path: path.join(dir, `${p.name.split(" ")[0].toLowerCase()}.png`), fullPage: true }).catch(() => undefined);
        }
        throw new Error(`${error.message}\n(screenshots of every page: ${dir})`, { cause: error });
      }
    },
  };
  before(async () => {
    room.app = await startApp({ dbName, env });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await room.app?.stop();
  });
  return room;
}
