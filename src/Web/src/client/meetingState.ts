// The ONE place the client's meeting state changes. applyEvent mirrors Meeting.Apply
// (src/Domain/Meetings/Meeting.Apply.cs) and MeetingSnapshot.Of (src/Api/Features/Meetings/MeetingSnapshot.cs)
// exactly, so that a client's state after applying events deep-equals GET /api/meetings/{id}/snapshot at the same seq.
//
// State is immutable: every change returns new objects for what changed and shares the rest (cheap for Preact).

import {
  MEETING_ROLES,
  SECRET_OPTION,
  type AnswerView,
  type CardView,
  type EventEnvelope,
  type EventPage,
  type Guid,
  type ItemView,
  type MeetingEventData,
  type MeetingEventType,
  type MeetingRole,
  type MeetingSnapshot,
  type ParticipantView,
  type PollView,
  type UnknownEnvelope,
} from "./protocol.js";
import { reviewReducers } from "./reviewReducers.js";

/** The client's view of a meeting: exactly the server's snapshot shape. */
export type MeetingState = MeetingSnapshot;

export type ApplyResult =
  /** The event was the next one and is now part of the state. */
  | { kind: "applied"; state: MeetingState }
  /** Already applied (seq <= state.seq): nothing changed. */
  | { kind: "duplicate"; state: MeetingState }
  /** Events between state.seq and this one are missing: resync (GET events?after=state.seq), then apply it again. */
  | { kind: "gap"; state: MeetingState; expected: number; received: number }
  /** The next event, but of a type this client does not know: take a fresh snapshot. */
  | { kind: "unknown"; state: MeetingState; type: string };

// ---------------------------------------------------------------------------------------------------------------
/** A state holding no meeting yet: applying the meeting's events from seq 1 builds it. */
export function emptyState(): MeetingState {
  return {
    meetingId: "",
    title: "",
    phase: "gathering",
    seq: 0,
    createdAt: "",
    participants: [],
    answers: [],
    items: [],
    polls: [],
    decisions: [],
    actions: [],
    responses: [],
    invitedListenerIds: [],
    cards: [],
    review: [],
    reviewOpen: false,
  };
}

/** Starts from a snapshot (from JoinMeeting or GET snapshot). */
export function fromSnapshot(snapshot: MeetingSnapshot): MeetingState {
  return snapshot;
}

/** Applies one envelope: the next one changes the state; earlier ones are ignored; later ones report a gap. */
export function applyEvent(state: MeetingState, envelope: EventEnvelope | UnknownEnvelope): ApplyResult {
  if (envelope.seq <= state.seq) return { kind: "duplicate", state };
  if (envelope.seq > state.seq + 1) return { kind: "gap", state, expected: state.seq + 1, received: envelope.seq };
  if (!Object.hasOwn(reducers, envelope.type)) return { kind: "unknown", state, type: envelope.type };
  const reducer = reducers[envelope.type as MeetingEventType] as Reducer<MeetingEventType>;
  const next = reducer(state, envelope.data as MeetingEventData[MeetingEventType]);
  return { kind: "applied", state: { ...next, seq: envelope.seq } };
}

export type ApplyManyResult =
  | { kind: "applied"; state: MeetingState; applied: EventEnvelope[] }
  | { kind: "gap"; state: MeetingState; applied: EventEnvelope[]; expected: number; received: number }
  | { kind: "unknown"; state: MeetingState; applied: EventEnvelope[]; type: string };

/**
 * Applies envelopes in seq order (they may arrive unsorted and repeated), skipping duplicates. Stops at the first
 * gap or unknown type and reports it with the state up to there.
 */
export function applyEvents(state: MeetingState, envelopes: readonly (EventEnvelope | UnknownEnvelope)[]): ApplyManyResult {
  const sorted = [...envelopes].sort((a, b) => a.seq - b.seq);
  const applied: EventEnvelope[] = [];
  let current = state;
  for (const envelope of sorted) {
    const result = applyEvent(current, envelope);
    switch (result.kind) {
      case "duplicate":
        continue;
      case "applied":
        current = result.state;
        applied.push(envelope as EventEnvelope);
        continue;
      case "gap":
        return { kind: "gap", state: current, applied, expected: result.expected, received: result.received };
      case "unknown":
        return { kind: "unknown", state: current, applied, type: result.type };
    }
  }
  return { kind: "applied", state: current, applied };
}

/** Applies one page of GET events?after=N. */
export function applyPage(state: MeetingState, page: EventPage): ApplyManyResult {
  return applyEvents(state, page.events);
}

// ---------------------------------------------------------------------------------------------------------------
// Reducers, one per event type, in the order of Meeting.Apply.

type Reducer<T extends MeetingEventType> = (state: MeetingState, data: MeetingEventData[T]) => MeetingState;

