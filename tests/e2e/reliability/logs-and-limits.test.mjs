// Observability and the default limits, against one Api with its default rate limits and verbose, structured logs
// (JSON console lines; ForumHub at Debug, ASP.NET Core's request log and EF Core's SQL log switched on, so anything
// that could leak a token or a person's words is given every chance to).
//
// Checked: the meeting runtime logs the meeting id and the sequence number as structured values; no access token, no
// session cookie, no password and no text anyone typed ever appears in the output (tokens in hub URLs show up
// redacted); /healthz and /readyz answer. With the default limits: a burst of hub calls on one connection, and on six
// devices of one person, is answered rate_limited (retriable) and the connection stays usable; a message over 32 KB
// closes the connection with a reason while one just under it is only refused; joins and creates over their per-address
// limits get HTTP 429 with code rate_limited.
//
//   node --test tests/e2e/reliability/logs-and-limits.test.mjs
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { after, before, test } from "node:test";
import { startApp } from "../lib/app.mjs";
import { adminEnv, E2E_ADMIN, facilitatorHttp } from "../lib/facilitator.mjs";
import { MeetingClient, MeetingHttp } from "../lib/client.mjs";
import { signalRLogger, verbose } from "../lib/signalRLog.mjs";
import { sleep, until, within } from "../lib/wait.mjs";
import { populatedMeeting, signalR } from "./lib.mjs";

const WebSocket = createRequire(createRequire(import.meta.url).resolve("@microsoft/signalr"))("ws");

// Distinctive words in every text this test sends, so a leak of any of them is easy to find.
const MARK = "Quokka Zebra 7731";

let app;
const log = [];
let meeting;
const texts = [];

before(async () => {
  app = await startApp({
    dbName: "e2e_rel_logs_limits",
    env: {
      ...adminEnv,
      Logging__Console__FormatterName: "json",
      Logging__LogLevel__ForumHub: "Debug",
      "Logging__LogLevel__Microsoft.AspNetCore": "Information",
      "Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command": "Information",
    },
    onOutput: (line) => log.push(line),
  });
});

after(async () => {
  for (const client of Object.values(meeting?.clients ?? {})) await client.stop();
  await app?.stop();
  if (verbose) console.error(log.join("\n"));
});

/** The Api's output lines that are JSON log entries, parsed. */
function entries() {
  return log.map((line) => line.replace(/^\[(out|err)\] /, "")).filter((l) => l.startsWith("{")).map((l) => JSON.parse(l));
}

async function rawHub(token) {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(`${app.baseUrl}/hubs/meeting`, { accessTokenFactory: () => token, transport: signalR.HttpTransportType.WebSockets })
    .configureLogging(signalR.LogLevel.None)
    .build();
  let closedWith;
  connection.onclose((error) => (closedWith = error ?? null));
  await connection.start();
  return { connection, closed: () => closedWith };
}

/** Opens the hub the way a browser does (access_token in the WebSocket URL: browsers cannot set its headers). */
async function browserStyleConnection(token) {
  const negotiate = await fetch(`${app.baseUrl}/hubs/meeting/negotiate?negotiateVersion=1`, {
    method: "POST", headers: { Authorization: `Bearer ${token}` },
  });
  const { connectionToken } = await negotiate.json();
  const socket = new WebSocket(
    `${app.baseUrl.replace(/^http/, "ws")}/hubs/meeting?id=${encodeURIComponent(connectionToken)}&access_token=${encodeURIComponent(token)}`);
  const answered = new Promise((resolve, reject) => {
    socket.on("message", (data) => {
      if (data.toString().includes('"invocationId":"1"')) resolve(undefined);
    });
    socket.once("error", reject);
  });
  await new Promise((resolve, reject) => {
    socket.once("open", resolve);
    socket.once("error", reject);
  });
  socket.send('{"protocol":"json","version":1}\u001e{"type":1,"invocationId":"1","target":"JoinMeeting","arguments":[]}\u001e');
  await within(10_000, answered, "JoinMeeting over a browser-style connection");
  socket.close();
}

const codeOf = (error) => /HubException: ([a-z_]+): /.exec(error?.message ?? "")?.[1] ?? error?.message;

