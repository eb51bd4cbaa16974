// Upgrades (issue 12): a database made by the PREVIOUS release's code and migrations, with data in it
// (tests/fixtures/previous-release.sql, made by tests/fixtures/make-previous-release.mjs), is restored with
// scripts/restore.sh; the current Api starts on it, applies the newer migrations, and nothing is lost: every row of
// every old table is unchanged (over the old columns), the member's token reads the same event log and the minutes,
// the administrator signs in with the old password and sees both meetings, and a new meeting works.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "node:test";
import pg from "pg";
import { parseNpgsql, startApp } from "./lib/app.mjs";
import { MeetingHttp } from "./lib/client.mjs";
import { allEvents } from "./lib/closedMeeting.mjs";
import { E2E_ADMIN, adminEnv, facilitatorHttp } from "./lib/facilitator.mjs";
import { tableFingerprints } from "./lib/fingerprints.mjs";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const fixtures = path.join(repoRoot, "tests", "fixtures");
const expected = JSON.parse(readFileSync(path.join(fixtures, "previous-release.json"), "utf8"));
const DB = "e2e_upgrade";

async function withClient(connectionString, work) {
  const client = new pg.Client(parseNpgsql(connectionString));
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function get(baseUrl, url, token) {
  const response = await fetch(`${baseUrl}${url}`, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(response.status, 200, `GET ${url}`);
  return response.headers.get("content-type")?.includes("json") ? response.json() : response.text();
}

test("a database of the previous release upgrades to the current schema with nothing lost", { timeout: 300_000 }, async () => {
  const server = (process.env.FORUMHUB_TEST_PG ?? assert.fail("FORUMHUB_TEST_PG is not set (scripts/test.sh sets it)")).replace(/;+\s*$/, "");
  const connectionString = `${server};Database=${DB}`;
  const restore = spawnSync(path.join(repoRoot, "scripts", "restore.sh"), [path.join(fixtures, "previous-release.sql"), "--pg", connectionString, "--force"], {
    encoding: "utf8",
    timeout: 120_000,
  });
  assert.equal(restore.status, 0, `${restore.stdout}\n${restore.stderr}`);

  const migrations = readdirSync(path.join(repoRoot, "src", "Api", "Persistence", "Migrations")).filter((f) => f.endsWith(".sql")).map((f) => f.slice(0, -4)).sort();
  const applied = () => withClient(connectionString, async (c) => (await c.query("SELECT name FROM schema_migrations ORDER BY name")).rows.map((r) => r.name));
  const old = await applied();
  assert.ok(old.length < migrations.length, `the fixture is an older schema (${old.join(", ")}) than the current one (${migrations.join(", ")})`);

  // The raw-data retention rule would delete a meeting closed long ago; this test is about the upgrade only.
  const app = await startApp({
    dbName: DB,
    keepDatabase: true,
    env: { ...adminEnv, Privacy__RawDataRetentionDays: "0", Privacy__AuditLogRetentionDays: "0" },
  });
  try {
    assert.deepEqual(await applied(), migrations, "the current Api applied every newer migration");
    // Before anyone uses it: every old table holds exactly the rows it held, over the columns it had.
    const now = await withClient(connectionString, (c) => tableFingerprints(c, Object.fromEntries(Object.entries(expected.tables).map(([t, v]) => [t, v.columns]))));
    for (const [table, before] of Object.entries(expected.tables)) {
      if (table === "schema_migrations") continue; // it gains the new migrations' rows, checked above
      assert.deepEqual(now[table], before, `table ${table}`);
    }
    assert.ok(expected.tables.meeting_events.rows > 10 && expected.tables.minutes_publications.rows === 1, "the fixture has a meeting and minutes");

    // The member's token from the old release reads the same event log and the published minutes.
    const { meetingId, memberToken } = expected.meeting;
    const events = await allEvents(app.baseUrl, meetingId, memberToken);
    // The same events with the same values; fields added to an event since then come back empty (null or false),
    // since nothing the old release stored set them.
    const added = [];
    assert.deepEqual(shapedLike(events, expected.events, "events", added), expected.events);
    for (const [where, value] of added) assert.ok(value === null || value === false, `${where} is new since the previous release and empty, not ${JSON.stringify(value)}`);
    const minutes = await get(app.baseUrl, `/api/meetings/${meetingId}/minutes/easy-read.html`, memberToken);
    assert.match(minutes, /Better buses on Sundays/);
    assert.match(minutes, /We will write to the council/);

    // The administrator signs in with the password set under the old release and sees both meetings; a new one works.
    const { cookie } = await new MeetingHttp({ baseUrl: app.baseUrl }).signIn(E2E_ADMIN);
    const listed = await fetch(`${app.baseUrl}/api/meetings/`, { headers: { Cookie: cookie } });
    assert.equal(listed.status, 200);
    const list = await listed.json();
    assert.deepEqual(list.map((m) => m.title).sort(), ["North forum, November", "South forum, December"]);
    const http = await facilitatorHttp(app.baseUrl);
    const created = await http.createMeeting({ title: "After the upgrade", facilitatorName: "Fay" });
    const joined = await http.join({ code: created.joinCode, displayName: "Ann", picture: "star" });
    assert.ok(joined.token);
  } finally {
    await app.stop();
  }
});

/** `actual` cut to the keys `expected` has (recursively); every key it has besides is pushed to `added` with its value. */
function shapedLike(actual, expected, where, added) {
  if (Array.isArray(expected) && Array.isArray(actual)) return actual.map((a, i) => shapedLike(a, expected[i], `${where}[${i}]`, added));
  if (!expected || !actual || typeof expected !== "object" || typeof actual !== "object" || Array.isArray(actual)) return actual;
  const cut = {};
  for (const [key, value] of Object.entries(actual)) {
    if (key in expected) cut[key] = shapedLike(value, expected[key], `${where}.${key}`, added);
    else added.push([`${where}.${key}`, value]);
  }
  return cut;
}
