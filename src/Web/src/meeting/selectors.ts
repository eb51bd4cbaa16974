// Pure read helpers for the views: who said what (and with whose support), what is on the agenda, what a poll
// shows to whom, which cards are up. Tested in selectors.test.ts. The state itself only changes in client/meetingState.
import { agenda, participantById, type MeetingState } from "../client/meetingState";
import { CARD_KINDS } from "../client/protocol";
import type {
  ActionView,
  AnswerView,
  CardKind,
  CardView,
  Guid,
  ItemView,
  ParticipantView,
  PollOption,
  PollView,
  Question,
} from "../client/protocol";

export function nameOf(state: MeetingState, id: Guid | null | undefined): string {
  if (!id) return "";
  return participantById(state, id)?.displayName ?? "Someone";
}

/** "with support from Sam" when someone else entered it; null when the person did it themself. */
export function supportNote(state: MeetingState, personId: Guid, enteredById: Guid): string | null {
  return personId === enteredById ? null : `with support from ${nameOf(state, enteredById)}`;
}

/** "Cat" or "Cat, with support from Sam". */
export function whoSaid(state: MeetingState, personId: Guid, enteredById: Guid): string {
  const note = supportNote(state, personId, enteredById);
  return note ? `${nameOf(state, personId)}, ${note}` : nameOf(state, personId);
}

/**
 * Whose idea an item is. An item made from an answer ("Make it an idea for the agenda") is the answer's: the
 * facilitator who promoted it did not support anyone.
 */
export function ideaFrom(state: MeetingState, item: ItemView): string {
  const answer = item.fromAnswerId ? state.answers.find((a) => a.id === item.fromAnswerId) : undefined;
  return answer ? whoSaid(state, answer.participantId, answer.enteredById) : whoSaid(state, item.proposedById, item.enteredById);
}

export function present(state: MeetingState): ParticipantView[] {
  return state.participants.filter((p) => !p.removed && p.role !== "screen");
}

/** Members of the forum (they vote and set the agenda; supporters and the facilitator may act with them). */
export function forumMembers(state: MeetingState): ParticipantView[] {
  return state.participants.filter((p) => p.role === "member" && !p.removed);
}

export function listeners(state: MeetingState): ParticipantView[] {
  return state.participants.filter((p) => p.role === "listener" && !p.removed);
}

/** The member a supporter supports. */
export function supportedMember(state: MeetingState, supporter: ParticipantView | undefined): ParticipantView | undefined {
  return supporter?.supportsMemberId ? participantById(state, supporter.supportsMemberId) : undefined;
}

/** Supporters with this member. */
export function supportersOf(state: MeetingState, memberId: Guid): ParticipantView[] {
  return state.participants.filter((p) => p.role === "supporter" && p.supportsMemberId === memberId && !p.removed);
}

export function answersTo(state: MeetingState, question: Question): AnswerView[] {
  return state.answers.filter((a) => a.question === question);
}

export function answersBy(state: MeetingState, personId: Guid, question: Question): AnswerView[] {
  return state.answers.filter((a) => a.question === question && a.participantId === personId);
}

export function proposedItems(state: MeetingState): ItemView[] {
  return state.items.filter((i) => i.status === "proposed");
}

/** The agreed agenda in order (with items already done, current, or saved for next time). */
export function agendaInOrder(state: MeetingState): ItemView[] {
  return agenda(state);
}

export function itemStatusWords(item: ItemView): string {
  switch (item.status) {
    case "proposed":
      return "Idea";
    case "agreed":
      return "On the agenda";
    case "current":
      return "Talking about it now";
    case "done":
      return "Done";
    case "carriedForward":
      return "Next time";
  }
}

/** The poll to show now: the open one, else the last one of the current item. */
export function pollToShow(state: MeetingState): PollView | undefined {
  const open = state.polls.find((p) => p.status === "open");
  if (open) return open;
  const current = state.items.find((i) => i.status === "current");
  if (!current) return undefined;
  const ofItem = state.polls.filter((p) => p.itemId === current.id);
  return ofItem[ofItem.length - 1];
}

export interface OptionResult {
  option: PollOption;
  count: number;
}

/**
 * The counts to show for a poll, or null when they must not be shown yet: a secret poll shows nothing until it
 * is closed (the server sends no tally either).
 */
export function pollResults(poll: PollView): OptionResult[] | null {
  if (poll.tally === null) return null;
  if (poll.secret && poll.status === "open") return null;
  const tally = poll.tally;
  return poll.options.map((option) => ({ option, count: tally[option.id] ?? 0 }));
}

/** How many have voted so far (ballots on devices; the counted hands for a hand count). */
export function votesSoFar(poll: PollView): number {
  if (poll.mode === "handCount") return Object.values(poll.handCounts).reduce((sum, n) => sum + n, 0);
  return poll.ballots.length;
}

/** The ballot a member has in a poll (its option is "secret" in a secret poll). */
export function ballotOf(poll: PollView, memberId: Guid) {
  return poll.ballots.find((b) => b.memberId === memberId);
}

/** The option(s) with the most votes in a closed poll, as words: "Yes" or "Yes and No (the same)". */
export function winningWords(poll: PollView): string | null {
  const results = pollResults(poll);
  if (!results || poll.status !== "closed") return null;
  const top = Math.max(...results.map((r) => r.count));
  if (top === 0) return "Nobody voted.";
  const winners = results.filter((r) => r.count === top).map((r) => r.option.label);
  return winners.length === 1 ? `Most votes: ${winners[0]}.` : `The same number of votes: ${winners.join(" and ")}.`;
}

/** Cards that are up, the one raised first first. */
export function raisedCardsInOrder(state: MeetingState): CardView[] {
  return state.cards
    .filter((c) => c.clearedById === null)
    .slice()
    .sort((a, b) => (a.raisedAt < b.raisedAt ? -1 : a.raisedAt > b.raisedAt ? 1 : a.id < b.id ? -1 : 1));
}

/**
 * Raised cards by how urgent they are, so a Stop card is never missed: Stop, Slow down, Question, Break (CARD_KINDS
 * order), and within a kind the first raised first. The facilitator's bar and the shared screen both show them so.
 */
export function raisedCardsByUrgency(state: MeetingState): CardView[] {
  const rank = (c: CardView) => CARD_KINDS.indexOf(c.kind);
  return raisedCardsInOrder(state).sort((a, b) => rank(a) - rank(b));
}

export function raisedCard(state: MeetingState, participantId: Guid, kind: CardKind): CardView | undefined {
  return state.cards.find((c) => c.participantId === participantId && c.kind === kind && c.clearedById === null);
}

/** Actions someone owns or helps with. */
export function actionsOf(state: MeetingState, personIds: readonly Guid[]): ActionView[] {
  return state.actions.filter((a) => personIds.includes(a.ownerId) || (a.supporterId !== null && personIds.includes(a.supporterId)));
}

export function itemTitle(state: MeetingState, itemId: Guid | null): string | null {
  if (!itemId) return null;
  return state.items.find((i) => i.id === itemId)?.title ?? null;
}

export function isInvited(state: MeetingState, listenerId: Guid): boolean {
  return state.invitedListenerIds.includes(listenerId);
}

/** A "HH:MM" clock time for an instant, in this device's time zone. */
export function clockTime(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return "";
  return `${String(date.getHours()).padStart(2, "0")}:${String(date.getMinutes()).padStart(2, "0")}`;
}
