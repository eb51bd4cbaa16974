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
    if (name === "forumhub") {
      const d = t.database;
      correctness.push({
        target: name,
        name: "forumhub: ballots in PostgreSQL = ballots acknowledged",
        ok: d.missing === 0 && d.extra === 0 && r.duplicateBallotAcks === 0,
        detail: `${d.ballotsStored} stored, ${d.ballotsAcked} acknowledged, ${d.missing} missing, ${d.extra} extra, ${r.duplicateBallotAcks} acknowledged twice`,
      });
      correctness.push({
        target: name,
        name: "forumhub: each meeting's stored version = last seq the clients saw",
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

function row(label, f, b, ratio = false, digits = 1) {
  const r = ratio && typeof f === "number" && typeof b === "number" && b > 0 ? `${(f / b).toFixed(2)}x` : "";
  return `| ${label} | ${fmt(f, digits)} | ${fmt(b, digits)} | ${r} |`;
}

export function renderMarkdown(results) {
  const f = results.targets.forumhub;
  const b = results.targets.baseline;
  const o = results.options;
  const m = results.machine;
  const L = (t, name, key) => (t ? p(t.latency, name, key) : null);
  const lines = [];
  lines.push(
    `Run: ${results.label}, ${results.started} to ${results.finished}. ` +
      `${o.meetings} meetings x ${o.participants} connections${o.bigRoom ? ` + 1 room of ${o.bigRoom} members (+ facilitator and screen)` : ""}, ` +
      `${o.duration} s each for ForumHub and for the baseline, one after the other; ${o.workers} generator processes.` +
      (o.warmup > 0 ? ` Each server first warmed up for ${o.warmup} s with ${Math.min(o.warmupMeetings, o.meetings)} meetings of its own (not measured).` : ""),
    "",
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, ${m.os}; .NET SDK ${m.dotnet}, Node ${m.node}. ` +
      `Load average before: ${results.loadAverageBefore.join(" ")}; after: ${results.loadAverageAfter.join(" ")}.` +
      (m.fdatasyncUs ? ` One fdatasync (pg_test_fsync, 8 kB writes): ${fmt(m.fdatasyncUs, 0)} us.` : ""),
    "",
    "| measure | ForumHub | bare SignalR | ratio |",
    "|---|---:|---:|---:|",
    row("connections open / expected", f ? `${f.connections}/${f.expectedConnections}` : null, b ? `${b.connections}/${b.expectedConnections}` : null),
    row("commands acknowledged per second", f?.run.commandsPerSecond, b?.run.commandsPerSecond, true, 0),
    row("ballots acknowledged per second (whole run)", f?.run.ballotsPerSecond, b?.run.ballotsPerSecond, true, 0),
    row("events delivered per second (all clients)", f?.run.deliveriesPerSecond, b?.run.deliveriesPerSecond, true, 0),
    row("command ack p50 / ms (steady)", L(f, "ack_all_steady", "p50"), L(b, "ack_all_steady", "p50"), true),
    row("command ack p99 / ms (steady)", L(f, "ack_all_steady", "p99"), L(b, "ack_all_steady", "p99"), true),
    row("command ack max / ms (steady)", L(f, "ack_all_steady", "max"), L(b, "ack_all_steady", "max"), true),
    row("ballot ack p50 / ms (steady)", L(f, "ack_ballot_steady", "p50"), L(b, "ack_ballot_steady", "p50"), true),
    row("ballot ack p99 / ms (steady)", L(f, "ack_ballot_steady", "p99"), L(b, "ack_ballot_steady", "p99"), true),
    row("ballot ack max / ms (steady)", L(f, "ack_ballot_steady", "max"), L(b, "ack_ballot_steady", "max"), true),
    row("fan-out to every member p50 / ms (steady)", L(f, "fanout_every_member_steady", "p50"), L(b, "fanout_every_member_steady", "p50"), true),
    row("fan-out to every member p99 / ms (steady)", L(f, "fanout_every_member_steady", "p99"), L(b, "fanout_every_member_steady", "p99"), true),
    row("fan-out to every member max / ms (steady)", L(f, "fanout_every_member_steady", "max"), L(b, "fanout_every_member_steady", "max"), true),
    row("fan-out spread, first to last member p99 / ms (whole run)", L(f, "fanout_spread", "p99"), L(b, "fanout_spread", "p99"), true),
    row("burst (every meeting polls at once): ballots acknowledged", L(f, "ack_ballot_burst", "count"), L(b, "ack_ballot_burst", "count"), false, 0),
    row("burst: ballot ack p50 / ms", L(f, "ack_ballot_burst", "p50"), L(b, "ack_ballot_burst", "p50"), true),
    row("burst: ballot ack p99 / ms", L(f, "ack_ballot_burst", "p99"), L(b, "ack_ballot_burst", "p99"), true),
    row("burst: ballot ack max / ms", L(f, "ack_ballot_burst", "max"), L(b, "ack_ballot_burst", "max"), true),
    row("burst: fan-out to every member p99 / ms", L(f, "fanout_every_member_burst", "p99"), L(b, "fanout_every_member_burst", "p99"), true),
    row("whole run: ballot ack p99 / ms", L(f, "ack_ballot", "p99"), L(b, "ack_ballot", "p99"), true),
    row("whole run: fan-out to every member p99 / ms", L(f, "fanout_every_member", "p99"), L(b, "fanout_every_member", "p99"), true),
    row("fan-out, each delivery p50 / ms", L(f, "fanout_delivery", "p50"), L(b, "fanout_delivery", "p50"), true),
    row("fan-out, each delivery p99 / ms", L(f, "fanout_delivery", "p99"), L(b, "fanout_delivery", "p99"), true),
    row(`big room: ballot sent -> on all ${o.bigRoom ? o.bigRoom + 2 : 0} screens p99 / ms`, L(f, "bigroom_ballot_on_every_screen", "p99"), L(b, "bigroom_ballot_on_every_screen", "p99"), true),
    row("big room: ballot sent -> on all screens max / ms", L(f, "bigroom_ballot_on_every_screen", "max"), L(b, "bigroom_ballot_on_every_screen", "max"), true),
    row("big room: last ballot sent -> whole tally on every screen, max / ms", L(f, "bigroom_all_ballots_on_every_screen_since_last_cast", "max"), L(b, "bigroom_all_ballots_on_every_screen_since_last_cast", "max"), true),
    row("sequence gaps (events lost) over all clients", f ? f.run.gaps + f.run.tailMissing + f.run.fanoutIncomplete : null, b ? b.run.gaps + b.run.tailMissing + b.run.fanoutIncomplete : null, false, 0),
    row("duplicate events", f?.run.duplicates, b?.run.duplicates, false, 0),
    row("unexpected disconnects", f?.run.unexpectedDisconnects, b?.run.unexpectedDisconnects, false, 0),
    row("refused or failed commands", f ? Object.values(f.run.errors).reduce((a, c) => a + c, 0) : null, b ? Object.values(b.run.errors).reduce((a, c) => a + c, 0) : null, false, 0),
    row("ballots acknowledged", f?.run.ballotsAcked, b?.run.ballotsAcked, false, 0),
    row("ballots in PostgreSQL", f?.database.ballotsStored, null, false, 0),
    row("server CPU, % of one core (run)", f?.server.cpuPctOfOneCore, b?.server.cpuPctOfOneCore, true, 0),
    row("server CPU per acknowledged command / ms", f?.server.cpuMsPerCommand, b?.server.cpuMsPerCommand, true, 2),
    row("PostgreSQL CPU, % of one core (run, ended backends included)", f?.server.postgresCpuPctOfOneCore, null, false, 0),
    row("PostgreSQL CPU per acknowledged command / ms", f?.server.postgresCpuMsPerCommand, null, false, 2),
    row("server + PostgreSQL CPU per acknowledged command / ms (ratio: to the bare hub's server CPU)", f?.server.totalCpuMsPerCommand, b?.server.cpuMsPerCommand, true, 2),
    row("machine busy, % of all cores (run)", f?.server.machineBusyPct, b?.server.machineBusyPct, false, 0),
    row("generator CPU, % of one core (all processes)", f?.clients.cpuPctOfOneCoreTotal, b?.clients.cpuPctOfOneCoreTotal, false, 0),
    row("generator event-loop delay p99 / ms (worst process)", f ? Math.max(...f.clients.eventLoopDelayMs.map((e) => e.p99)) : null, b ? Math.max(...b.clients.eventLoopDelayMs.map((e) => e.p99)) : null, false, 1),
    row("server RSS idle (just started) / MB", f?.server.rssIdleMb, b?.server.rssIdleMb, false, 0),
    row("server RSS after the warm-up, nobody connected / MB", f?.server.rssWarmedMb, b?.server.rssWarmedMb, false, 0),
    row("server RSS, all connected / MB", f?.server.rssConnectedMb, b?.server.rssConnectedMb, false, 0),
    row("server RSS peak during the run / MB", f?.server.rssPeakMb, b?.server.rssPeakMb, false, 0),
    row("memory per connection above idle, connected / KB", f?.server.kbPerConnectionConnected, b?.server.kbPerConnectionConnected, true, 0),
    row("memory per connection above idle, peak / KB", f?.server.kbPerConnectionPeak, b?.server.kbPerConnectionPeak, true, 0),
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
