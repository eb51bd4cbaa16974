// Issue 12: the Prometheus scrape endpoint (docs/metrics.md). A short meeting over real SignalR against the real Api
// with Metrics__Port set; two scrapes show the counters moving. The endpoint is on its own loopback port only: not on
// the Api's port, not on the machine's network address, and not there at all when Metrics__Port is unset.
import assert from "node:assert/strict";
import net from "node:net";
import os from "node:os";
import { after, before, test } from "node:test";
import * as signalR from "@microsoft/signalr";
import { startApp } from "./lib/app.mjs";
import { adminEnv, facilitatorHttp } from "./lib/facilitator.mjs";
import { MeetingClient } from "./lib/client.mjs";

let app;
let metricsPort;
const clients = [];

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

before(async () => {
  metricsPort = await freePort();
  // Six joins (or code look-ups) a minute from one address: the test reaches the limit on purpose.
  app = await startApp({ dbName: "e2e_metrics", env: { ...adminEnv, Metrics__Port: String(metricsPort), RateLimits__JoinsPerMinutePerAddress: "6" } });
});

after(async () => {
  await Promise.all(clients.map((c) => c.stop()));
  await app?.stop();
});

/** Parses Prometheus text: "name{a="b",...} value" -> [{ name, labels, value }]. */
function parse(text) {
  const samples = [];
  for (const line of text.split("\n")) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!m || line.startsWith("#")) continue;
    const labels = {};
    for (const [, k, v] of (m[2] ?? "").matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[k] = v;
    samples.push({ name: m[1], labels, value: Number(m[3]) });
  }
  return samples;
}

/** The sum of every sample called `name` whose labels include `want`. */
function total(samples, name, want = {}) {
  return samples
    .filter((s) => s.name === name && Object.entries(want).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);
}

async function scrape() {
  const response = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
  assert.equal(response.status, 200);
  assert.match(response.headers.get("content-type") ?? "", /text\/plain|openmetrics/);
  return parse(await response.text());
}

function connect(meetingId, token) {
  const client = new MeetingClient({ baseUrl: app.baseUrl, meetingId, token, signalR, signalRLogger: { log() {} } });
  clients.push(client);
  return client;
}

/** True when something accepts TCP connections on host:port. */
function listening(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2_000 });
    socket.once("connect", () => { socket.destroy(); resolve(true); });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => { socket.destroy(); resolve(false); });
  });
}