test("structured logs carry the meeting id and sequence number, and never a token or anything anyone typed", async () => {
  meeting = await populatedMeeting(app.baseUrl, { title: MARK, texts });
  const { fay, lee } = meeting.clients;
  // More traffic: a reconnecting client (the token travels in the hub URL again), reads over HTTP with Bearer tokens.
  await fay.addNote({ itemId: meeting.ids.items.current, text: `Ann came by bus (${MARK})` });
  texts.push(`Ann came by bus (${MARK})`);
  const late = new MeetingClient({ baseUrl: app.baseUrl, meetingId: meeting.meetingId, token: meeting.tokens.ben, signalR, signalRLogger });
  await late.start();
  await late.stop();
  await browserStyleConnection(meeting.tokens.sam); // a browser puts the token in the WebSocket's URL
  await meeting.http.getSnapshot(meeting.meetingId, meeting.tokens.lee);
  await meeting.http.getAllEvents(meeting.meetingId, meeting.tokens.screen, 0);
  await lee.clearCard({ cardId: meeting.ids.card }).catch(() => undefined); // refused (not the listener's card): logged as a refusal
  const lastSeq = (await fay.raiseCard({ kind: "break" })).seq;
  for (const [, status] of [["healthz", await fetch(`${app.baseUrl}/healthz`)], ["readyz", await fetch(`${app.baseUrl}/readyz`)]]) {
    assert.equal(status.status, 200);
  }
  // The console logger writes from a queue of its own, in order: once the last request's line is out, so is every
  // line before it.
  const lastRequestLogged = () => entries().some((e) => /^Request finished \S+ GET \S+\/readyz - 200/.test(e.Message ?? ""));
  await until(5_000, lastRequestLogged, "the console logger to write the /readyz request's line");

  // ---- The runtime logs meeting id and sequence number as structured values -----------------------------------------
  const runtime = entries().filter((e) => e.Category === "ForumHub.Api.Runtime.MeetingRuntime" && e.State?.MeetingId === meeting.meetingId);
  assert.ok(runtime.some((e) => /created at sequence/.test(e.Message) && Number.isInteger(e.State.Seq)), "creation logged with its seq");
  const stored = runtime.filter((e) => /stored \d+ commands as sequence/.test(e.Message));
  assert.ok(stored.length > 10, `each stored batch logged (${stored.length})`);
  assert.equal(Math.max(...stored.map((e) => e.State.Seq)), lastSeq, "the last stored batch ends at the last seq");
  for (const e of stored) assert.ok(Number.isInteger(e.State.Seq) && Number.isInteger(e.State.FromSeq) && e.State.FromSeq <= e.State.Seq);

  // ---- Nothing secret, nothing typed ----------------------------------------------------------------------------------
  const http = await facilitatorHttp(app.baseUrl);
  const cookie = /** @type {any} */ (http).extraHeaders?.Cookie ?? null;
  const secrets = [...Object.values(meeting.tokens), E2E_ADMIN.password, ...(cookie ? cookie.split("; ").map((c) => c.split("=")[1]) : [])];
  const output = log.join("\n");
  for (const secret of secrets) assert.ok(!output.includes(secret), `a secret (${secret.slice(0, 6)}...) appears in the log`);
  assert.ok(!output.includes(MARK), `words someone typed (marked "${MARK}") appear in the log`);
  for (const text of texts) assert.ok(!output.includes(text), `typed text "${text}" appears in the log`);
  assert.ok(/access_token=\[redacted\]/.test(output), "the hub URL's token was logged, redacted");
  console.log(`# logs: ${log.length} lines checked for ${secrets.length} secrets and ${texts.length} texts; ` +
    `${stored.length} stored batches logged with meeting id and seq`);
});

