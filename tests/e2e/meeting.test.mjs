// A whole meeting, end to end: the real Api on a fresh PostgreSQL database, seven real SignalR connections made
// by the npm @microsoft/signalr client through the web app's client module (src/Web/src/client), and the
// database checked at the end. Cat is a member with no device: Sam, her supporter, answers and votes with her.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import * as signalR from "@microsoft/signalr";
import { startApp } from "./lib/app.mjs";
import { adminEnv, facilitatorHttp } from "./lib/facilitator.mjs";
import { MeetingClient, applyEvents, emptyState } from "./lib/client.mjs";
import { signalRLogger, verbose } from "./lib/signalRLog.mjs";
import { within } from "./lib/wait.mjs";

const WAIT_MS = 20_000;

/** @type {Awaited<ReturnType<typeof startApp>>} */
let app;
/** @type {InstanceType<typeof MeetingClient>[]} */
const clients = [];

before(async () => {
  app = await startApp({ dbName: "e2e_meeting", env: adminEnv });
});

after(async () => {
  await Promise.all(clients.map((c) => c.stop()));
  await app?.stop();
});

function connect(meetingId, token, name) {
  const client = new MeetingClient({
    baseUrl: app.baseUrl,
    meetingId,
    token,
    signalR,
    signalRLogger,
    reconnectBackoff: { initialMs: 100, maxMs: 2_000 },
    log: verbose ? (m) => console.error(`[${name}] ${m}`) : undefined,
  });
  clients.push(client);
  return client;
}

/** A date this many days from today, as "YYYY-MM-DD" (the server refuses due dates in the past). */
function daysFromToday(days) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

