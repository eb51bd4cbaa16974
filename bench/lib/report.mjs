// Turns results.json into the Markdown table, the list of targets met or missed, and the generated block of
// docs/benchmarks.md (between the bench:results markers; the words around it are written by people).
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const BEGIN = "<!-- bench:results:begin (written by bench/run.sh; edit outside these markers) -->";
const END = "<!-- bench:results:end -->";

const fmt = (v, digits = 1) => (v === null || v === undefined || Number.isNaN(v) ? "-" : typeof v === "number" ? v.toFixed(digits) : String(v));
const p = (lat, name, key) => lat?.[name]?.[key] ?? null;

/** Correctness (must hold in every run, the smoke included) and the issue's performance targets (full runs). */
export function evaluateTargets(results) {
  const correctness = [];
  const performance = [];
  for (const [name, t] of Object.entries(results.targets)) {
    const r = t.run;
    const errors = Object.entries(r.errors).reduce((n, [, v]) => n + v, 0);
    correctness.push(
      { target: name, name: `${name}: every meeting set up`, ok: t.setupFailures.length === 0, detail: t.setupFailures.join("; ") || "ok" },
      {
        target: name,
        name: `${name}: every connection opened and held`,
        ok: t.connections === t.expectedConnections && t.connectFailures.length === 0 && r.unexpectedDisconnects === 0,
        detail: `${t.connections}/${t.expectedConnections} open, ${t.connectFailures.length} failed, ${r.unexpectedDisconnects} dropped`,
      },
      {
        target: name,
        name: `${name}: no lost events`,
        ok: r.gaps + r.tailMissing + r.fanoutIncomplete === 0,
        detail: `${r.gaps} gaps, ${r.tailMissing} missing at the end, ${r.fanoutIncomplete} events not at every member`,
      },
      { target: name, name: `${name}: no duplicate events`, ok: r.duplicates === 0, detail: `${r.duplicates}` },
      { target: name, name: `${name}: no refused commands`, ok: errors === 0, detail: JSON.stringify(r.errors) },
      { target: name, name: `${name}: every meeting ran its script`, ok: r.commands > 0 && r.ballotsAcked > 0, detail: `${r.commands} commands, ${r.ballotsAcked} ballots` },
    );
    if (name === "forumhub" || name === "forumhub-cluster") {
      const d = t.database;
      correctness.push({
        target: name,
        name: `${name}: ballots in PostgreSQL = ballots acknowledged`,
        ok: d.missing === 0 && d.extra === 0 && r.duplicateBallotAcks === 0,
        detail: `${d.ballotsStored} stored, ${d.ballotsAcked} acknowledged, ${d.missing} missing, ${d.extra} extra, ${r.duplicateBallotAcks} acknowledged twice`,
      });
      correctness.push({
        target: name,
        name: `${name}: each meeting's stored version = last seq the clients saw`,
        ok: d.meetingsWithSeqMismatch === 0,
        detail: `${d.meetingsWithSeqMismatch} meetings differ`,
      });
    }
  }
  const f = results.targets.forumhub;
  const b = results.targets.baseline;
  if (f) {
    const o = results.options;
    const full = o.meetings * o.participants >= 2000 && o.duration >= 300;
    const lat = f.latency;
    const fan = p(lat, "fanout_every_member_steady", "p99");
    const base = b ? p(b.latency, "fanout_every_member_steady", "p99") : null;
    const ballot = p(lat, "ack_ballot_steady", "p99");
    performance.push(
      {
        name: `${f.expectedConnections} connections held for ${o.duration} s, no unexpected disconnects`,
        goal: "2,000 for 300 s",
        value: `${f.connections} open, ${f.run.unexpectedDisconnects} dropped`,
        ok: f.connections === f.expectedConnections && f.run.unexpectedDisconnects === 0 && full,
        note: full ? "" : "not a full-size run",
      },
      { name: "ballot acknowledgement p99 (steady: polls in each meeting, not all at once)", goal: "<= 50 ms", value: `${fmt(ballot)} ms`, ok: ballot !== null && ballot <= 50 },
      { name: "fan-out p99, commit to every member (steady)", goal: "<= 100 ms", value: `${fmt(fan)} ms`, ok: fan !== null && fan <= 100 },
      {
        name: "fan-out p99 versus the bare SignalR baseline (steady)",
        goal: "<= 3x",
        value: base ? `${fmt(fan / base, 2)}x (${fmt(fan)} / ${fmt(base)} ms)` : "no baseline",
        ok: base !== null && fan !== null && fan <= 3 * base,
      },
      {
        name: `room of ${o.bigRoom} members voting within 1 s: each ballot on every screen (max)`,
        goal: "<= 1,000 ms, every ballot stored",
        value: `${fmt(p(lat, "bigroom_ballot_on_every_screen", "max"))} ms max, ${f.database.bigRoomStored}/${f.database.bigRoomAcked} stored`,
        ok:
          o.bigRoom >= 60 &&
          p(lat, "bigroom_ballot_on_every_screen", "max") !== null &&
          p(lat, "bigroom_ballot_on_every_screen", "max") <= 1000 &&
          f.database.bigRoomStored === f.database.bigRoomAcked,
        note: o.bigRoom >= 60 ? "" : `room of ${o.bigRoom} only`,
      },
      {
        name: "lost events; duplicate or missing ballots",
        goal: "0; 0",
        value: `${f.run.gaps + f.run.tailMissing + f.run.fanoutIncomplete}; ${f.database.missing + f.database.extra + f.run.duplicateBallotAcks}`,
        ok: f.run.gaps + f.run.tailMissing + f.run.fanoutIncomplete === 0 && f.database.missing + f.database.extra + f.run.duplicateBallotAcks === 0,
      },
      {
        name: "server memory per connection above idle (peak RSS)",
        goal: "<= 150 KB",
        value: `${fmt(f.server.kbPerConnectionPeak, 0)} KB`,
        ok: f.server.kbPerConnectionPeak <= 150,
      },
    );
    performance.push(...costTargets(f, b));
  }
  return { correctness, performance };
}