test("a meeting moves the counters: commands, refusals, connections by role, live meetings, ack and broadcast latency", async () => {
  const http = await facilitatorHttp(app.baseUrl);
  const created = await http.createMeeting({ title: "Metrics forum", facilitatorName: "Fay" });
  const meetingId = created.meetingId;
  const fay = connect(meetingId, created.facilitatorToken);
  const screen = connect(meetingId, created.screenToken);
  const annJoin = await http.join({ code: created.joinCode, displayName: "Ann" });
  const benJoin = await http.join({ code: created.joinCode, displayName: "Ben" });
  const ann = connect(meetingId, annJoin.token);
  const ben = connect(meetingId, benJoin.token);
  await Promise.all([fay.start(), screen.start(), ann.start(), ben.start()]);

  const first = await scrape();
  assert.equal(total(first, "forumhub_connections", { role: "member" }), 2, "two members connected");
  assert.equal(total(first, "forumhub_connections", { role: "facilitator" }), 1);
  assert.equal(total(first, "forumhub_connections", { role: "screen" }), 1);
  assert.equal(total(first, "forumhub_connections", { role: "listener" }), 0, "roles with nobody are reported as 0");
  assert.ok(total(first, "forumhub_meetings_live") >= 1, "the meeting is live");
  assert.ok(total(first, "forumhub_commands_total", { method: "JoinMeeting", outcome: "ok" }) >= 4, "four joins counted");

  await ann.answerQuestion({ question: "whyAreYouHere", text: "To speak up" });
  await ben.answerQuestion({ question: "whyAreYouHere", text: "To meet people" });
  await ann.answerQuestion({ question: "whatDoYouWantToDo", text: "Talk about buses" });
  // A member may not move the meeting on: refused with not_allowed, counted by code.
  await assert.rejects(ann.moveToPhase({ phase: "agenda" }), (e) => e.code === "not_allowed");
  await fay.moveToPhase({ phase: "agenda" });
  await ben.stop();

  const second = await scrape();
  const moved = (name, labels) => total(second, name, labels) - total(first, name, labels);
  assert.equal(moved("forumhub_commands_total", { method: "AnswerQuestion", outcome: "ok" }), 3, "three answers");
  assert.equal(moved("forumhub_commands_total", { method: "MoveToPhase", outcome: "refused" }), 1);
  assert.equal(moved("forumhub_commands_total", { method: "MoveToPhase", outcome: "ok" }), 1);
  assert.equal(moved("forumhub_commands_refused_total", { method: "MoveToPhase", code: "not_allowed" }), 1);
  assert.equal(moved("forumhub_command_duration_seconds_count", { method: "AnswerQuestion" }), 3, "ack latency recorded per answer");
  assert.ok(moved("forumhub_command_duration_seconds_sum", { method: "AnswerQuestion" }) > 0);
  // Ben's connection closes on the server a moment after his client stops.
  let members = total(second, "forumhub_connections", { role: "member" });
  for (let i = 0; i < 50 && members !== 1; i++) {
    await new Promise((r) => setTimeout(r, 100));
    members = total(await scrape(), "forumhub_connections", { role: "member" });
  }
  assert.equal(members, 1, "Ben left");
  // Broadcast latency is recorded when the last send of a command finishes, a moment after its acknowledgement.
  const broadcasts = async () => total(await scrape(), "forumhub_broadcast_duration_seconds_count") - total(first, "forumhub_broadcast_duration_seconds_count");
  let broadcast = await broadcasts();
  for (let i = 0; i < 50 && broadcast < 4; i++) {
    await new Promise((r) => setTimeout(r, 100));
    broadcast = await broadcasts();
  }
  assert.ok(broadcast >= 4, `broadcast latency recorded for each applied command (${broadcast})`);
  assert.equal(total(second, "forumhub_rate_limited_total"), 0, "nothing was rate limited");
  // Looking the (right) code up again and again from one address hits the join limit: counted as rate limited.
  let limited = 0;
  for (let i = 0; i < 8; i++) {
    const response = await fetch(`${app.baseUrl}/api/join/${created.joinCode}`);
    if (response.status === 429) limited++;
  }
  assert.ok(limited > 0, "the join limit refused some look-ups");
  const third = await scrape();
  assert.equal(total(third, "forumhub_rate_limited_total", { kind: "http", policy: "join" }), limited, "each refusal counted");
  // ASP.NET Core's and Npgsql's own meters come along.
  assert.ok(second.some((s) => s.name.startsWith("http_server_request_duration")), "ASP.NET Core HTTP metrics");
  assert.ok(second.some((s) => s.name.startsWith("db_client_")), "Npgsql metrics");
});

test("the metrics are not served on the Api's own port", async () => {
  const response = await fetch(`${app.baseUrl}/metrics`);
  const body = await response.text();
  assert.doesNotMatch(body, /forumhub_commands_total|# TYPE/, "the Api's port does not answer with metrics");
});

test("the metrics listener is bound to loopback only", async (t) => {
  const address = Object.values(os.networkInterfaces()).flat().find((a) => a && a.family === "IPv4" && !a.internal);
  if (!address) return t.skip("this machine has no non-loopback IPv4 address");
  assert.equal(await listening(address.address, metricsPort), false, `nothing listens on ${address.address}:${metricsPort}`);
  assert.equal(await listening("127.0.0.1", metricsPort), true);
});

test("with Metrics__Port unset there is no metrics endpoint at all", async () => {
  const off = await startApp({ dbName: "e2e_metrics_off", env: { ...adminEnv, Metrics__Host: "127.0.0.1" } });
  try {
    assert.equal(await listening("127.0.0.1", 9464), false, "nothing on the usual Prometheus exporter port");
    const body = await (await fetch(`${off.baseUrl}/metrics`)).text();
    assert.doesNotMatch(body, /# TYPE/);
  } finally {
    await off.stop();
  }
});