const reducers: { [T in MeetingEventType]: Reducer<T> } = {
  meetingCreated: (s, d) => ({ ...s, meetingId: d.meetingId, title: d.title, createdAt: d.at, phase: "gathering" }),

  // Participants are kept in the order they joined, as in MeetingSnapshot: a newcomer is appended.
  participantJoined: (s, d) => ({
    ...s,
    participants: [
      ...s.participants,
      {
        id: d.participantId,
        displayName: d.displayName,
        role: d.role,
        picture: d.picture,
        supportsMemberId: d.supportsMemberId,
        removed: false,
        joinedAt: d.at,
        withoutDevice: d.withoutDevice ?? false,
        helperId: d.helperId ?? null,
        addedById: d.addedById ?? null,
        forumMemberId: d.forumMemberId ?? null,
        roles: [],
      },
    ],
  }),

  participantRemoved: (s, d) => ({
    ...s,
    // A removed person's roles are free for others (Meeting.Apply does the same).
    participants: replaceWhere(s.participants, (p) => p.id === d.participantId, (p) => ({ ...p, removed: true, roles: [] })),
  }),

  // Nothing to show: the code went to the person who asked for it, in their ack.
  takeOverCodeIssued: (s) => s,

  memberTookOver: (s, d) => ({
    ...s,
    participants: replaceWhere(s.participants, (p) => p.id === d.participantId, (p) => ({ ...p, withoutDevice: false })),
  }),

  // Phases only move forward, so leaving gathering ends the review step for good.
  phaseChanged: (s, d) => ({ ...s, phase: d.to, reviewOpen: s.reviewOpen && d.to === "gathering" }),

  questionAnswered: (s, d) => {
    const answer: AnswerView = {
      id: d.answerId,
      question: d.question,
      participantId: d.participantId,
      enteredById: d.enteredById,
      text: d.text,
      picture: d.picture,
      promotedToItemId: null,
    };
    return { ...s, answers: [...s.answers, answer] };
  },

  itemProposed: (s, d) => {
    const item: ItemView = {
      id: d.itemId,
      title: d.title,
      picture: d.picture,
      status: "proposed",
      position: null,
      proposedById: d.proposedById,
      enteredById: d.enteredById,
      fromAnswerId: d.fromAnswerId,
      notes: [],
    };
    const answerId = d.fromAnswerId;
    return {
      ...s,
      items: [...s.items, item],
      answers:
        answerId === null
          ? s.answers
          : replaceFirst(s.answers, (a) => a.id === answerId, (a) => ({ ...a, promotedToItemId: d.itemId })),
    };
  },

  agendaAgreed: (s, d) => {
    // Re-agreeing replaces the order; items left out go back to proposed.
    const positions = new Map(d.itemIds.map((id, index) => [id, index + 1]));
    const items = s.items.map((item): ItemView => {
      const position = positions.get(item.id);
      if (position !== undefined) return { ...item, status: "agreed", position };
      if (item.status === "agreed") return { ...item, status: "proposed", position: null };
      return item;
    });
    return { ...s, items };
  },

  itemStarted: (s, d) => withItemStatus(s, d.itemId, "current"),
  itemFinished: (s, d) => withItemStatus(s, d.itemId, "done"),
  itemCarriedForward: (s, d) => withItemStatus(s, d.itemId, "carriedForward"),

  noteAdded: (s, d) => ({
    ...s,
    items: replaceFirst(s.items, (i) => i.id === d.itemId, (i) => ({ ...i, notes: [...i.notes, { id: d.noteId, text: d.text }] })),
  }),

  pollOpened: (s, d) => {
    const poll: PollView = {
      id: d.pollId,
      itemId: d.itemId,
      question: d.question,
      options: d.options,
      secret: d.secret,
      mode: d.mode,
      status: "open",
      openedAt: d.at,
      closedAt: null,
      ballots: [],
      handCounts: {},
      tally: null,
      eligibleMemberIds: [],
    };
    return { ...s, polls: [...s.polls, withTally(poll)] };
  },

  ballotCast: (s, d) =>
    withPoll(s, d.pollId, (p) => ({
      ...p,
      ballots: [...p.ballots, { memberId: d.memberId, enteredById: d.enteredById, optionId: p.secret ? SECRET_OPTION : d.optionId }],
    })),

  handCountRecorded: (s, d) => withPoll(s, d.pollId, (p) => ({ ...p, handCounts: { ...d.counts } })),

  pollClosed: (s, d) =>
    withPoll(
      s,
      d.pollId,
      (p) => ({ ...p, status: "closed", closedAt: d.at, eligibleMemberIds: [...d.eligibleMemberIds] }),
      d.tally,
    ),

  decisionRecorded: (s, d) => ({
    ...s,
    decisions: [...s.decisions, { id: d.decisionId, itemId: d.itemId, text: d.text, level: d.level, pollId: d.pollId }],
  }),

  actionAdded: (s, d) => ({
    ...s,
    actions: [
      ...s.actions,
      {
        id: d.actionId,
        itemId: d.itemId,
        what: d.what,
        ownerId: d.ownerId,
        supporterId: d.supporterId,
        dueDate: d.dueDate,
        fromResponseId: d.fromResponseId,
        status: "open",
      },
    ],
  }),

  actionStatusChanged: (s, d) => ({
    ...s,
    actions: replaceFirst(s.actions, (a) => a.id === d.actionId, (a) => ({ ...a, status: d.status })),
  }),

  listenerInvited: (s, d) =>
    s.invitedListenerIds.includes(d.listenerId)
      ? s
      : { ...s, invitedListenerIds: [...s.invitedListenerIds, d.listenerId].sort(compareGuids) },

  listenerResponded: (s, d) => ({
    ...s,
    invitedListenerIds: s.invitedListenerIds.filter((id) => id !== d.listenerId),
    responses: [...s.responses, { id: d.responseId, listenerId: d.listenerId, itemId: d.itemId, text: d.text }],
  }),

  cardRaised: (s, d) => {
    const card: CardView = { id: d.cardId, participantId: d.participantId, kind: d.kind, raisedAt: d.at, clearedById: null };
    return { ...s, cards: [...s.cards, card] };
  },

  cardCleared: (s, d) => ({
    ...s,
    cards: replaceFirst(s.cards, (c) => c.id === d.cardId, (c) => ({ ...c, clearedById: d.clearedById })),
  }),

  ...reviewReducers,
  // Roles are kept in MEETING_ROLES order, as the snapshot lists them.
  meetingRoleGiven: (s, d) => ({
    ...s,
    participants: replaceWhere(s.participants, (p) => p.id === d.participantId, (p) => ({
      ...p,
      roles: MEETING_ROLES.filter((r) => r === d.role || p.roles.includes(r)),
    })),
  }),

  meetingRoleTaken: (s, d) => ({
    ...s,
    participants: replaceWhere(s.participants, (p) => p.id === d.participantId, (p) => ({ ...p, roles: p.roles.filter((r) => r !== d.role) })),
  }),
};

