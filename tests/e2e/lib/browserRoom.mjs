// One Api (its own database) and one Chromium for a browser test file, the people opened in it and the client module's
// connections: what the browser tests (webapp, deviceless, admin, minutes, forum-review, forum-record) each set up the
// same way.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { after, before } from "node:test";
import * as signalR from "@microsoft/signalr";
import { startApp } from "./app.mjs";
import { launchChromium, openPerson } from "./browser.mjs";
import { MeetingClient } from "./client.mjs";

/**
 * Registers the file's before/after hooks. `room.app` is the running Api and `room.browser` its Chromium (after
 * `before`); `room.connect(meetingId, token)` is a client module connection, stopped after the file; `room.person(name, size)`
 * opens someone in their own browser context whose waits last `liveMs`; `room.keepScreensOnFailure(dir, run)` runs
 * the test and, if it fails, saves what each person's page showed into `dir`; `room.steps(t, dir)` gives a function
 * that runs one named step of a long story as a subtest of `t` in the same way.
 */
export function browserRoom({ dbName, env, liveMs = 20_000 }) {
  let browser;
  const people = [];
  const clients = [];
  const room = {
    app: null,
    get browser() {
      return browser;
    },
    connect(meetingId, token) {
      const client = new MeetingClient({ baseUrl: room.app.baseUrl, meetingId, token, signalR, reconnectBackoff: { initialMs: 100, maxMs: 2_000 } });
      clients.push(client);
      return client;
    },
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
    /**
     * `step(name, run)` runs `run` as the subtest `name` of `t`, keeping the screens if it fails. Each step builds on
     * the ones before it, so after a failed step the rest are skipped: the first failure is the one to read.
     */
    steps(t, dir) {
      let failed = null;
      return (name, run) => t.test(name, async (step) => {
        if (failed) {
          step.skip(`the step "${failed}" failed`);
          return;
        }
        try {
          await room.keepScreensOnFailure(dir, run);
        } catch (error) {
          failed = name;
          throw error;
        }
      });
    },
  };
  before(async () => {
    room.app = await startApp({ dbName, env });
    browser = await launchChromium();
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.stop()));
    await browser?.close();
    await room.app?.stop();
  });
  return room;
}
