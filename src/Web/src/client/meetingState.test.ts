import { describe, expect, it } from "vitest";
import { applyEvent, applyEvents, applyPage, compareGuids, emptyState, fromSnapshot, holderOf, type MeetingState } from "./meetingState";
import type { EventEnvelope, MeetingSnapshot, PollView } from "./protocol";
import { EventLog, T0, at, createdMeeting, deepFreeze, guid, ids } from "./testing/fixtures";

/** Applies every event of the log to an empty state, checking each one applies. */
function replay(log: EventLog, from: MeetingState = emptyState()): MeetingState {
  let state = from;
  for (const envelope of log.events) {
    if (envelope.seq <= state.seq) continue;
    const result = applyEvent(deepFreeze(state), envelope);
    expect(result.kind).toBe("applied");
    state = result.state;
  }
  return state;
}

function join(log: EventLog, id: string, name: string, role: "member" | "supporter" | "listener", when: string, supports: string | null = null) {
  return log.add("participantJoined", {
    participantId: id, displayName: name, role, picture: null, supportsMemberId: supports, at: when,
  });
}

/** A meeting with three members, a supporter of Cat, and a listener, in the gathering phase. */
function peopleJoined(): EventLog {
  const log = createdMeeting();
  join(log, ids.ann, "Ann", "member", at(1));
  join(log, ids.ben, "Ben", "member", at(2));
  join(log, ids.cat, "Cat", "member", at(3));
  join(log, ids.supporter, "Sam", "supporter", at(4), ids.cat);
  join(log, ids.listener, "Lee", "listener", at(5));
  return log;
}

const pollOf = (state: MeetingState, id: string) => state.polls.find((p) => p.id === id) as PollView;

