// Who may do what, over the real network with the real npm SignalR client (issue 6):
//  - a removed participant's open connection is closed within 1 s and they cannot connect again;
//  - a WebSocket handshake from a foreign Origin is refused before it starts (negotiate and the raw upgrade);
//  - the access token in the WebSocket query string never reaches the server's log.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import http from "node:http";
import { after, before, test } from "node:test";
import * as signalR from "@microsoft/signalr";
import { startApp } from "./lib/app.mjs";
import { adminEnv, facilitatorHttp } from "./lib/facilitator.mjs";
import { until, within } from "./lib/wait.mjs";

/** @type {Awaited<ReturnType<typeof startApp>>} */
let app;
const connections = [];

before(async () => {
  // Request logging on, so the test can prove the token in ?access_token= is redacted from it.
  app = await startApp({
    dbName: "e2e_access",
    env: { ...adminEnv, "Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics": "Information" },
  });
});

after(async () => {
  await Promise.all(connections.map((c) => c.stop().catch(() => {})));
  await app?.stop();
});

const quiet = { log() {} };

/** A plain hub connection (no automatic reconnect), so a server-side close is seen as a close. */
function connect(token, headers) {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(`${app.baseUrl}/hubs/meeting`, { accessTokenFactory: () => token, headers })
    .configureLogging(quiet)
    .build();
  connections.push(connection);
  return connection;
}

function uuid() {
  return crypto.randomUUID();
}

