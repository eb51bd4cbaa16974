// A facilitator closes a poll while ballots are still arriving: 100 members fire their ballot at random moments within
// 200 ms either side of the close, 20 times over (a fresh poll each time).
//
// Checked, every time: each ballot is either acknowledged (and then counted) or refused with poll_closed (and then not
// stored); none is counted after the close: every stored ballotCast has a lower seq than the poll's pollClosed event,
// every acknowledgement's seq is below the close's; the closed tally is the stored ballots; the eligible voters are
// frozen at the close.
//
//   node --test tests/e2e/reliability/close-race.test.mjs
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startApp } from "../lib/app.mjs";
import { adminEnv } from "../lib/facilitator.mjs";
import { MeetingClient } from "../lib/client.mjs";
import { signalRLogger } from "../lib/signalRLog.mjs";
import { sleep, within } from "../lib/wait.mjs";
import { assertAllAgree, assertBallotsMatch, createForum, prng, seedFrom, signalR } from "./lib.mjs";

const MEMBERS = 100;
const REPEATS = Number(process.env.FORUMHUB_RACE_REPEATS ?? 20);
const SPREAD_MS = 200;

let app;
const clients = [];

before(async () => {
  app = await startApp({
    dbName: "e2e_rel_close_race",
    env: { ...adminEnv, RateLimits__JoinsPerMinutePerAddress: "1000" }, // 100 members join from one address at once
  });
});

after(async () => {
  await Promise.all(clients.map((c) => c.stop()));
  await app?.stop();
});

test(`${MEMBERS} ballots within ${SPREAD_MS} ms either side of a poll close, ${REPEATS} times: counted or poll_closed, ` +
  "none counted after the close", async () => {
  const random = prng(seedFrom("FORUMHUB_RACE_SEED", "close race"));
  const forum = await createForum(app.baseUrl, { title: "Race forum", members: MEMBERS });
  const connect = (token) => {
    const client = new MeetingClient({ baseUrl: app.baseUrl, meetingId: forum.meetingId, token, signalR, signalRLogger });
    clients.push(client);
    return client;
  };
  const fay = connect(forum.created.facilitatorToken);
  const members = forum.members.map((m) => ({ ...m, client: connect(m.token) }));
  await within(60_000, Promise.all(clients.map((c) => c.start())), "everyone to join");
  await fay.moveToPhase({ phase: "agenda" });
  // Everyone with a vote: the members (the facilitator has none of her own, ADR 0007).
  const everyone = members.map((m) => m.participantId).sort();

  const totals = { counted: 0, refused: 0 };
  for (let round = 0; round < REPEATS; round++) {
    const label = `round ${round + 1}`;
    const poll = await fay.openPoll({ question: `Round ${round + 1}: is it time for a break?`, secret: round % 2 === 1, handCount: false });
    await within(30_000, Promise.all(clients.map((c) => c.whenSeq(poll.seq))), `${label}: everyone to see the poll`);

    const closeAt = Date.now() + SPREAD_MS + 50;
    const outcomes = members.map(async (member) => {
      await sleep(Math.max(0, closeAt + random.between(-SPREAD_MS, SPREAD_MS) - Date.now()));
      const optionId = random.pick(["yes", "no", "not-sure"]);
      try {
        const ack = await member.client.castBallot({ pollId: poll.id, optionId });
        return { member, optionId, ack };
      } catch (error) {
        return { member, optionId, error };
      }
    });
    await sleep(Math.max(0, closeAt - Date.now())); // the close at its moment, amid the ballots: the race is the test
    const closed = await fay.closePoll({ pollId: poll.id });
    const results = await within(30_000, Promise.all(outcomes), `${label}: every ballot to be answered`);

    const unexpected = results.filter((r) => r.error && r.error.code !== "poll_closed").map((r) => `${r.error.code}: ${r.error.message}`);
    assert.deepEqual(unexpected, [], `${label}: each ballot counted or refused poll_closed`);
    const acked = new Map(results.filter((r) => r.ack).map((r) => [r.member.participantId, r.optionId]));
    const lateAcks = results.filter((r) => r.ack && r.ack.seq >= closed.seq).length;
    assert.equal(lateAcks, 0, `${label}: no ballot acknowledged at or after the close's seq ${closed.seq}`);

    const { rows, events, closedSeq } = await assertBallotsMatch(app, forum.meetingId, poll.id, acked, label);
    assert.equal(closedSeq, closed.seq, `${label}: pollClosed stored at the acknowledged seq`);
    assert.deepEqual(events.filter((e) => e.seq > closedSeq), [], `${label}: no ballotCast event after pollClosed`);
    assert.deepEqual(rows.filter((r) => r.seq > closedSeq), [], `${label}: no ballots row after pollClosed`);
    const refusedButStored = results.filter((r) => r.error && rows.some((row) => row.member_id === r.member.participantId));
    assert.equal(refusedButStored.length, 0, `${label}: a refused ballot is not stored`);

    await within(30_000, fay.whenSeq(closed.seq), `${label}: fay to see the close`);
    const closedPoll = fay.state.polls.find((p) => p.id === poll.id);
    const tally = { yes: 0, no: 0, "not-sure": 0 };
    for (const row of rows) tally[row.option_id]++;
    assert.deepEqual(closedPoll.tally, tally, `${label}: the closed tally is the stored ballots`);
    assert.deepEqual([...closedPoll.eligibleMemberIds].sort(), everyone, `${label}: eligible voters frozen at the close`);

    totals.counted += acked.size;
    totals.refused += results.length - acked.size;
  }

  assert.ok(totals.counted > 0 && totals.refused > 0, `the close really raced the ballots (${JSON.stringify(totals)})`);
  await assertAllAgree({ app, http: forum.http, meetingId: forum.meetingId, token: forum.created.facilitatorToken, clients, label: "race meeting" });
  console.log(`# close race: ${REPEATS} polls x ${MEMBERS} ballots: ${totals.counted} counted, ${totals.refused} refused poll_closed, ` +
    "0 counted after the close");
});
