// Reads one test runner's result files and prints "<passed> <failed> <skipped>" (used by scripts/test.sh).
//
//   node scripts/lib/counts.mjs trx <folder>        all *.trx files under <folder> (dotnet test --logger trx)
//   node scripts/lib/counts.mjs vitest <file.json>  vitest --reporter=json
//   node scripts/lib/counts.mjs tap <file.tap>      node --test --test-reporter=tap
//
// Exits 2 when there is nothing to read, so a runner that crashed before writing results is not taken as "0 failed".
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

function die(message) {
  console.error(`counts.mjs: ${message}`);
  process.exit(2);
}

function trxFiles(folder) {
  const found = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith(".trx")) found.push(full);
    }
  };
  walk(folder);
  return found;
}

function trx(folder) {
  const files = trxFiles(folder);
  if (files.length === 0) die(`no .trx files under ${folder}`);
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const file of files) {
    const xml = readFileSync(file, "utf8");
    const tag = /<Counters\b([^>]*)\/?>/.exec(xml);
    if (!tag) die(`no <Counters> element in ${file}`);
    const attrs = Object.fromEntries([...tag[1].matchAll(/(\w+)="(\d+)"/g)].map((m) => [m[1], Number(m[2])]));
    const n = (name) => attrs[name] ?? 0;
    passed += n("passed");
    failed += n("failed") + n("error") + n("timeout") + n("aborted");
    // Skipped tests are counted in total but not executed.
    skipped += Math.max(0, n("total") - n("executed"));
  }
  return [passed, failed, skipped, files.length];
}

function vitest(file) {
  let report;
  try {
    report = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    die(`cannot read ${file}: ${error.message}`);
  }
  const n = (name) => Number(report[name] ?? 0);
  return [n("numPassedTests"), n("numFailedTests"), n("numPendingTests") + n("numTodoTests")];
}

function tap(file) {
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    die(`cannot read ${file}: ${error.message}`);
  }
  // The summary comments node's TAP reporter writes last: "# pass N", "# fail N", ...
  const last = (name) => {
    const all = [...text.matchAll(new RegExp(`^# ${name} (\\d+)\\s*$`, "gm"))];
    return all.length ? Number(all[all.length - 1][1]) : undefined;
  };
  const pass = last("pass");
  const fail = last("fail");
  if (pass === undefined || fail === undefined) die(`no "# pass N" / "# fail N" summary in ${file}`);
  return [pass, fail + (last("cancelled") ?? 0), (last("skipped") ?? 0) + (last("todo") ?? 0)];
}

const [kind, target] = process.argv.slice(2);
if (!target) die("usage: counts.mjs trx|vitest|tap <path>");
const readers = { trx, vitest, tap };
if (!readers[kind]) die(`unknown kind ${kind}`);
console.log(readers[kind](target).join(" "));