/**
 * Issue 16's targets: each a ratio to the bare SignalR hub measured in the same run, so a slower machine moves both
 * sides (CPU per command counts the Api and PostgreSQL, with the backends that ended during the run).
 */
function costTargets(f, b) {
  const ratio = (x, y) => (typeof x === "number" && typeof y === "number" && y > 0 ? x / y : null);
  const cost = f.server.totalCpuMsPerCommand;
  const costRatio = ratio(cost, b?.server.cpuMsPerCommand);
  const ballotRatio = ratio(p(f.latency, "ack_ballot_steady", "p99"), b ? p(b.latency, "ack_ballot_steady", "p99") : null);
  const burstRatio = ratio(p(f.latency, "ack_ballot_burst", "p99"), b ? p(b.latency, "ack_ballot_burst", "p99") : null);
  const stored = f.database.missing + f.database.extra === 0;
  return [
    {
      name: "server + PostgreSQL CPU per acknowledged command, versus the bare hub's (issue 16)",
      goal: "<= 1.5x",
      value: costRatio === null ? "no baseline" : `${fmt(costRatio, 2)}x (${fmt(cost, 2)} / ${fmt(b.server.cpuMsPerCommand, 2)} ms)`,
      ok: costRatio !== null && costRatio <= 1.5,
    },
    {
      name: "PostgreSQL CPU per acknowledged command (issue 16)",
      goal: "<= 0.5 ms",
      value: `${fmt(f.server.postgresCpuMsPerCommand, 2)} ms`,
      ok: typeof f.server.postgresCpuMsPerCommand === "number" && f.server.postgresCpuMsPerCommand <= 0.5,
    },
    {
      name: "ballot ack p99 versus the bare hub's (steady, issue 16)",
      goal: "<= 3x",
      value: ballotRatio === null ? "no baseline" : `${fmt(ballotRatio, 2)}x`,
      ok: ballotRatio !== null && ballotRatio <= 3,
    },
    {
      name: "everyone at once: ballot ack p99 versus the bare hub's, every ballot stored (issue 16)",
      goal: "<= 5x; 0 missing",
      value: burstRatio === null ? "no baseline" : `${fmt(burstRatio, 2)}x; ${f.database.missing + f.database.extra} missing or extra`,
      ok: burstRatio !== null && burstRatio <= 5 && stored,
    },
    {
      name: "every connection open, from the first connect (issue 16: 5,000 in under 15 s)",
      goal: "<= 15 s",
      value: typeof f.connectSeconds === "number" ? `${fmt(f.connectSeconds, 1)} s for ${f.connections}` : "not measured",
      ok: typeof f.connectSeconds === "number" && f.connectSeconds <= 15,
    },
    {
      name: "server memory per connection above idle, peak (issue 16)",
      goal: "<= 100 KB",
      value: `${fmt(f.server.kbPerConnectionPeak, 0)} KB`,
      ok: f.server.kbPerConnectionPeak <= 100,
    },
  ];
}