test("default limits: hub bursts, six devices of one person, the 32 KB message limit, joins and creates", async () => {
  assert.ok(meeting, "runs after the logs test (same meeting)");
  const ann = meeting.tokens.ann;

  // SignalR runs one connection's calls one after another, and a bucket refills once a second, all at once: so each
  // check allows one refill per second the burst took (plus one), and asks for refusals beyond that.
  // Refills come from the limiter's own 1 s timer, whose phase is unrelated to startedAt; on a busy machine a late tick
  // and the next on-time one can land close together, so allow one refill more than the elapsed seconds suggest.
  const refills = (startedAt) => Math.floor((Date.now() - startedAt) / 1000) + 2;

  // One connection: 10 calls a second, bursts of 20. 60 at once: at most 20 (+ 10 a refill) answered, the rest refused.
  const one = await rawHub(ann);
  let startedAt = Date.now();
  const burst = await Promise.allSettled(Array.from({ length: 60 }, () => one.connection.invoke("JoinMeeting")));
  const limited = burst.filter((r) => r.status === "rejected" && codeOf(r.reason) === "rate_limited").length;
  const answered = burst.filter((r) => r.status === "fulfilled").length;
  assert.equal(limited + answered, 60, `only answers and rate_limited (${burst.filter((r) => r.status === "rejected").map((r) => r.reason.message)})`);
  assert.ok(answered >= 20 && limited > 0 && answered <= 20 + 10 * refills(startedAt),
    `a burst of 60 on one connection: ${answered} answered, ${limited} rate_limited`);
  const limitedError = burst.find((r) => r.status === "rejected").reason;
  assert.match(limitedError.message, /rate_limited: .+/, "plain words come with the code");
  await sleep(1_500); // the refill is what is tested: a pause of a second and a half, not a condition to poll for
  assert.equal((await one.connection.invoke("JoinMeeting")).meetingId, meeting.meetingId, "usable again after a pause");
  await one.connection.stop();

  // Six devices of one person, 19 calls each: each under its connection's burst (20), together over the person's
  // (15 a second, bursts of 30).
  // The person's bucket is full again after its refills (the limiter's own 1 s timer, which the test cannot watch):
  // the time is the condition.
  await sleep(2_500);
  const devices = await Promise.all(Array.from({ length: 6 }, () => rawHub(ann)));
  startedAt = Date.now();
  const both = await Promise.allSettled(devices.flatMap((c) => Array.from({ length: 19 }, () => c.connection.invoke("JoinMeeting"))));
  const limitedBoth = both.filter((r) => r.status === "rejected" && codeOf(r.reason) === "rate_limited").length;
  assert.equal(both.filter((r) => r.status === "rejected").length, limitedBoth, "only rate_limited refusals");
  assert.ok(limitedBoth > 0 && both.length - limitedBoth <= 30 + 15 * refills(startedAt),
    `114 calls from six devices of one person: ${limitedBoth} rate_limited`);
  const device = devices[0];
  await Promise.all(devices.slice(1).map((d) => d.connection.stop()));

  // MaximumReceiveMessageSize (32 KB): just under is read (and refused by the rules); just over closes with a reason.
  await sleep(2_500); // refills again, as above: the next checks must not meet a rate limit
  const note = (length) => ({ commandId: crypto.randomUUID(), itemId: meeting.ids.items.current, text: "n".repeat(length) });
  await assert.rejects(device.connection.invoke("AddNote", note(31_000)), (e) => codeOf(e) === "not_allowed");
  assert.equal(device.closed(), undefined, "a 31 KB message leaves the connection open");
  await assert.rejects(device.connection.invoke("AddNote", note(33_000)));
  await until(5_000, () => device.closed() !== undefined, "the server to close the connection");
  assert.match(device.closed()?.message ?? "", /Connection closed with an error/, "closed with a reason");
  const other = await rawHub(meeting.tokens.ben);
  assert.equal((await other.connection.invoke("JoinMeeting")).meetingId, meeting.meetingId, "other connections are unaffected");
  await other.connection.stop();

  // HTTP: joins (120 a minute from one address) and creates (10 a minute) over the limit get 429 rate_limited. The
  // buckets refill once a minute: 260 joins and 25 creates are over the limit even if a refill falls in between.
  const anonymous = new MeetingHttp({ baseUrl: app.baseUrl, postAttempts: 1 });
  const joins = await Promise.allSettled(Array.from({ length: 260 }, (_, i) =>
    anonymous.join({ code: meeting.created.joinCode, displayName: `Joiner ${i}` })));
  const joinRefusals = joins.filter((r) => r.status === "rejected");
  assert.ok(joinRefusals.length >= 260 - 240, `joins over the limit are refused (${joinRefusals.length})`);
  for (const r of joinRefusals) assert.deepEqual([r.reason.status, r.reason.code, r.reason.retriable], [429, "rate_limited", true]);
  const signedIn = await facilitatorHttp(app.baseUrl);
  const facilitator = new MeetingHttp({ baseUrl: app.baseUrl, headers: /** @type {any} */ (signedIn).extraHeaders, postAttempts: 1 });
  const creates = await Promise.allSettled(Array.from({ length: 25 }, (_, i) =>
    facilitator.createMeeting({ title: `Extra ${i}`, facilitatorName: "Fay" })));
  const createRefusals = creates.filter((r) => r.status === "rejected");
  assert.ok(createRefusals.length >= 25 - 20, `creates over the limit are refused (${createRefusals.length})`);
  for (const r of createRefusals) assert.deepEqual([r.reason.status, r.reason.code], [429, "rate_limited"]);
  console.log(`# limits: one connection ${answered} answered / ${limited} rate_limited of 60; six devices ${limitedBoth} rate_limited of 114; ` +
    `${joinRefusals.length} of 260 joins and ${createRefusals.length} of 25 creates refused 429 rate_limited`);
});
