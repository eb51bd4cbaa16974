// Forum insights (issue 14), in Debian's Chromium: a forum with two meetings held over live connections, their
// minutes published; a facilitator signs in on the archive search page, finds a word used only in the first meeting
// (with its date, the word marked), then opens "Is co-production happening?" and reads the same numbers in the
// chart's description, the table and the Easy Read words. On each page, at a 360x740 phone and a 1366x768 laptop:
// axe-core finds nothing, no Content-Security-Policy breach, nothing scrolls sideways.
//
// Needs the web app built into the Api (npm run build in src/Web) before the Api is built: scripts/test.sh does.
import assert from "node:assert/strict";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "node:test";
import * as signalR from "@microsoft/signalr";
import { assertAccessible, assertNoPageProblems, assertNoSidewaysScroll, screenshot } from "./lib/browser.mjs";
import { browserRoom } from "./lib/browserRoom.mjs";
import { MeetingClient, MeetingHttp } from "./lib/client.mjs";
import { E2E_ADMIN, adminEnv, fillSignIn } from "./lib/facilitator.mjs";

const FAILURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "artifacts", "forum-insights-failure");
const room = browserRoom({ dbName: "e2e_forum_insights", env: adminEnv });
const SIZES = { phone: { width: 360, height: 740 }, laptop: { width: 1366, height: 768 } };