const LABELS = { forumhub: "ForumHub", "forumhub-cluster": "ForumHub, 2 nodes", baseline: "bare SignalR" };
const ORDER = ["forumhub", "forumhub-cluster", "baseline"];

/**
 * The table's columns: one per target (ForumHub, ForumHub on a cluster, the bare hub, those that ran), then the
 * ratios: each ForumHub target to the bare hub, and the cluster to one node. With ForumHub and the bare hub only, the
 * table is the same as before the cluster target (one "ratio" column).
 */
function columns(results) {
  const present = ORDER.filter((n) => results.targets[n]);
  const forums = present.filter((n) => n !== "baseline");
  const ratios = [];
  if (results.targets.baseline) {
    for (const n of forums) ratios.push({ label: forums.length === 1 ? "ratio" : `${n === "forumhub" ? "1 node" : "2 nodes"} / bare`, of: n, to: "baseline" });
  }
  if (results.targets.forumhub && results.targets["forumhub-cluster"]) ratios.push({ label: "2 nodes / 1 node", of: "forumhub-cluster", to: "forumhub" });
  const nodes = results.targets["forumhub-cluster"]?.cluster?.nodes;
  const label = (n) => (n === "forumhub-cluster" && nodes ? `ForumHub, ${nodes} nodes` : LABELS[n] ?? n);
  return { present, ratios, label };
}

