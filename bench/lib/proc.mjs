// Process and machine statistics from /proc (Linux): CPU time, RSS, and a sampler that keeps a time series.
import { readFileSync, readdirSync } from "node:fs";

const TICKS = 100; // USER_HZ on Linux

/**
 * CPU seconds (user + system) and RSS in bytes of one process, or null when it is gone. `reapedSec` is the CPU of its
 * children that have ended and been waited for (cutime + cstime): a PostgreSQL backend that exits moves its time there.
 */
export function procStat(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // fields[0] is state (field 3): utime is field 14, stime 15, cutime 16, cstime 17, rss 24 (pages)
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    const reaped = Number(fields[13]) + Number(fields[14]);
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    const threads = Number(/Threads:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return { cpuSec: (utime + stime) / TICKS, userSec: utime / TICKS, systemSec: stime / TICKS, reapedSec: reaped / TICKS, rssBytes: rssKb * 1024, threads };
  } catch {
    return null;
  }
}

/** The process and all its descendants (e.g. the postmaster and its backends). */
export function processTree(rootPid) {
  const children = new Map();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(name));
    } catch {
      // gone
    }
  }
  const out = [];
  const stack = [rootPid];
  while (stack.length > 0) {
    const pid = stack.pop();
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/**
 * CPU seconds of a whole process tree, including its ended children: each live process's own time plus what it has
 * reaped from children that ended (PostgreSQL's pooled backends come and go; their time lands in the postmaster's
 * cutime/cstime when they exit). A backend that ends between two reads can be missed once and counted at the next.
 */
export function treeCpuSec(rootPid) {
  let sum = 0;
  for (const pid of processTree(rootPid)) {
    const stat = procStat(pid);
    if (stat) sum += stat.cpuSec + stat.reapedSec;
  }
  return sum;
}

/**
 * A process tree's CPU seconds as a counter that never goes down: a backend missed by one read (ended, not yet
 * reaped) is counted when it reappears in its parent's reaped time, so a sample is never negative.
 */
export function treeCpuCounter(rootPid) {
  let high = treeCpuSec(rootPid);
  return () => {
    high = Math.max(high, treeCpuSec(rootPid));
    return high;
  };
}

/** Machine-wide CPU: busy and total jiffies since boot. */
export function machineCpu() {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0];
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = v[3] + (v[4] ?? 0);
  const total = v.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

export function loadAverage() {
  return readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).map(Number);
}

/** CPU seconds, RSS and threads summed over several processes (a cluster's nodes); null when any of them is gone. */
export function sumStat(pids) {
  const stats = pids.map((pid) => procStat(pid));
  if (stats.some((x) => x === null)) return null;
  return {
    cpuSec: stats.reduce((n, x) => n + x.cpuSec, 0),
    rssBytes: stats.reduce((n, x) => n + x.rssBytes, 0),
    threads: stats.reduce((n, x) => n + x.threads, 0),
    each: stats,
  };
}

/**
 * Samples the server (one process, or the sum over `serverPids`: a cluster's nodes), optionally PostgreSQL's process
 * tree and `others` (name -> root pid of a process tree, e.g. nginx and redis-server in front of a cluster, reported
 * apart from the server) every intervalMs; stop() returns the series and the totals over the sampled span.
 */
export function startSampler({ serverPid, serverPids, pgPid, others = {}, intervalMs = 1000 }) {
  const pids = serverPids ?? [serverPid];
  const series = [];
  const pgCpu = pgPid ? treeCpuCounter(pgPid) : () => null;
  const otherCpu = Object.entries(others).filter(([, pid]) => pid).map(([name, pid]) => [name, treeCpuCounter(pid)]);
  const read = () => ({
    t: Date.now(),
    server: sumStat(pids),
    pgCpu: pgCpu(),
    others: Object.fromEntries(otherCpu.map(([name, counter]) => [name, counter()])),
    machine: machineCpu(),
  });
  const first = read();
  let last = first;
  const timer = setInterval(() => {
    const now = read();
    const dt = (now.t - last.t) / 1000;
    if (now.server && last.server && dt > 0) {
      series.push({
        t: now.t,
        serverCpuPct: (100 * (now.server.cpuSec - last.server.cpuSec)) / dt,
        pgCpuPct: now.pgCpu !== null && last.pgCpu !== null ? (100 * (now.pgCpu - last.pgCpu)) / dt : null,
        machineBusyPct: (100 * (now.machine.busy - last.machine.busy)) / Math.max(1, now.machine.total - last.machine.total),
        rssMb: now.server.rssBytes / 1048576,
        threads: now.server.threads,
        ...(pids.length > 1
          ? {
              nodeCpuPct: now.server.each.map((x, i) => (100 * (x.cpuSec - last.server.each[i].cpuSec)) / dt),
              nodeRssMb: now.server.each.map((x) => x.rssBytes / 1048576),
            }
          : {}),
        ...(otherCpu.length > 0 ? { othersCpuPct: Object.fromEntries(otherCpu.map(([name]) => [name, (100 * (now.others[name] - last.others[name])) / dt])) } : {}),
      });
    }
    last = now;
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      const end = read();
      const seconds = (end.t - first.t) / 1000;
      const pct = (a, b) => (a === null || b === null ? null : (100 * (b - a)) / seconds);
      const rss = series.map((s) => s.rssMb);
      return {
        seconds,
        serverCpuPctOfOneCore: end.server && first.server ? pct(first.server.cpuSec, end.server.cpuSec) : null,
        // Each node's share of the server CPU (a cluster), in the order of serverPids.
        nodeCpuPctOfOneCore: pids.length > 1 && end.server && first.server ? end.server.each.map((x, i) => pct(first.server.each[i].cpuSec, x.cpuSec)) : null,
        pgCpuPctOfOneCore: pct(first.pgCpu, end.pgCpu),
        othersCpuPctOfOneCore: Object.fromEntries(otherCpu.map(([name]) => [name, pct(first.others[name], end.others[name])])),
        machineBusyPct: (100 * (end.machine.busy - first.machine.busy)) / Math.max(1, end.machine.total - first.machine.total),
        serverRssPeakMb: rss.length ? Math.max(...rss) : null,
        serverRssEndMb: end.server ? end.server.rssBytes / 1048576 : null,
        series,
      };
    },
  };
}