describe("applyEvent: each event type", () => {
  it("meetingCreated starts the meeting in the gathering phase", () => {
    const log = new EventLog();
    log.add("meetingCreated", { meetingId: ids.meeting, title: "North forum", at: T0 });
    const state = replay(log);
    expect(state).toEqual({
      ...emptyState(),
      meetingId: ids.meeting,
      title: "North forum",
      createdAt: T0,
      phase: "gathering",
      seq: 1,
    });
  });

  it("participantJoined keeps the snapshot's order: the order people joined", () => {
    const log = createdMeeting();
    join(log, ids.ann, "Ann", "member", at(1));
    join(log, ids.supporter, "Sam", "supporter", at(2), ids.ann);
    const state = replay(log);
    expect(state.participants.map((p) => p.displayName)).toEqual(["Fay", "Shared screen", "Ann", "Sam"]);
    expect(state.participants[3]).toEqual({
      id: ids.supporter, displayName: "Sam", role: "supporter", picture: null, supportsMemberId: ids.ann, removed: false, joinedAt: at(2),
      withoutDevice: false, helperId: null, addedById: null, forumMemberId: null, roles: [],
    });
  });

  it("participantJoined appends in join order, with the join time", () => {
    const log = createdMeeting();
    join(log, guid(0x999), "Later id", "member", at(1, "0000002"));
    join(log, guid(0x001), "Earlier id", "member", at(1, "0000001"));
    const state = replay(log);
    expect(state.participants.map((p) => p.displayName)).toEqual(["Fay", "Shared screen", "Later id", "Earlier id"]);
    expect(state.participants[3]?.joinedAt).toBe(at(1, "0000001"));
  });

  it("participantJoined after a snapshot goes after the snapshot's participants", () => {
    const snapshot = replay(createdMeeting());
    const fresh = fromSnapshot(JSON.parse(JSON.stringify(snapshot)) as MeetingSnapshot);
    const log = new EventLog(snapshot.seq);
    join(log, guid(0x001), "Ann", "member", at(9));
    const state = replay(log, fresh);
    expect(state.participants.map((p) => p.displayName)).toEqual(["Fay", "Shared screen", "Ann"]);
  });

  it("participantRemoved marks the person removed and keeps their place", () => {
    const log = peopleJoined();
    log.add("participantRemoved", { participantId: ids.ben });
    join(log, guid(0x300), "Bea", "member", at(2));
    const state = replay(log);
    expect(state.participants.find((p) => p.id === ids.ben)?.removed).toBe(true);
    expect(state.participants.map((p) => p.displayName)).toEqual(["Fay", "Shared screen", "Ann", "Ben", "Cat", "Sam", "Lee", "Bea"]);
  });

  it("meetingRoleGiven and meetingRoleTaken keep each person's roles in MeetingRole's order; removal frees them", () => {
    const log = peopleJoined();
    log.add("meetingRoleGiven", { participantId: ids.ann, role: "welcome", givenById: ids.facilitator, at: at(6) });
    log.add("meetingRoleGiven", { participantId: ids.ann, role: "chair", givenById: ids.facilitator, at: at(7) });
    log.add("meetingRoleGiven", { participantId: ids.ben, role: "noteTaker", givenById: ids.facilitator, at: at(8) });
    const given = replay(log);
    expect(given.participants.find((p) => p.id === ids.ann)?.roles).toEqual(["chair", "welcome"]);
    expect(holderOf(given, "noteTaker")?.displayName).toBe("Ben");
    expect(holderOf(given, "timekeeper")).toBeUndefined();

    log.add("meetingRoleTaken", { participantId: ids.ann, role: "chair", takenById: ids.facilitator, at: at(9) });
    log.add("participantRemoved", { participantId: ids.ben });
    const after = replay(log, given);
    expect(after.participants.find((p) => p.id === ids.ann)?.roles).toEqual(["welcome"]);
    expect(after.participants.find((p) => p.id === ids.ben)?.roles).toEqual([]);
    expect(holderOf(after, "chair")).toBeUndefined();
    expect(after.participants.filter((p) => p.id !== ids.ann).every((p) => p.roles.length === 0)).toBe(true);
  });

  it("phaseChanged moves the phase", () => {
    const log = createdMeeting();
    log.add("phaseChanged", { from: "gathering", to: "agenda", at: at(1) });
    expect(replay(log).phase).toBe("agenda");
  });

  it("questionAnswered adds the answer, keeping who typed it", () => {
    const log = peopleJoined();
    log.add("questionAnswered", {
      answerId: guid(0x601), question: "whyAreYouHere", participantId: ids.cat, enteredById: ids.supporter, text: "To be heard", picture: "ear",
    });
    expect(replay(log).answers).toEqual([
      {
        id: guid(0x601), question: "whyAreYouHere", participantId: ids.cat, enteredById: ids.supporter, text: "To be heard",
        picture: "ear", promotedToItemId: null,
      },
    ]);
  });

  it("itemProposed adds a proposed item and marks the answer it came from as promoted", () => {
    const log = peopleJoined();
    log.add("questionAnswered", {
      answerId: guid(0x601), question: "whatDoYouWantToDo", participantId: ids.ann, enteredById: ids.ann, text: "Talk about buses", picture: "bus",
    });
    log.add("itemProposed", {
      itemId: guid(0x701), title: "Buses", picture: "bus", proposedById: ids.ann, enteredById: ids.facilitator, fromAnswerId: guid(0x601),
    });
    log.add("itemProposed", {
      itemId: guid(0x702), title: "Parks", picture: null, proposedById: ids.ben, enteredById: ids.ben, fromAnswerId: null,
    });
    const state = replay(log);
    expect(state.answers[0]?.promotedToItemId).toBe(guid(0x701));
    expect(state.items).toEqual([
      {
        id: guid(0x701), title: "Buses", picture: "bus", status: "proposed", position: null, proposedById: ids.ann,
        enteredById: ids.facilitator, fromAnswerId: guid(0x601), notes: [],
      },
      {
        id: guid(0x702), title: "Parks", picture: null, status: "proposed", position: null, proposedById: ids.ben,
        enteredById: ids.ben, fromAnswerId: null, notes: [],
      },
    ]);
  });

  it("agendaAgreed numbers the chosen items; agreeing again sends left-out items back to proposed", () => {
    const log = peopleJoined();
    for (const n of [1, 2, 3]) {
      log.add("itemProposed", {
        itemId: guid(0x700 + n), title: `Item ${n}`, picture: null, proposedById: ids.ann, enteredById: ids.ann, fromAnswerId: null,
      });
    }
    log.add("phaseChanged", { from: "gathering", to: "agenda", at: at(9) });
    log.add("agendaAgreed", { itemIds: [guid(0x703), guid(0x701)] });
    let state = replay(log);
    expect(state.items.map((i) => [i.status, i.position])).toEqual([["agreed", 2], ["proposed", null], ["agreed", 1]]);
    log.add("agendaAgreed", { itemIds: [guid(0x702), guid(0x703)] });
    state = replay(log);
    expect(state.items.map((i) => [i.status, i.position])).toEqual([["proposed", null], ["agreed", 1], ["agreed", 2]]);
  });

  it("itemStarted / itemFinished / itemCarriedForward / noteAdded", () => {
    const log = peopleJoined();
    for (const n of [1, 2]) {
      log.add("itemProposed", {
        itemId: guid(0x700 + n), title: `Item ${n}`, picture: null, proposedById: ids.ann, enteredById: ids.ann, fromAnswerId: null,
      });
    }
    log.add("phaseChanged", { from: "gathering", to: "agenda", at: at(9) });
    log.add("agendaAgreed", { itemIds: [guid(0x701), guid(0x702)] });
    log.add("phaseChanged", { from: "agenda", to: "items", at: at(10) });
    log.add("itemStarted", { itemId: guid(0x701) });
    expect(replay(log).items[0]?.status).toBe("current");
    log.add("noteAdded", { noteId: guid(0x801), itemId: guid(0x701), text: "Buses are late" });
    log.add("noteAdded", { noteId: guid(0x802), itemId: guid(0x701), text: "Ask the council" });
    log.add("itemFinished", { itemId: guid(0x701) });
    log.add("itemCarriedForward", { itemId: guid(0x702) });
    const state = replay(log);
    expect(state.items[0]).toMatchObject({
      status: "done",
      position: 1,
      notes: [
        { id: guid(0x801), text: "Buses are late" },
        { id: guid(0x802), text: "Ask the council" },
      ],
    });
    expect(state.items[1]).toMatchObject({ status: "carriedForward", position: 2, notes: [] });
  });

  it("an open poll counts ballots as they come; closing freezes who could vote", () => {
    const log = peopleJoined();
    log.add("phaseChanged", { from: "gathering", to: "agenda", at: at(9) });
    const options = [
      { id: "yes", label: "Yes", picture: "yes" },
      { id: "no", label: "No", picture: "no" },
      { id: "not-sure", label: "Not sure", picture: "not-sure" },
    ];
    log.add("pollOpened", { pollId: guid(0x901), itemId: null, question: "Start at 10?", options, secret: false, mode: "devices", at: at(10) });
    let poll = pollOf(replay(log), guid(0x901));
    expect(poll).toEqual({
      id: guid(0x901), itemId: null, question: "Start at 10?", options, secret: false, mode: "devices", status: "open",
      openedAt: at(10), closedAt: null, ballots: [], handCounts: {}, tally: { yes: 0, no: 0, "not-sure": 0 }, eligibleMemberIds: [],
    });
    log.add("ballotCast", { pollId: guid(0x901), memberId: ids.ann, enteredById: ids.ann, optionId: "yes" });
    log.add("ballotCast", { pollId: guid(0x901), memberId: ids.cat, enteredById: ids.supporter, optionId: "yes" });
    log.add("ballotCast", { pollId: guid(0x901), memberId: ids.ben, enteredById: ids.ben, optionId: "no" });
    poll = pollOf(replay(log), guid(0x901));
    expect(poll.ballots).toEqual([
      { memberId: ids.ann, enteredById: ids.ann, optionId: "yes" },
      { memberId: ids.cat, enteredById: ids.supporter, optionId: "yes" },
      { memberId: ids.ben, enteredById: ids.ben, optionId: "no" },
    ]);
    expect(poll.tally).toEqual({ yes: 2, no: 1, "not-sure": 0 });
    const eligible = [ids.facilitator, ids.ann, ids.ben, ids.cat];
    log.add("pollClosed", { pollId: guid(0x901), eligibleMemberIds: eligible, tally: { yes: 2, no: 1, "not-sure": 0 }, at: at(11) });
    poll = pollOf(replay(log), guid(0x901));
    expect(poll).toMatchObject({ status: "closed", closedAt: at(11), eligibleMemberIds: eligible, tally: { yes: 2, no: 1, "not-sure": 0 } });
  });

  it("a secret poll shows only that someone voted, and its result only when it closes", () => {
    const log = peopleJoined();
    log.add("phaseChanged", { from: "gathering", to: "agenda", at: at(9) });
    const options = [
      { id: "o1", label: "Red", picture: null },
      { id: "o2", label: "Blue", picture: null },
    ];
    log.add("pollOpened", { pollId: guid(0x902), itemId: null, question: "Colour?", options, secret: true, mode: "devices", at: at(10) });
    log.add("ballotCast", { pollId: guid(0x902), memberId: ids.ann, enteredById: ids.ann, optionId: "secret" });
    // Even an event that carried the real option (it never should) does not leak into the state.
    log.add("ballotCast", { pollId: guid(0x902), memberId: ids.ben, enteredById: ids.ben, optionId: "o2" });
    let poll = pollOf(replay(log), guid(0x902));
    expect(poll.ballots.map((b) => b.optionId)).toEqual(["secret", "secret"]);
    expect(poll.tally).toBeNull();
    expect(JSON.stringify(poll.ballots)).not.toMatch(/o1|o2/);
    log.add("pollClosed", { pollId: guid(0x902), eligibleMemberIds: [ids.ann, ids.ben], tally: { o1: 1, o2: 1 }, at: at(11) });
    poll = pollOf(replay(log), guid(0x902));
    expect(poll.status).toBe("closed");
    expect(poll.tally).toEqual({ o1: 1, o2: 1 });
    expect(poll.ballots.map((b) => b.optionId)).toEqual(["secret", "secret"]);
  });

  it("a hand-count poll's tally is its latest hand count", () => {
    const log = peopleJoined();
    log.add("phaseChanged", { from: "gathering", to: "agenda", at: at(9) });
    const options = [
      { id: "yes", label: "Yes", picture: "yes" },
      { id: "no", label: "No", picture: "no" },
    ];
    log.add("pollOpened", { pollId: guid(0x903), itemId: null, question: "Hands?", options, secret: false, mode: "handCount", at: at(10) });
    expect(pollOf(replay(log), guid(0x903)).tally).toEqual({ yes: 0, no: 0 });
    log.add("handCountRecorded", { pollId: guid(0x903), counts: { yes: 5, no: 2 }, enteredById: ids.facilitator });
    log.add("handCountRecorded", { pollId: guid(0x903), counts: { yes: 6, no: 1 }, enteredById: ids.facilitator });
    const poll = pollOf(replay(log), guid(0x903));
    expect(poll.handCounts).toEqual({ yes: 6, no: 1 });
    expect(poll.tally).toEqual({ yes: 6, no: 1 });
  });

  it("decisionRecorded, actionAdded and actionStatusChanged", () => {
    const log = peopleJoined();
    log.add("phaseChanged", { from: "gathering", to: "agenda", at: at(9) });
    log.add("decisionRecorded", { decisionId: guid(0xa01), itemId: null, text: "We start at 10", level: "coProduction", pollId: guid(0x901) });
    log.add("actionAdded", {
      actionId: guid(0xb01), itemId: null, what: "Book the room", ownerId: ids.ann, supporterId: ids.supporter, dueDate: "2026-12-01",
      fromResponseId: null,
    });
    log.add("actionStatusChanged", { actionId: guid(0xb01), status: "done" });
    const state = replay(log);
    expect(state.decisions).toEqual([{ id: guid(0xa01), itemId: null, text: "We start at 10", level: "coProduction", pollId: guid(0x901) }]);
    expect(state.actions).toEqual([
      {
        id: guid(0xb01), itemId: null, what: "Book the room", ownerId: ids.ann, supporterId: ids.supporter, dueDate: "2026-12-01",
        fromResponseId: null, status: "done",
      },
    ]);
  });

  it("listenerInvited keeps invited ids sorted; listenerResponded uses up the invitation", () => {
    const log = peopleJoined();
    const second = guid(0x500);
    join(log, second, "Lou", "listener", at(6));
    log.add("listenerInvited", { listenerId: ids.listener, itemId: null });
    log.add("listenerInvited", { listenerId: second, itemId: null });
    expect(replay(log).invitedListenerIds).toEqual([second, ids.listener]);
    log.add("listenerResponded", { responseId: guid(0xc01), listenerId: ids.listener, itemId: guid(0x701), text: "We will fix it" });
    const state = replay(log);
    expect(state.invitedListenerIds).toEqual([second]);
    expect(state.responses).toEqual([{ id: guid(0xc01), listenerId: ids.listener, itemId: guid(0x701), text: "We will fix it" }]);
  });

  it("cardRaised and cardCleared", () => {
    const log = peopleJoined();
    log.add("cardRaised", { cardId: guid(0xd01), participantId: ids.ben, kind: "slowDown", at: at(20) });
    expect(replay(log).cards).toEqual([{ id: guid(0xd01), participantId: ids.ben, kind: "slowDown", raisedAt: at(20), clearedById: null }]);
    log.add("cardCleared", { cardId: guid(0xd01), clearedById: ids.facilitator });
    expect(replay(log).cards[0]?.clearedById).toBe(ids.facilitator);
  });

  it("never changes the state it was given, and shares what did not change", () => {
    const log = peopleJoined();
    const before = deepFreeze(replay(log));
    const next = applyEvent(before, log.add("cardRaised", { cardId: guid(0xd01), participantId: ids.ben, kind: "stop", at: at(20) }));
    expect(next.kind).toBe("applied");
    expect(before.cards).toEqual([]);
    expect(next.state.participants).toBe(before.participants);
    expect(next.state.seq).toBe(before.seq + 1);
  });
});