async function call(baseUrl, method, url, headers, body) {
  const response = await fetch(`${baseUrl}${url}`, {
    method,
    headers: { ...headers, ...(body ? { "Content-Type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${url}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** A meeting of the forum over live connections: Ann's wish agreed and decided, an action for her, the minutes published. */
async function holdMeeting(baseUrl, cookie, forumId, title, wish) {
  const created = await call(baseUrl, "POST", "/api/meetings", { Cookie: cookie }, { commandId: crypto.randomUUID(), title, facilitatorName: "Fay", forumId });
  const http = new MeetingHttp({ baseUrl });
  const annJoin = await http.join({ code: created.joinCode, displayName: "Ann", picture: "star" });
  const connect = (token) => new MeetingClient({ baseUrl, meetingId: created.meetingId, token, signalR, reconnectBackoff: { initialMs: 100, maxMs: 2_000 } });
  const fay = connect(created.facilitatorToken);
  const ann = connect(annJoin.token);
  try {
    await Promise.all([fay.start(), ann.start()]);
    const answer = await ann.answerQuestion({ question: "whatDoYouWantToDo", text: wish, picture: "garden" });
    await fay.moveToPhase({ phase: "agenda" });
    const item = await fay.promoteAnswer({ answerId: answer.id });
    await fay.agreeAgenda({ itemIds: [item.id] });
    await fay.moveToPhase({ phase: "items" });
    await fay.startItem({ itemId: item.id });
    await fay.recordDecision({ itemId: item.id, text: "We will ask the council.", level: "coProduction" });
    await fay.addAction({ itemId: item.id, what: "Write to the council", ownerId: annJoin.participantId });
    await fay.finishItem({ itemId: item.id });
    await fay.moveToPhase({ phase: "closed" });
  } finally {
    await Promise.all([fay.stop(), ann.stop()]);
  }
  const bearer = { Authorization: `Bearer ${created.facilitatorToken}` };
  const draft = await call(baseUrl, "POST", `/api/meetings/${created.meetingId}/minutes/drafts`, bearer, {});
  await call(baseUrl, "POST", `/api/meetings/${created.meetingId}/minutes/publish`, bearer, { version: draft.number });
  return created.meetingId;
}

async function check(p, view) {
  await assertAccessible(p, view);
  assertNoPageProblems(p);
  await assertNoSidewaysScroll(p, view);
}

test("a facilitator searches the forum's minutes and sees whether co-production is happening", { timeout: 300_000 }, async () => {
  await room.keepScreensOnFailure(FAILURES, async () => {
    const baseUrl = room.app.baseUrl;
    const { cookie } = await new MeetingHttp({ baseUrl }).signIn(E2E_ADMIN);
    const forum = await call(baseUrl, "POST", "/api/admin/forums/", { Cookie: cookie }, { name: "Riverside forum" });
    await holdMeeting(baseUrl, cookie, forum.id, "Riverside in spring", "A trampoline in the park");
    await holdMeeting(baseUrl, cookie, forum.id, "Riverside in summer", "Sunday buses to the park");
    const today = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" })
      .format(new Date()).replace(",", "");

    for (const [size, viewport] of Object.entries(SIZES)) {
      const fay = await room.person(`Fay (${size})`, viewport);
      await fay.page.goto(`/forums/${forum.id}/search`);
      const signIn = fay.page.getByRole("form", { name: "Please sign in first" });
      await fillSignIn(signIn);
      await check(fay, `search sign-in (${size})`);
      await signIn.getByRole("button", { name: "Sign in" }).click();
      await fay.page.getByRole("heading", { level: 1, name: "Search the minutes of Riverside forum" }).waitFor();
      await check(fay, `search (${size})`);

      await fay.page.getByRole("button", { name: "Look for the words" }).click();
      await fay.page.getByRole("alert").filter({ hasText: "Please type a word to look for." }).waitFor();
      await fay.page.getByLabel("Words to look for").fill("trampolines");
      await fay.page.getByRole("button", { name: "Look for the words" }).click();
      await fay.page.getByRole("status").filter({ hasText: 'We found "trampolines" in the minutes of 1 meeting.' }).waitFor();
      const hits = fay.page.getByRole("list", { name: "Meetings with these words" }).getByRole("listitem");
      assert.equal(await hits.count(), 1);
      assert.match(await hits.first().innerText(), /Riverside in spring/);
      assert.match(await hits.first().innerText(), new RegExp(`We met on ${today}\\.`));
      const marked = await hits.first().locator("mark").allInnerTexts();
      assert.ok(marked.length > 0 && marked.every((w) => w === "trampoline"), `the found words are marked: ${marked}`);
      assert.equal(new URL(fay.page.url()).search, "?q=trampolines", "the words stay in the address");
      await check(fay, `search results (${size})`);
      await screenshot(fay, `forum-search-${size}.png`);

      await fay.page.goto(`/forums/${forum.id}/co-production`);
      await fay.page.getByRole("heading", { level: 1, name: "Is co-production happening in Riverside forum?" }).waitFor();
      await fay.page.getByText("We looked at 2 meetings").waitFor();
      await fay.page.getByText("2 of the 2 things on the agenda came from members.").waitFor();
      await fay.page.getByText("2 decisions were written down. 2 at Co-production.").waitFor();
      const shares = fay.page.getByRole("img", { name: /Members' share/ });
      assert.match(await shares.getAttribute("aria-labelledby"), / /, "the chart is named by its title and described by its description");
      // A table where its column has room (32rem); else, as always on a phone, the numbers stacked.
      if (viewport.width > 640 && (await fay.page.getByRole("table", { name: "Members' share, in numbers" }).count()) === 1) {
        const table = fay.page.getByRole("table", { name: "Members' share, in numbers" });
        assert.deepEqual(await table.getByRole("row", { name: /Agenda items from members/ }).getByRole("cell").allInnerTexts(), ["2", "2", "100%"]);
      } else {
        // On a phone the same numbers are stacked, one card a row, each number under its words; the table is not shown.
        assert.equal(await fay.page.getByRole("table").count(), 0);
        const card = fay.page.getByRole("list", { name: "Members' share, in numbers" }).getByRole("listitem").filter({ hasText: "Agenda items from members" });
        assert.deepEqual(await card.locator("dd").allInnerTexts(), ["2", "2", "100%"]);
        assert.deepEqual(await card.locator("dt").allInnerTexts(), ["Number:", "Out of:", "Share:"]);
      }
      await check(fay, `co-production (${size})`);
      await screenshot(fay, `forum-co-production-${size}.png`);
    }
  });
});
