// Backups (issue 12): scripts/backup.sh dumps a database holding a closed meeting with published minutes;
// scripts/restore.sh puts it into a fresh PostgreSQL cluster (and refuses to overwrite it a second time without
// --force); every table is identical, and the current Api on the restored database serves the same minutes and the
// same event log to the same member's token.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";
import pg from "pg";
import { freePort, parseNpgsql, startApp } from "./lib/app.mjs";
import { closedMeetingWithMinutes, readBack } from "./lib/closedMeeting.mjs";
import { adminEnv } from "./lib/facilitator.mjs";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const script = (name) => path.join(repoRoot, "scripts", name);

let work;
let clusterDir;

before(() => {
  work = mkdtempSync(path.join(os.tmpdir(), "forumhub-backup-"));
  chmodSync(work, 0o755); // as root, pg.sh runs the cluster as the postgres user, who must reach its folder
  clusterDir = path.join(work, "pg");
});

after(() => {
  spawnSync(script("pg.sh"), ["stop", clusterDir], { stdio: "ignore" });
  rmSync(work, { recursive: true, force: true });
});

function run(name, args) {
  const result = spawnSync(script(name), args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 120_000 });
  return { status: result.status, out: `${result.stdout}\n${result.stderr}` };
}

/** Every table's rows as one fingerprint per table (md5 over the rows in text form, sorted). */
async function fingerprint(connectionString) {
  const client = new pg.Client(parseNpgsql(connectionString));
  await client.connect();
  try {
    const tables = (await client.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")).rows.map((r) => r.tablename);
    const result = {};
    for (const table of tables) {
      const { rows } = await client.query(`SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM "${table}" t`);
      result[table] = `${rows[0].n} rows ${rows[0].h}`;
    }
    return result;
  } finally {
    await client.end();
  }
}

test("backup.sh then restore.sh into a fresh cluster: the minutes and the event log are identical", { timeout: 300_000 }, async () => {
  const source = await startApp({ dbName: "e2e_backup_source", env: adminEnv });
  let meeting;
  let before;
  try {
    meeting = await closedMeetingWithMinutes(source.baseUrl);
    before = await readBack(source.baseUrl, meeting);
  } finally {
    await source.stop();
  }
  assert.ok(before.events.length > 10, `${before.events.length} events`);
  assert.match(before.easyRead, /Better buses on Sundays/);

  const dump = path.join(work, "forum.dump");
  const backup = run("backup.sh", ["--pg", source.connectionString, "-o", dump]);
  assert.equal(backup.status, 0, backup.out);
  assert.ok(statSync(dump).size > 1000, "the backup has content");

  const port = await freePort();
  const started = run("pg.sh", ["start", clusterDir, String(port)]);
  assert.equal(started.status, 0, started.out);
  const target = `Host=127.0.0.1;Port=${port};Username=postgres;Database=forumhub`;
  const restore = run("restore.sh", [dump, "--pg", target]);
  assert.equal(restore.status, 0, restore.out);
  assert.match(restore.out, /restored: 1 meetings/);

  const sourceTables = await fingerprint(source.connectionString);
  assert.deepEqual(await fingerprint(target), sourceTables, "every table is identical after the restore");
  assert.match(sourceTables.meeting_events, /^[1-9]\d* rows/);
  assert.match(sourceTables.minutes_publications, /^1 rows/);

  // A second restore into the same (now full) database is refused and changes nothing, unless --force.
  const again = run("restore.sh", [dump, "--pg", target]);
  assert.notEqual(again.status, 0);
  assert.match(again.out, /is not empty .*nothing was changed/);
  assert.deepEqual(await fingerprint(target), sourceTables);
  const forced = run("restore.sh", [dump, "--pg", target, "--force"]);
  assert.equal(forced.status, 0, forced.out);
  assert.deepEqual(await fingerprint(target), sourceTables);

  // The current Api on the restored database: the same member's token reads the same minutes and events.
  const restored = await startApp({ dbName: "forumhub", pg: `Host=127.0.0.1;Port=${port};Username=postgres`, keepDatabase: true, env: adminEnv });
  try {
    const after = await readBack(restored.baseUrl, meeting);
    assert.equal(after.easyRead, before.easyRead);
    assert.equal(after.standard, before.standard);
    assert.deepEqual(after.events, before.events);
  } finally {
    await restored.stop();
  }
});

test("backup.sh and restore.sh explain what is wrong", () => {
  const missing = run("restore.sh", [path.join(work, "no-such.dump"), "--pg", "Host=127.0.0.1;Port=1;Username=postgres"]);
  assert.notEqual(missing.status, 0);
  assert.match(missing.out, /there is no file/);
  const unreachable = run("backup.sh", ["--pg", "Host=127.0.0.1;Port=1;Username=postgres;Database=forumhub", "-o", path.join(work, "x.dump")]);
  assert.notEqual(unreachable.status, 0);
  assert.match(unreachable.out, /no backup was written/);
  assert.throws(() => statSync(path.join(work, "x.dump")), "no file is left behind");
});