describe("applyEvent: sequence numbers", () => {
  it("ignores an event it already has (seq <= state.seq)", () => {
    const log = peopleJoined();
    const state = replay(log);
    for (const old of [log.events[0], log.events[log.events.length - 1]] as EventEnvelope[]) {
      const result = applyEvent(state, old);
      expect(result.kind).toBe("duplicate");
      expect(result.state).toBe(state);
    }
  });

  it("reports a gap when an event is missing, without changing the state", () => {
    const log = peopleJoined();
    const state = replay(log);
    log.add("phaseChanged", { from: "gathering", to: "agenda", at: at(9) });
    const later = log.add("agendaAgreed", { itemIds: [] });
    const result = applyEvent(state, later);
    expect(result).toEqual({ kind: "gap", state, expected: state.seq + 1, received: later.seq });
  });

  it("reports an unknown event type (a newer server) instead of guessing", () => {
    const state = replay(createdMeeting());
    for (const type of ["minutesPublished", "toString", "constructor"]) {
      const result = applyEvent(state, { seq: state.seq + 1, type, at: T0, data: {} });
      expect(result.kind).toBe("unknown");
      expect(result.state).toBe(state);
    }
  });

  it("resyncs after a gap: a page of GET events fills it, then the waiting live event is a duplicate", () => {
    const server = peopleJoined();
    const client = replay(server); // in step at seq 8
    server.add("phaseChanged", { from: "gathering", to: "agenda", at: at(9) });
    server.add("itemProposed", {
      itemId: guid(0x701), title: "Buses", picture: null, proposedById: ids.ann, enteredById: ids.ann, fromAnswerId: null,
    });
    const live = server.add("agendaAgreed", { itemIds: [guid(0x701)] });
    // The live feed missed seq 9 and 10; seq 11 arrives.
    const gap = applyEvent(client, live);
    expect(gap.kind).toBe("gap");
    // GET events?after=8 in pages of 2.
    let state = client;
    let after = client.seq;
    for (;;) {
      const page = server.page(after, 2);
      const result = applyPage(state, page);
      expect(result.kind).toBe("applied");
      state = result.state;
      after = page.lastSeq;
      if (page.complete) break;
    }
    expect(state.seq).toBe(11);
    expect(applyEvent(state, live).kind).toBe("duplicate");
    expect(state).toEqual(replay(server));
  });

  it("applyEvents sorts, skips duplicates, and stops at the first gap", () => {
    const server = peopleJoined();
    const start = replay(createdMeeting()); // seq 3
    const [, , , e4, e5, , e7] = server.events as EventEnvelope[];
    const result = applyEvents(start, [e5 as EventEnvelope, e4 as EventEnvelope, e4 as EventEnvelope, e7 as EventEnvelope]);
    expect(result.kind).toBe("gap");
    expect(result.state.seq).toBe(5);
    expect(result.applied.map((e) => e.seq)).toEqual([4, 5]);
    if (result.kind === "gap") expect([result.expected, result.received]).toEqual([6, 7]);
  });

  it("a state built from seq 1 equals one built from a snapshot plus the later events", () => {
    const log = peopleJoined();
    log.add("questionAnswered", {
      answerId: guid(0x601), question: "whyAreYouHere", participantId: ids.ann, enteredById: ids.ann, text: "Friends", picture: null,
    });
    const snapshotAt5 = JSON.parse(JSON.stringify(replay({ ...log, events: log.events.slice(0, 5) } as EventLog))) as MeetingSnapshot;
    const fromSnap = applyEvents(fromSnapshot(snapshotAt5), log.events);
    expect(fromSnap.kind).toBe("applied");
    expect(fromSnap.state).toEqual(replay(log));
  });
});

describe("ordering helpers", () => {
  it("compares Guids as .NET does (field by field = lower-case text order)", () => {
    expect(compareGuids("0000000a-0000-0000-0000-000000000000", "00000009-ffff-ffff-ffff-ffffffffffff")).toBe(1);
    expect(compareGuids("ABCDEF00-0000-0000-0000-000000000000", "abcdef00-0000-0000-0000-000000000000")).toBe(0);
    expect([guid(3), guid(1), guid(2)].sort(compareGuids)).toEqual([guid(1), guid(2), guid(3)]);
  });
});