export function renderMarkdown(results) {
  const f = results.targets.forumhub;
  const b = results.targets.baseline;
  const c = results.targets["forumhub-cluster"];
  const o = results.options;
  const m = results.machine;
  const cols = columns(results);
  /** A row: `get(target, name)` gives each column's value; `ratio` adds the ratio columns. */
  const row = (label, get, ratio = false, digits = 1) => {
    const values = cols.present.map((n) => {
      const v = get(results.targets[n], n);
      return v === undefined ? null : v;
    });
    const at = (n) => values[cols.present.indexOf(n)];
    const ratios = cols.ratios.map((r) => {
      const x = at(r.of);
      const y = at(r.to);
      return ratio && typeof x === "number" && typeof y === "number" && y > 0 ? `${(x / y).toFixed(2)}x` : "";
    });
    return `| ${[label, ...values.map((v) => fmt(v, digits)), ...ratios].join(" | ")} |`;
  };
  const L = (name, key) => (t) => p(t.latency, name, key);
  const forumOnly = (get) => (t, n) => (n === "baseline" ? null : get(t));
  const clusterRows = [];
  if (c) {
    const cs = c.server;
    const only = (get) => (t, n) => (n === "forumhub-cluster" ? get(t) : null);
    const perNode = (c.cluster?.perNode ?? []).map((x) => `${x.node} ${x.meetings}${x.connections === null ? "" : ` (${x.connections})`}`).join(", ");
    const nodeCpu = Object.entries(cs.nodeCpuPctOfOneCore ?? {}).map(([n, v]) => `${n} ${fmt(v, 0)}`).join(", ");
    clusterRows.push(
      row("cluster: meetings (connections) served per node (ForumHub-Node of a request about each meeting)", only(() => perNode || "unknown")),
      row("cluster: server CPU per node, % of one core (run)", only(() => nodeCpu || "-")),
      row("cluster: nginx CPU, % of one core (run; not in server CPU)", only(() => cs.nginxCpuPctOfOneCore), false, 1),
      row("cluster: redis-server CPU, % of one core (run; not in server CPU)", only(() => cs.redisCpuPctOfOneCore), false, 1),
      row("cluster: nginx + redis-server CPU per acknowledged command / ms", only(() => cs.frontCpuMsPerCommand), false, 2),
      row(
        "cluster: nodes + PostgreSQL + nginx + redis-server CPU per acknowledged command / ms",
        only(() => (typeof cs.totalCpuMsPerCommand === "number" && typeof cs.frontCpuMsPerCommand === "number" ? cs.totalCpuMsPerCommand + cs.frontCpuMsPerCommand : null)),
        false,
        2,
      ),
    );
  }
  const names = cols.present.map((n) => (n === "forumhub" ? "ForumHub" : n === "baseline" ? "the baseline" : `ForumHub on ${c?.cluster?.nodes ?? 2} nodes behind nginx (meeting affinity)`));
  const lines = [];
  lines.push(
    `Run: ${results.label}, ${results.started} to ${results.finished}. ` +
      `${o.meetings} meetings x ${o.participants} connections${o.bigRoom ? ` + 1 room of ${o.bigRoom} members (+ facilitator and screen)` : ""}, ` +
      (c
        ? `${o.duration} s each for ${names.slice(0, -1).join(", ")}${names.length > 1 ? " and " : ""}${names[names.length - 1]}, one after the other; ${o.workers} generator processes.`
        : `${o.duration} s each for ForumHub and for the baseline, one after the other; ${o.workers} generator processes.`) +
      (o.warmup > 0 ? ` Each server first warmed up for ${o.warmup} s with ${Math.min(o.warmupMeetings, o.meetings)} meetings of its own (not measured).` : ""),
    "",
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, ${m.os}; .NET SDK ${m.dotnet}, Node ${m.node}. ` +
      `Load average before: ${results.loadAverageBefore.join(" ")}; after: ${results.loadAverageAfter.join(" ")}.` +
      (m.fdatasyncUs ? ` One fdatasync (pg_test_fsync, 8 kB writes): ${fmt(m.fdatasyncUs, 0)} us.` : ""),
  );
  if (c) {
    lines.push(
      "",
      `${cols.label("forumhub-cluster")}: ${c.cluster?.nodes ?? 2} Api processes on one PostgreSQL database, redis-server for their membership, one nginx in ` +
        "front with meeting affinity (`hash $meeting_key consistent` on `?meeting=` and `/api/meetings/<id>/`); every client connects through nginx, " +
        "all on this machine. Its server CPU and RSS (and so memory per connection) are the sum over the nodes; nginx's and redis-server's CPU are " +
        "not in it and are listed in the cluster rows; PostgreSQL as for one node.",
    );
  }
  lines.push(
    "",
    `| ${["measure", ...cols.present.map(cols.label), ...cols.ratios.map((r) => r.label)].join(" | ")} |`,
    `|${["---", ...[...cols.present, ...cols.ratios].map(() => "---:")].join("|")}|`,
    row("connections open / expected", (t) => `${t.connections}/${t.expectedConnections}`),
    row("commands acknowledged per second", (t) => t.run.commandsPerSecond, true, 0),
    row("ballots acknowledged per second (whole run)", (t) => t.run.ballotsPerSecond, true, 0),
    row("events delivered per second (all clients)", (t) => t.run.deliveriesPerSecond, true, 0),
    row("command ack p50 / ms (steady)", L("ack_all_steady", "p50"), true),
    row("command ack p99 / ms (steady)", L("ack_all_steady", "p99"), true),
    row("command ack max / ms (steady)", L("ack_all_steady", "max"), true),
    row("ballot ack p50 / ms (steady)", L("ack_ballot_steady", "p50"), true),
    row("ballot ack p99 / ms (steady)", L("ack_ballot_steady", "p99"), true),
    row("ballot ack max / ms (steady)", L("ack_ballot_steady", "max"), true),
    row("fan-out to every member p50 / ms (steady)", L("fanout_every_member_steady", "p50"), true),
    row("fan-out to every member p99 / ms (steady)", L("fanout_every_member_steady", "p99"), true),
    row("fan-out to every member max / ms (steady)", L("fanout_every_member_steady", "max"), true),
    row("fan-out spread, first to last member p99 / ms (whole run)", L("fanout_spread", "p99"), true),
    row("burst (every meeting polls at once): ballots acknowledged", L("ack_ballot_burst", "count"), false, 0),
    row("burst: ballot ack p50 / ms", L("ack_ballot_burst", "p50"), true),
    row("burst: ballot ack p99 / ms", L("ack_ballot_burst", "p99"), true),
    row("burst: ballot ack max / ms", L("ack_ballot_burst", "max"), true),
    row("burst: fan-out to every member p99 / ms", L("fanout_every_member_burst", "p99"), true),
    row("whole run: ballot ack p99 / ms", L("ack_ballot", "p99"), true),
    row("whole run: fan-out to every member p99 / ms", L("fanout_every_member", "p99"), true),
    row("fan-out, each delivery p50 / ms", L("fanout_delivery", "p50"), true),
    row("fan-out, each delivery p99 / ms", L("fanout_delivery", "p99"), true),
    row(`big room: ballot sent -> on all ${o.bigRoom ? o.bigRoom + 2 : 0} screens p99 / ms`, L("bigroom_ballot_on_every_screen", "p99"), true),
    row("big room: ballot sent -> on all screens max / ms", L("bigroom_ballot_on_every_screen", "max"), true),
    row("big room: last ballot sent -> whole tally on every screen, max / ms", L("bigroom_all_ballots_on_every_screen_since_last_cast", "max"), true),
    row("sequence gaps (events lost) over all clients", (t) => t.run.gaps + t.run.tailMissing + t.run.fanoutIncomplete, false, 0),
    row("duplicate events", (t) => t.run.duplicates, false, 0),
    row("unexpected disconnects", (t) => t.run.unexpectedDisconnects, false, 0),
    row("refused or failed commands", (t) => Object.values(t.run.errors).reduce((a, v) => a + v, 0), false, 0),
    row("ballots acknowledged", (t) => t.run.ballotsAcked, false, 0),
    row("ballots in PostgreSQL", forumOnly((t) => t.database.ballotsStored), false, 0),
    row("server CPU, % of one core (run)", (t) => t.server.cpuPctOfOneCore, true, 0),
    row("server CPU per acknowledged command / ms", (t) => t.server.cpuMsPerCommand, true, 2),
    row("PostgreSQL CPU, % of one core (run, ended backends included)", forumOnly((t) => t.server.postgresCpuPctOfOneCore), false, 0),
    row("PostgreSQL CPU per acknowledged command / ms", forumOnly((t) => t.server.postgresCpuMsPerCommand), false, 2),
    row(
      "server + PostgreSQL CPU per acknowledged command / ms (ratio: to the bare hub's server CPU)",
      (t, n) => (n === "baseline" ? t.server.cpuMsPerCommand : t.server.totalCpuMsPerCommand),
      true,
      2,
    ),
    ...clusterRows,
    row("machine busy, % of all cores (run)", (t) => t.server.machineBusyPct, false, 0),
    row("generator CPU, % of one core (all processes)", (t) => t.clients.cpuPctOfOneCoreTotal, false, 0),
    row("generator event-loop delay p99 / ms (worst process)", (t) => Math.max(...t.clients.eventLoopDelayMs.map((e) => e.p99)), false, 1),
    row("server RSS idle (just started) / MB", (t) => t.server.rssIdleMb, false, 0),
    row("server RSS after the warm-up, nobody connected / MB", (t) => t.server.rssWarmedMb, false, 0),
    row("server RSS, all connected / MB", (t) => t.server.rssConnectedMb, false, 0),
    row("server RSS peak during the run / MB", (t) => t.server.rssPeakMb, false, 0),
    row("memory per connection above idle, connected / KB", (t) => t.server.kbPerConnectionConnected, true, 0),
    row("memory per connection above idle, peak / KB", (t) => t.server.kbPerConnectionPeak, true, 0),
  );
  const ev = results.evaluation;
  if (ev.performance.length > 0) {
    lines.push("", "| target (issues 7 and 16) | goal | measured | |", "|---|---|---|---|");
    for (const t of ev.performance) lines.push(`| ${t.name} | ${t.goal} | ${t.value} | ${t.ok ? "met" : `**missed**${t.note ? ` (${t.note})` : ""}`} |`);
  }
  const profiles = Object.entries(results.targets).filter(([, t]) => t.trace?.byComponent?.length);
  if (profiles.length > 0) {
    lines.push("", `Where each server's CPU went (${profiles.map(([n, t]) => `${n}: ${t.trace.tool}`).join(", ")}; ${o.profileSeconds} s in the middle of the run; share of its on-CPU samples, self time by component):`, "");
    for (const [name, t] of profiles) {
      lines.push(`${name}: ${t.trace.byComponent.slice(0, 14).map((c) => `${c.component} ${c.percent.toFixed(1)}%`).join(", ")}.`, "");
    }
    lines.pop();
  }
  const failed = ev.correctness.filter((c) => !c.ok);
  lines.push("", failed.length === 0 ? `Correctness checks: all ${ev.correctness.length} passed.` : `Correctness checks failed: ${failed.map((c) => `${c.name} (${c.detail})`).join("; ")}.`);
  return lines.join("\n") + "\n";
}

/** Replaces the generated block in docs/benchmarks.md (adds the issue-7 section the first time). */
export function updateDocs(file, results, outRel) {
  const block = [BEGIN, "", `Results of the last run (\`${outRel}/results.json\`):`, "", renderMarkdown(results).trimEnd(), "", END].join("\n");
  let text = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
  const i = text.indexOf(BEGIN);
  const j = text.indexOf(END);
  if (i >= 0 && j > i) text = text.slice(0, i) + block + text.slice(j + END.length);
  else text = `${text.trimEnd()}\n\n## Many live meetings on one machine, beside bare SignalR (issue 7)\n\nCommand: \`bench/run.sh\` (see bench/README.md).\n\n${block}\n`;
  writeFileSync(file, text);
}
