// Shared helpers for the load generator: clocks, histograms, small utilities.
import * as hdr from "hdr-histogram-js";

/** Wall-clock milliseconds with sub-millisecond precision (the same system clock the .NET server stamps `at` with). */
export const nowMs = () => performance.timeOrigin + performance.now();

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Milliseconds since the epoch, with the fraction, of an ISO 8601 instant such as 2026-11-22T00:12:26.2335807+00:00. */
export function parseAtMs(at) {
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d)$/.exec(at);
  if (!m) return Number.NaN;
  const whole = Date.parse(m[1] + m[3]);
  return m[2] ? whole + Number(m[2]) * 1000 : whole;
}

/** Latencies are recorded in microseconds, 1 µs .. 1 hour, 3 significant digits. */
export function newHistogram() {
  return hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: 3 });
}

/** Records a latency given in milliseconds (negative values, from clock steps, are counted as 0). */
export function recordMs(histogram, ms) {
  const us = Math.round(ms * 1000);
  histogram.recordValue(Math.min(Math.max(us, 1), 3_600_000_000));
}

export const encodeHistogram = (h) => hdr.encodeIntoCompressedBase64(h);
export const decodeHistogram = (s) => hdr.decodeFromCompressedBase64(s);

/** A named set of histograms that can be sent between processes and merged. */
export class Histograms {
  constructor() {
    /** @type {Map<string, import("hdr-histogram-js").Histogram>} */
    this.map = new Map();
  }
  get(name) {
    let h = this.map.get(name);
    if (!h) {
      h = newHistogram();
      this.map.set(name, h);
    }
    return h;
  }
  record(name, ms) {
    recordMs(this.get(name), ms);
  }
  encode() {
    return Object.fromEntries([...this.map].map(([k, h]) => [k, encodeHistogram(h)]));
  }
  addEncoded(encoded) {
    for (const [k, s] of Object.entries(encoded)) this.get(k).add(decodeHistogram(s));
  }
}

/** p50/p90/p99/max in milliseconds of a histogram (null when it is empty). */
export function summary(h) {
  if (!h || h.totalCount === 0) return null;
  const ms = (us) => Math.round(us) / 1000;
  return {
    count: h.totalCount,
    p50: ms(h.getValueAtPercentile(50)),
    p90: ms(h.getValueAtPercentile(90)),
    p99: ms(h.getValueAtPercentile(99)),
    p999: ms(h.getValueAtPercentile(99.9)),
    max: ms(h.maxValue),
    mean: Math.round(h.mean) / 1000,
  };
}

export function pick(list, random = Math.random) {
  return list[Math.floor(random() * list.length)];
}

/** The hub error code in a SignalR error message ("... HubException: already_voted: ..."), or a transport marker. */
export function errorCode(error) {
  const message = error instanceof Error ? error.message : String(error);
  const m = /HubException: ([a-z][a-z0-9_]*): /.exec(message);
  if (m) return m[1];
  if (/not in the 'Connected' State|connection (was )?(stopped|closed)|Invocation canceled/i.test(message)) return "transport";
  return "other";
}

export const RETRIABLE = new Set(["conflict", "storage_unavailable", "rate_limited", "transport"]);
