// Resilience end to end: the Api crashes (SIGKILL) mid-meeting and comes back on the same port and database.
// Clients keep trying with jittered back-off, join again, catch up from their last seq (GET events), and send
// the commands made while the server was down, each applied exactly once.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import * as signalR from "@microsoft/signalr";
import { startApp } from "./lib/app.mjs";
import { adminEnv, facilitatorHttp } from "./lib/facilitator.mjs";
import { MeetingClient, signalRTransport } from "./lib/client.mjs";
import { signalRLogger, verbose } from "./lib/signalRLog.mjs";
import { until, within } from "./lib/wait.mjs";

const WAIT_MS = 30_000;

let app;
const clients = [];

before(async () => {
  app = await startApp({ dbName: "e2e_reconnect", env: adminEnv });
});

after(async () => {
  await Promise.all(clients.map((c) => c.stop()));
  await app?.stop();
});

function connect(meetingId, token, name) {
  const client = new MeetingClient({
    baseUrl: app.baseUrl, meetingId, token, signalR, signalRLogger,
    reconnectBackoff: { initialMs: 100, maxMs: 1_000 },
    log: verbose ? (m) => console.error(`[${name}] ${m}`) : undefined,
  });
  clients.push(client);
  return client;
}

test("after a server crash clients reconnect, resync from their last seq and deliver queued commands exactly once", async () => {
  const http = await facilitatorHttp(app.baseUrl);
  const created = await http.createMeeting({ title: "Crash test forum", facilitatorName: "Fay" });
  const { meetingId } = created;
  const annJoin = await http.join({ code: created.joinCode, displayName: "Ann" });
  const benJoin = await http.join({ code: created.joinCode, displayName: "Ben" });
  const fay = connect(meetingId, created.facilitatorToken, "fay");
  const ann = connect(meetingId, annJoin.token, "ann");
  const ben = connect(meetingId, benJoin.token, "ben");
  await within(WAIT_MS, Promise.all(clients.map((c) => c.start())), "everyone to join");
  const buses = await ann.proposeItem({ title: "Buses" });
  await within(WAIT_MS, Promise.all(clients.map((c) => c.whenSeq(buses.seq))), "everyone to see the first item");

  const seen = { ann: [], ben: [] };
  ann.onEvent((e) => seen.ann.push(e.seq));
  ben.onEvent((e) => seen.ben.push(e.seq));
  const statuses = [];
  ben.onStatus((s) => statuses.push(s));

  // Crash. Commands made while the server is down wait in each client's queue.
  await app.kill("SIGKILL");
  const queued = [
    ann.proposeItem({ title: "Parks" }),
    ann.raiseCard({ kind: "question" }),
    ben.answerQuestion({ question: "whyAreYouHere", text: "To see my friends" }),
  ];
  await until(WAIT_MS, () => ann.pendingCommands.length >= 1 && ben.status !== "connected", "the clients to notice the crash");
  assert.ok(ann.pendingCommands.length >= 1, "ann's commands wait while the server is down");
  assert.notEqual(ben.status, "connected");

  await app.restart();
  await within(WAIT_MS, Promise.all(queued), "the queued commands to be acknowledged after the restart");
  const last = await fay.moveToPhase({ phase: "agenda" });
  await within(WAIT_MS, Promise.all(clients.map((c) => c.whenSeq(last.seq))), "every client to catch up");

  const snapshot = await http.getSnapshot(meetingId, created.facilitatorToken);
  for (const client of clients) assert.deepEqual(client.state, snapshot);
  assert.deepEqual(snapshot.items.map((i) => i.title), ["Buses", "Parks"], "each queued command applied once");
  assert.equal(snapshot.cards.length, 1);
  assert.equal(snapshot.answers.length, 1);
  assert.ok(statuses.includes("reconnecting") || statuses.includes("connecting"), `ben reconnected (${statuses.join(" > ")})`);
  assert.equal(ben.status, "connected");

  // Everyone saw every event after the crash exactly once, in order (live or fetched when catching up).
  const firstAfterCrash = seen.ann[0];
  for (const [name, seqs] of Object.entries(seen)) {
    assert.deepEqual(seqs, Array.from({ length: snapshot.seq - firstAfterCrash + 1 }, (_, i) => firstAfterCrash + i), name);
  }

  const [row] = await app.dbQuery(
    "select count(*)::int as count, max(seq)::int as max from meeting_events where meeting_id = $1", [meetingId]);
  assert.deepEqual(row, { count: snapshot.seq, max: snapshot.seq });
});

test("a client that misses live events notices the gap and fetches them (GET events?after=lastSeq)", async () => {
  const http = await facilitatorHttp(app.baseUrl);
  const created = await http.createMeeting({ title: "Lossy forum", facilitatorName: "Fay" });
  const { meetingId } = created;
  const benJoin = await http.join({ code: created.joinCode, displayName: "Ben" });
  const fay = connect(meetingId, created.facilitatorToken, "fay");
  // Ben's connection loses live events while `lossy` is set (a flaky network the transport did not notice).
  let lossy = false;
  const real = signalRTransport({ baseUrl: app.baseUrl, meetingId, token: benJoin.token, signalR, logger: signalRLogger });
  const ben = new MeetingClient({
    baseUrl: app.baseUrl, meetingId, token: benJoin.token,
    transport: (handlers, retryDelay) => real({ ...handlers, event: (e) => { if (!lossy) handlers.event(e); } }, retryDelay),
  });
  clients.push(ben);
  await within(WAIT_MS, Promise.all([fay.start(), ben.start()]), "both to join");
  const seen = [];
  const statuses = [];
  ben.onEvent((e) => seen.push(e.seq));
  ben.onStatus((s) => statuses.push(s));
  const from = ben.state.seq;

  lossy = true;
  for (const title of ["One", "Two", "Three"]) await fay.proposeItem({ title });
  lossy = false;
  const last = await fay.proposeItem({ title: "Four" });
  await within(WAIT_MS, ben.whenSeq(last.seq), "ben to fill the gap");
  await until(WAIT_MS, () => ben.status === "connected", "ben to be in step again");

  assert.deepEqual(seen, [from + 1, from + 2, from + 3, from + 4], "each missed event applied once, in order");
  assert.deepEqual(statuses, ["resyncing", "connected"]);
  assert.deepEqual(ben.state, await http.getSnapshot(meetingId, benJoin.token));
});