// ---------------------------------------------------------------------------------------------------------------
// Helpers

function withItemStatus(s: MeetingState, itemId: Guid, status: ItemView["status"]): MeetingState {
  return { ...s, items: replaceFirst(s.items, (i) => i.id === itemId, (i) => ({ ...i, status })) };
}

function withPoll(
  s: MeetingState,
  pollId: Guid,
  change: (poll: PollView) => PollView,
  closedTally?: Record<string, number>,
): MeetingState {
  return { ...s, polls: replaceFirst(s.polls, (p) => p.id === pollId, (p) => withTally(change(p), closedTally)) };
}

/**
 * PollView.Of: a secret poll shows no tally while open; an open poll's tally has every option, counted from the
 * ballots (devices) or taken from the hand counts (hand count). A closed poll's tally is the result sent with
 * PollClosed (for a secret poll the only place it can come from: its ballots hide their options). The server
 * computes that result from the same ballots at the close, and nothing is counted after it.
 */
function withTally(poll: PollView, closedTally?: Record<string, number>): PollView {
  if (poll.status === "closed") return { ...poll, tally: closedTally !== undefined ? { ...closedTally } : poll.tally };
  if (poll.secret) return { ...poll, tally: null };
  const tally: Record<string, number> = {};
  for (const option of poll.options) tally[option.id] = 0;
  if (poll.mode === "handCount") {
    for (const option of poll.options) tally[option.id] = poll.handCounts[option.id] ?? 0;
  } else {
    for (const ballot of poll.ballots) tally[ballot.optionId] = (tally[ballot.optionId] ?? 0) + 1;
  }
  return { ...poll, tally };
}

function replaceFirst<T>(list: readonly T[], match: (x: T) => boolean, change: (x: T) => T): T[] {
  const index = list.findIndex(match);
  if (index < 0) return list as T[];
  const copy = list.slice();
  copy[index] = change(list[index] as T);
  return copy;
}

function replaceWhere<T>(list: readonly T[], match: (x: T) => boolean, change: (x: T) => T): T[] {
  return list.some(match) ? list.map((x) => (match(x) ? change(x) : x)) : (list as T[]);
}

/**
 * .NET orders Guids by their fields as unsigned numbers (a, b, c, then bytes d..k), which is the order of their
 * lower-case "D" strings. Compared case-insensitively to be safe.
 */
export function compareGuids(a: Guid, b: Guid): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * An instant as 100-nanosecond ticks since 1970 (DateTimeOffset's precision), comparable across offsets.
 * Returns null when the text is not an ISO 8601 date and time.
 */

// ---------------------------------------------------------------------------------------------------------------
// Read helpers for views (pure, no state change).

export function participantById(state: MeetingState, id: Guid): ParticipantView | undefined {
  return state.participants.find((p) => p.id === id);
}

export function currentItem(state: MeetingState): ItemView | undefined {
  return state.items.find((i) => i.status === "current");
}

export function openPoll(state: MeetingState): PollView | undefined {
  return state.polls.find((p) => p.status === "open");
}

export function raisedCards(state: MeetingState): CardView[] {
  return state.cards.filter((c) => c.clearedById === null);
}

/** Who holds the role now (not removed: a removed person's roles are already free), or undefined. */
export function holderOf(state: MeetingState, role: MeetingRole): ParticipantView | undefined {
  return state.participants.find((p) => p.roles.includes(role));
}

export function agenda(state: MeetingState): ItemView[] {
  return state.items.filter((i) => i.position !== null).sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
}