test("a whole meeting over real SignalR: every client ends with the server's state, and PostgreSQL holds exactly it", async () => {
  const started = Date.now();
  const http = await facilitatorHttp(app.baseUrl);

  // ---- Create and join ----------------------------------------------------------------------------------------
  const created = await http.createMeeting({ title: "North forum, March", facilitatorName: "Fay" });
  const meetingId = created.meetingId;
  const fay = connect(meetingId, created.facilitatorToken, "fay");
  const screen = connect(meetingId, created.screenToken, "screen");
  await within(WAIT_MS, Promise.all([fay.start(), screen.start()]), "facilitator and screen to join");
  assert.equal(fay.state.seq, created.seq);

  const codeInfo = await http.lookUpCode(created.joinCode);
  assert.equal(codeInfo.meetingId, meetingId);
  assert.equal(codeInfo.isListenerCode, false);

  const annJoin = await http.join({ code: created.joinCode, displayName: "Ann", picture: "sunflower" });
  const benJoin = await http.join({ code: created.joinCode, displayName: "Ben", role: "member" });
  const catJoin = await http.join({ code: created.joinCode, displayName: "Cat" });
  const members = (await http.lookUpCode(created.joinCode)).members;
  assert.deepEqual(members.map((m) => m.displayName).sort(), ["Ann", "Ben", "Cat"]);
  const samJoin = await http.join({
    code: created.joinCode, displayName: "Sam", role: "supporter", supportsMemberId: members.find((m) => m.displayName === "Cat").id,
  });
  const leeJoin = await http.join({ code: created.listenerCode, displayName: "Lee" });
  assert.equal(leeJoin.role, "listener");
  assert.equal(samJoin.role, "supporter");

  const ann = connect(meetingId, annJoin.token, "ann");
  const ben = connect(meetingId, benJoin.token, "ben");
  const sam = connect(meetingId, samJoin.token, "sam"); // Cat has no device: Sam sits with her
  const lee = connect(meetingId, leeJoin.token, "lee");
  await within(WAIT_MS, Promise.all([ann.start(), ben.start(), sam.start(), lee.start()]), "members, supporter and listener to join");
  const catId = catJoin.participantId;
  assert.equal(sam.state.participants.find((p) => p.id === samJoin.participantId).supportsMemberId, catId);

  /** Checks that a refused command changed nothing: not the server's seq, not a row in meeting_events. */
  async function refused(what, action, code) {
    const before = await http.getSnapshot(meetingId, created.facilitatorToken);
    const rowsBefore = await eventRows();
    await assert.rejects(action(), (error) => {
      assert.equal(error.code, code, `${what}: expected ${code}, got ${error.code} (${error.message})`);
      assert.equal(error.retriable, false, `${what}: not retriable`);
      assert.ok(error.message.length > 0, `${what}: plain words`);
      return true;
    });
    const snapshot = await http.getSnapshot(meetingId, created.facilitatorToken);
    assert.equal(snapshot.seq, before.seq, `${what}: the server's seq did not move`);
    assert.deepEqual(await eventRows(), rowsBefore, `${what}: no event was stored`);
  }

  /** Waits until every client has seen the command behind `ack` (a sender's own state has it already). */
  async function synced(ack) {
    await within(WAIT_MS, Promise.all(clients.map((c) => c.whenSeq(ack.seq))), `every client to reach seq ${ack.seq}`);
  }

  async function eventRows() {
    const [row] = await app.dbQuery(
      "select count(*)::int as count, coalesce(max(seq), 0)::int as max from meeting_events where meeting_id = $1", [meetingId]);
    return row;
  }

  // ---- Gathering: the two questions ---------------------------------------------------------------------------
  await ann.answerQuestion({ question: "whyAreYouHere", text: "To speak up for my house", picture: "house" });
  await ben.answerQuestion({ question: "whyAreYouHere", text: "I like meeting people" });
  const catWhy = await sam.answerQuestion({ question: "whyAreYouHere", text: "To be heard", picture: "ear", forMemberId: catId });
  await sam.answerQuestion({ question: "whyAreYouHere", text: "I support Cat" }); // a supporter's own "why"
  await lee.answerQuestion({ question: "whyAreYouHere", text: "To listen and act" });
  const annWish = await ann.answerQuestion({ question: "whatDoYouWantToDo", text: "Talk about the buses being late" });
  const benWish = await ben.answerQuestion({ question: "whatDoYouWantToDo", text: "Fix the park", picture: "tree" });
  const catWish = await sam.answerQuestion({ question: "whatDoYouWantToDo", text: "More day trips", forMemberId: catId });

  const catAnswer = sam.state.answers.find((a) => a.id === catWhy.id);
  assert.equal(catAnswer.participantId, catId, "the supporter's answer is Cat's");
  assert.equal(catAnswer.enteredById, samJoin.participantId, "... entered by the supporter");

  await refused("listener proposes an item", () => lee.proposeItem({ title: "Budget" }), "not_allowed");
  await refused("listener answers 'What do you want to do?'",
    () => lee.answerQuestion({ question: "whatDoYouWantToDo", text: "Budget" }), "not_allowed");

  // ---- Agenda: promote the wishes, agree the order ------------------------------------------------------------
  const buses = await fay.promoteAnswer({ answerId: annWish.id, title: "Buses" });
  const park = await fay.promoteAnswer({ answerId: benWish.id });
  const trips = await fay.promoteAnswer({ answerId: catWish.id, title: "Day trips" });
  const cake = await ann.proposeItem({ title: "Cake at every meeting", picture: "cake" });
  assert.equal(fay.state.answers.find((a) => a.id === annWish.id).promotedToItemId, buses.id);
  assert.equal(fay.state.items.find((i) => i.id === trips.id).proposedById, catId, "Cat's wish stays Cat's item");

  await fay.moveToPhase({ phase: "agenda" });
  await fay.agreeAgenda({ itemIds: [buses.id, park.id, trips.id] });
  assert.deepEqual(
    fay.state.items.map((i) => [i.title, i.status, i.position]),
    [["Buses", "agreed", 1], ["Fix the park", "agreed", 2], ["Day trips", "agreed", 3], ["Cake at every meeting", "proposed", null]],
  );
  await refused("member opens a poll", () => ann.openPoll({ question: "Cake?", secret: false, handCount: false }), "not_allowed");
  await fay.moveToPhase({ phase: "items" });

  // ---- Item 1: an open vote with the default options, Sam votes with Cat ----------------------------------------
  await fay.startItem({ itemId: buses.id });
  await fay.addNote({ itemId: buses.id, text: "The 42 bus is often 20 minutes late." });
  const busPoll = await fay.openPoll({ itemId: buses.id, question: "Should we write to the bus company?", secret: false, handCount: false });
  await synced(busPoll);
  assert.deepEqual(ann.state.polls[0].options.map((o) => o.id), ["yes", "no", "not-sure"]);
  await ann.castBallot({ pollId: busPoll.id, optionId: "yes" });
  await ben.castBallot({ pollId: busPoll.id, optionId: "no" });
  await sam.castBallot({ pollId: busPoll.id, optionId: "yes", forMemberId: catId });
  // The facilitator runs the vote and has no vote of her own (issue 11, ADR 0007).
  await refused("the facilitator's own ballot", () => fay.castBallot({ pollId: busPoll.id, optionId: "not-sure" }), "not_a_member");
  await refused("second ballot", () => ann.castBallot({ pollId: busPoll.id, optionId: "no" }), "already_voted");
  await synced(await fay.closePoll({ pollId: busPoll.id }));
  await refused("ballot after close", () => ben.castBallot({ pollId: busPoll.id, optionId: "yes", forMemberId: null }), "poll_closed");
  const closedBusPoll = ben.state.polls.find((p) => p.id === busPoll.id);
  assert.equal(closedBusPoll.status, "closed");
  assert.deepEqual(closedBusPoll.tally, { yes: 2, no: 1, "not-sure": 0 });
  const catBallot = closedBusPoll.ballots.find((b) => b.memberId === catId);
  assert.deepEqual(catBallot, { memberId: catId, enteredById: samJoin.participantId, optionId: "yes" }, "Cat voted with support from Sam");
  assert.deepEqual([...closedBusPoll.eligibleMemberIds].sort(),
    [annJoin.participantId, benJoin.participantId, catId].sort());

  const decision = await fay.recordDecision({
    itemId: buses.id, text: "We will write to the bus company.", level: "coProduction", pollId: busPoll.id,
  });
  const dueDate = daysFromToday(30);
  const busAction = await fay.addAction({
    itemId: buses.id, what: "Write the letter to the bus company", ownerId: annJoin.participantId,
    supporterId: created.facilitatorId, dueDate,
  });
  await synced(busAction);
  assert.deepEqual(ann.state.decisions.find((d) => d.id === decision.id).level, "coProduction");
  assert.deepEqual(ann.state.actions.find((a) => a.id === busAction.id),
    { id: busAction.id, itemId: buses.id, what: "Write the letter to the bus company", ownerId: annJoin.participantId,
      supporterId: created.facilitatorId, dueDate, fromResponseId: null, status: "open" });
  await fay.finishItem({ itemId: buses.id });

  // ---- Item 2: a secret vote, a hand count, the listener responds and takes an action, a card ------------------
  await fay.startItem({ itemId: park.id });
  const parkPoll = await fay.openPoll({
    itemId: park.id, question: "What should the park get first?", secret: true, handCount: false,
    options: [{ label: "New swings", picture: "swing" }, { label: "More benches", picture: "bench" }],
  });
  await ann.castBallot({ pollId: parkPoll.id, optionId: "o1" });
  await ben.castBallot({ pollId: parkPoll.id, optionId: "o2" });
  await sam.castBallot({ pollId: parkPoll.id, optionId: "o1", forMemberId: catId });
  const lastSecretBallotSeq = (await http.getSnapshot(meetingId, created.facilitatorToken)).seq;
  await within(WAIT_MS, Promise.all(clients.map((c) => c.whenSeq(lastSecretBallotSeq))), "everyone to see the secret ballots");
  for (const client of clients) {
    const poll = client.state.polls.find((p) => p.id === parkPoll.id);
    assert.equal(poll.ballots.length, 3);
    assert.ok(poll.ballots.every((b) => b.optionId === "secret"), "nobody's state shows how anyone voted");
    assert.equal(poll.tally, null, "no result while the secret vote is open");
  }
  const liveFeed = await http.getAllEvents(meetingId, annJoin.token, 0);
  const secretBallots = liveFeed.filter((e) => e.type === "ballotCast" && e.data.pollId === parkPoll.id);
  assert.equal(secretBallots.length, 3);
  assert.ok(secretBallots.every((e) => e.data.optionId === "secret"), "GET events hides secret choices too");
  await synced(await fay.closePoll({ pollId: parkPoll.id }));
  for (const client of [ann, screen, lee]) {
    const poll = client.state.polls.find((p) => p.id === parkPoll.id);
    assert.deepEqual(poll.tally, { o1: 2, o2: 1 });
    assert.ok(poll.ballots.every((b) => b.optionId === "secret"), "still hidden after the close");
  }

  const handPoll = await fay.openPoll({ itemId: park.id, question: "Hands up: meet in the park in summer?", secret: false, handCount: true });
  await fay.recordHandCount({ pollId: handPoll.id, counts: { yes: 5, no: 1 } });
  await synced(await fay.closePoll({ pollId: handPoll.id }));
  assert.deepEqual(screen.state.polls.find((p) => p.id === handPoll.id).tally, { yes: 5, no: 1, "not-sure": 0 });

  await synced(await fay.inviteListener({ listenerId: leeJoin.participantId, itemId: park.id }));
  assert.deepEqual(lee.state.invitedListenerIds, [leeJoin.participantId]);
  const response = await lee.respondAsListener({ text: "I will ask the council to fix the swings by May." });
  await synced(response);
  assert.deepEqual(lee.state.invitedListenerIds, []);
  assert.deepEqual(fay.state.responses, [
    { id: response.id, listenerId: leeJoin.participantId, itemId: park.id, text: "I will ask the council to fix the swings by May." },
  ]);
  const youSaid = await fay.addAction({
    itemId: park.id, what: "Ask the council to fix the swings", ownerId: leeJoin.participantId, dueDate: daysFromToday(60),
    fromResponseId: response.id,
  });
  await synced(youSaid);
  const leeAction = lee.state.actions.find((a) => a.id === youSaid.id);
  assert.equal(leeAction.ownerId, leeJoin.participantId, "the listener owns the action from their response");
  assert.equal(leeAction.fromResponseId, response.id);

  const card = await ben.raiseCard({ kind: "slowDown" });
  await synced(card);
  assert.deepEqual(screen.state.cards.find((c) => c.id === card.id).clearedById, null);
  await synced(await fay.clearCard({ cardId: card.id }));
  assert.equal(ben.state.cards.find((c) => c.id === card.id).clearedById, created.facilitatorId);
  await ann.setActionStatus({ actionId: busAction.id, status: "done" });
  await fay.finishItem({ itemId: park.id });

  // ---- Close: Day trips was never started, so it is carried forward ---------------------------------------------
  const closed = await fay.moveToPhase({ phase: "closed" });
  const finalSeq = closed.seq;
  await within(WAIT_MS, Promise.all(clients.map((c) => c.whenSeq(finalSeq))), `every client to reach seq ${finalSeq}`);

  // ---- Every client holds the same state, equal to GET snapshot and to a replay of GET events --------------------
  const snapshot = await http.getSnapshot(meetingId, created.facilitatorToken);
  assert.equal(snapshot.seq, finalSeq);
  assert.equal(snapshot.phase, "closed");
  for (const [index, client] of clients.entries()) {
    assert.equal(client.state.seq, finalSeq, `client ${index} seq`);
    assert.deepEqual(client.state, snapshot, `client ${index} state equals GET snapshot`);
  }
  const replayed = applyEvents(emptyState(), await http.getAllEvents(meetingId, created.screenToken, 0));
  assert.equal(replayed.kind, "applied");
  assert.deepEqual(replayed.state, snapshot, "replaying every event from seq 1 gives the snapshot");
  assert.deepEqual(snapshot.items.map((i) => [i.title, i.status]),
    [["Buses", "done"], ["Fix the park", "done"], ["Day trips", "carriedForward"], ["Cake at every meeting", "proposed"]]);
  assert.equal(snapshot.cards.length, 1);
  assert.equal(snapshot.actions.length, 2);
  assert.equal(snapshot.decisions.length, 1);

  // ---- PostgreSQL holds exactly that -----------------------------------------------------------------------------
  assert.deepEqual(await eventRows(), { count: finalSeq, max: finalSeq }, "meeting_events: one row per seq, none missing");
  const [meetingRow] = await app.dbQuery("select phase, version, closed_at from meetings where id = $1", [meetingId]);
  assert.equal(meetingRow.phase, "Closed");
  assert.equal(Number(meetingRow.version), finalSeq);
  assert.ok(meetingRow.closed_at instanceof Date);

  const ballotRows = await app.dbQuery(
    "select poll_id, member_id, entered_by_id, option_id from ballots where meeting_id = $1 order by seq", [meetingId]);
  const stateBallots = snapshot.polls.flatMap((p) => p.ballots.map((b) => ({ ...b, pollId: p.id, secret: p.secret })));
  assert.equal(ballotRows.length, stateBallots.length, "ballots rows == ballots in state");
  assert.equal(ballotRows.length, 6); // 3 + 3: the facilitator has no ballot of her own
  for (const b of stateBallots) {
    const row = ballotRows.find((r) => r.poll_id === b.pollId && r.member_id === b.memberId);
    assert.ok(row, `a row for ${b.memberId} in ${b.pollId}`);
    assert.equal(row.entered_by_id, b.enteredById);
    if (!b.secret) assert.equal(row.option_id, b.optionId);
  }
  // The secret poll's real choices are only in the database, and they add up to the published tally.
  const secretTally = {};
  for (const row of ballotRows.filter((r) => r.poll_id === parkPoll.id)) secretTally[row.option_id] = (secretTally[row.option_id] ?? 0) + 1;
  assert.deepEqual(secretTally, snapshot.polls.find((p) => p.id === parkPoll.id).tally);

  const participantRows = await app.dbQuery(
    "select id, role, removed, supports_member_id from participants where meeting_id = $1", [meetingId]);
  assert.equal(participantRows.length, snapshot.participants.length);
  assert.equal(participantRows.length, 7);
  for (const p of snapshot.participants) {
    const row = participantRows.find((r) => r.id === p.id);
    assert.ok(row, `a row for ${p.displayName}`);
    assert.equal(row.role.toLowerCase(), p.role);
    assert.equal(row.removed, p.removed);
    assert.equal(row.supports_member_id, p.supportsMemberId);
  }

  if (verbose) console.error(`whole meeting: ${finalSeq} events in ${Date.now() - started} ms`);
});