/** Sends a raw WebSocket upgrade request and resolves with the HTTP status the server answered (101 = accepted). */
function upgradeStatus(path, origin) {
  return new Promise((resolve, reject) => {
    const url = new URL(path, app.baseUrl);
    const headers = {
      Connection: "Upgrade",
      Upgrade: "websocket",
      "Sec-WebSocket-Version": "13",
      "Sec-WebSocket-Key": randomBytes(16).toString("base64"),
    };
    if (origin) headers.Origin = origin;
    const request = http.request({ host: url.hostname, port: url.port, path: url.pathname + url.search, headers });
    request.on("upgrade", (response, socket) => {
      socket.destroy();
      resolve(response.statusCode);
    });
    request.on("response", (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    request.on("error", reject);
    request.end();
  });
}

test("a removed participant is disconnected within 1 s and cannot reconnect", async () => {
  const facilitatorApi = await facilitatorHttp(app.baseUrl);
  const created = await facilitatorApi.createMeeting({ title: "Removal forum", facilitatorName: "Fay" });
  const ben = await facilitatorApi.join({ code: created.joinCode, displayName: "Ben" });
  const ann = await facilitatorApi.join({ code: created.joinCode, displayName: "Ann" });

  const fay = connect(created.facilitatorToken);
  const benPhone = connect(ben.token);
  const benTablet = connect(ben.token);
  const annPhone = connect(ann.token);
  for (const c of [fay, benPhone, benTablet, annPhone]) {
    await c.start();
    await c.invoke("JoinMeeting");
  }
  const closedAt = (c) => new Promise((resolve) => c.onclose(() => resolve(performance.now())));
  const phoneClosed = closedAt(benPhone);
  const tabletClosed = closedAt(benTablet);

  const started = performance.now();
  const ack = await fay.invoke("RemoveParticipant", { commandId: uuid(), participantId: ben.participantId });
  assert.equal(ack.id, ben.participantId);
  const [phoneAt, tabletAt] = await within(1_000, Promise.all([phoneClosed, tabletClosed]), "Ben's connections to close");
  const slowest = Math.max(phoneAt, tabletAt) - started;
  assert.ok(slowest < 1_000, `closed after ${slowest.toFixed(0)} ms`);
  console.log(`# removed participant's 2 connections closed ${slowest.toFixed(0)} ms after the RemoveParticipant call`);

  // Coming back with the same token: negotiate is refused with 401, and so is the HTTP API.
  const again = connect(ben.token);
  await assert.rejects(again.start(), /Status code '401'/);
  const snapshot = await fetch(`${app.baseUrl}/api/meetings/${created.meetingId}/snapshot`, { headers: { Authorization: `Bearer ${ben.token}` } });
  assert.equal(snapshot.status, 401);

  // Everyone else is still there.
  assert.equal(annPhone.state, signalR.HubConnectionState.Connected);
  const state = await annPhone.invoke("JoinMeeting");
  assert.equal(state.participants.find((p) => p.id === ben.participantId).removed, true);
});

test("a WebSocket handshake from a foreign Origin is refused before it starts", async () => {
  const facilitatorApi = await facilitatorHttp(app.baseUrl);
  const created = await facilitatorApi.createMeeting({ title: "Origin forum", facilitatorName: "Fay" });
  const token = created.facilitatorToken;

  // The npm client from a page on another site: negotiate is refused with 403.
  const foreign = connect(token, { Origin: "https://evil.example" });
  await assert.rejects(foreign.start(), /Status code '403'/);

  // The raw upgrade, skipping negotiate: refused with 403, never switched to a WebSocket (101).
  const path = `/hubs/meeting?access_token=${encodeURIComponent(token)}`;
  assert.equal(await upgradeStatus(path, "https://evil.example"), 403);
  assert.equal(await upgradeStatus(path, "null"), 403);
  // The site's own origin, and a program that sends no Origin, are let in.
  assert.equal(await upgradeStatus(path, app.baseUrl), 101);
  assert.equal(await upgradeStatus(path, undefined), 101);
  const own = connect(token, { Origin: app.baseUrl });
  await own.start();
  assert.equal((await own.invoke("JoinMeeting")).meetingId, created.meetingId);

  assert.match(app.output(), /Refused GET \/hubs\/meeting from origin https:\/\/evil\.example/);
});

test("the access token in the WebSocket query string never reaches the log, even at Debug level", async () => {
  // A second app that logs everything ASP.NET Core and SignalR have to say, and keeps all of it.
  const verbose = await startApp({
    dbName: "e2e_access_log",
    env: { ...adminEnv, Logging__LogLevel__Default: "Debug", Logging__LogLevel__Microsoft: "Debug", "Logging__LogLevel__Microsoft.AspNetCore": "Debug" },
    outputLines: 1_000_000,
  });
  try {
    const facilitatorApi = await facilitatorHttp(verbose.baseUrl);
    const created = await facilitatorApi.createMeeting({ title: "Log forum", facilitatorName: "Fay" });
    const token = created.facilitatorToken;
    // The browser way: WebSockets with the token in ?access_token=, with and without negotiate.
    for (const skipNegotiation of [true, false]) {
      const connection = new signalR.HubConnectionBuilder()
        .withUrl(`${verbose.baseUrl}/hubs/meeting`, { accessTokenFactory: () => token, transport: signalR.HttpTransportType.WebSockets, skipNegotiation })
        .configureLogging(quiet)
        .build();
      await connection.start();
      await connection.invoke("JoinMeeting");
      await connection.stop();
    }
    // A request that fails with the token in the query, and one with it as a Bearer header.
    await fetch(`${verbose.baseUrl}/hubs/meeting?id=unknown&access_token=${encodeURIComponent(token)}`);
    await fetch(`${verbose.baseUrl}/api/meetings/${created.meetingId}/snapshot`, { headers: { Authorization: `Bearer ${token}` } });
    // The console logger writes from a queue of its own, in order: once the last request's line is out, so is every
    // line before it.
    await until(5_000, () => /Request finished \S+ GET \S+\/snapshot - \d{3}/.test(verbose.output()), "the snapshot request's log line");

    const log = verbose.output();
    assert.ok(log.split("\n").length > 200, "the verbose log was kept");
    assert.ok(!log.includes(token.slice(3)), "the token is in the log");
    for (const match of log.matchAll(/access_token=([^&\s]*)/g)) assert.equal(match[1], "[redacted]");
    console.log(`# ${log.split("\n").length} log lines at Debug level, ${[...log.matchAll(/access_token=/g)].length} mention access_token=, none holds the token`);
  } finally {
    await verbose.stop();
  }
});
