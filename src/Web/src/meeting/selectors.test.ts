import { describe, expect, it } from "vitest";
import {
  actionsOf,
  agendaInOrder,
  ballotOf,
  forumMembers,
  ideaFrom,
  itemStatusWords,
  pollResults,
  pollToShow,
  present,
  raisedCard,
  raisedCardsByUrgency,
  raisedCardsInOrder,
  supportedMember,
  supportNote,
  votesSoFar,
  whoSaid,
  winningWords,
} from "./selectors";
import { ID, MeetingBuilder } from "./testing/meetingBuilder";

const ITEM = { a: "10000000-0000-4000-8000-00000000000a", b: "10000000-0000-4000-8000-00000000000b", c: "10000000-0000-4000-8000-00000000000c" };
const POLL = "20000000-0000-4000-8000-000000000001";
const OPTIONS = [
  { id: "yes", label: "Yes", picture: "yes" },
  { id: "no", label: "No", picture: "no" },
  { id: "not-sure", label: "Not sure", picture: "not-sure" },
];

function withAgenda() {
  return new MeetingBuilder()
    .add("itemProposed", { itemId: ITEM.a, title: "Buses", picture: "bus", proposedById: ID.ann, enteredById: ID.ann, fromAnswerId: null })
    .add("itemProposed", { itemId: ITEM.b, title: "Day trips", picture: null, proposedById: ID.cat, enteredById: ID.sam, fromAnswerId: null })
    .add("itemProposed", { itemId: ITEM.c, title: "Money", picture: null, proposedById: ID.ann, enteredById: ID.ann, fromAnswerId: null })
    .add("phaseChanged", { from: "gathering", to: "agenda", at: "2026-03-03T10:30:00+00:00" })
    .add("agendaAgreed", { itemIds: [ITEM.b, ITEM.a] })
    .add("phaseChanged", { from: "agenda", to: "items", at: "2026-03-03T10:31:00+00:00" })
    .add("itemStarted", { itemId: ITEM.b });
}

function openPoll(builder: MeetingBuilder, secret: boolean) {
  return builder.add("pollOpened", { pollId: POLL, itemId: ITEM.b, question: "Do you agree?", options: OPTIONS, secret, mode: "devices", at: "2026-03-03T10:40:00+00:00" });
}

describe("who said it", () => {
  it("says 'with support from' only when someone else entered it", () => {
    const state = new MeetingBuilder().build();
    expect(whoSaid(state, ID.cat, ID.sam)).toBe("Cat, with support from Sam");
    expect(whoSaid(state, ID.ann, ID.ann)).toBe("Ann");
    expect(supportNote(state, ID.ann, ID.ann)).toBeNull();
  });

  it("finds the member a supporter supports; members are only members; the screen is not a person", () => {
    const state = new MeetingBuilder().build();
    const sam = state.participants.find((p) => p.id === ID.sam);
    expect(supportedMember(state, sam)?.displayName).toBe("Cat");
    expect(forumMembers(state).map((p) => p.displayName)).toEqual(["Ann", "Cat"]);
    expect(present(state).map((p) => p.displayName)).not.toContain("Screen");
  });
});

describe("whose idea", () => {
  it("an item made from an answer is the answer's author's, with the answer's support, not the promoter's", () => {
    const answer = "50000000-0000-4000-8000-000000000001";
    const state = new MeetingBuilder()
      .add("questionAnswered", { answerId: answer, question: "whatDoYouWantToDo", participantId: ID.cat, enteredById: ID.sam, text: "Day trips", picture: null })
      .add("itemProposed", { itemId: ITEM.a, title: "Day trips", picture: null, proposedById: ID.cat, enteredById: ID.fay, fromAnswerId: answer })
      .add("itemProposed", { itemId: ITEM.b, title: "Buses", picture: null, proposedById: ID.ann, enteredById: ID.fay, fromAnswerId: null })
      .build();
    expect(ideaFrom(state, state.items[0]!)).toBe("Cat, with support from Sam");
    expect(ideaFrom(state, state.items[1]!)).toBe("Ann, with support from Fay");
  });
});

describe("agenda", () => {
  it("lists the agreed items in order, and says each status in words", () => {
    const state = withAgenda().build();
    expect(agendaInOrder(state).map((i) => i.title)).toEqual(["Day trips", "Buses"]);
    expect(agendaInOrder(state).map(itemStatusWords)).toEqual(["Talking about it now", "On the agenda"]);
    expect(state.items.find((i) => i.id === ITEM.c)?.status).toBe("proposed");
  });
});

describe("polls", () => {
  it("a secret poll shows no results until it closes, only how many voted", () => {
    const state = openPoll(withAgenda(), true)
      .add("ballotCast", { pollId: POLL, memberId: ID.ann, enteredById: ID.ann, optionId: "yes" })
      .add("ballotCast", { pollId: POLL, memberId: ID.cat, enteredById: ID.sam, optionId: "no" })
      .build();
    const poll = pollToShow(state)!;
    expect(pollResults(poll)).toBeNull();
    expect(votesSoFar(poll)).toBe(2);
    expect(ballotOf(poll, ID.cat)).toEqual({ memberId: ID.cat, enteredById: ID.sam, optionId: "secret" });
    expect(winningWords(poll)).toBeNull();
  });

  it("a closed secret poll shows the tally sent when it closed, and the winner in words", () => {
    const state = openPoll(withAgenda(), true)
      .add("ballotCast", { pollId: POLL, memberId: ID.ann, enteredById: ID.ann, optionId: "yes" })
      .add("pollClosed", { pollId: POLL, eligibleMemberIds: [ID.fay, ID.ann, ID.cat], tally: { yes: 1, no: 0, "not-sure": 0 }, at: "2026-03-03T10:45:00+00:00" })
      .build();
    const poll = pollToShow(state)!;
    expect(poll.status).toBe("closed");
    expect(pollResults(poll)?.map((r) => [r.option.label, r.count])).toEqual([["Yes", 1], ["No", 0], ["Not sure", 0]]);
    expect(winningWords(poll)).toBe("Most votes: Yes.");
  });

  it("an open poll shows live counts; a tie is said as a tie", () => {
    const state = openPoll(withAgenda(), false)
      .add("ballotCast", { pollId: POLL, memberId: ID.ann, enteredById: ID.ann, optionId: "yes" })
      .add("ballotCast", { pollId: POLL, memberId: ID.cat, enteredById: ID.sam, optionId: "no" })
      .add("pollClosed", { pollId: POLL, eligibleMemberIds: [ID.ann, ID.cat], tally: { yes: 1, no: 1, "not-sure": 0 }, at: "2026-03-03T10:45:00+00:00" })
      .build();
    expect(winningWords(pollToShow(state)!)).toBe("The same number of votes: Yes and No.");
  });

  it("a hand count counts hands", () => {
    const state = withAgenda()
      .add("pollOpened", { pollId: POLL, itemId: ITEM.b, question: "Hands?", options: OPTIONS, secret: false, mode: "handCount", at: "2026-03-03T10:40:00+00:00" })
      .add("handCountRecorded", { pollId: POLL, counts: { yes: 5, no: 1, "not-sure": 0 }, enteredById: ID.fay })
      .build();
    const poll = pollToShow(state)!;
    expect(votesSoFar(poll)).toBe(6);
    expect(pollResults(poll)?.map((r) => r.count)).toEqual([5, 1, 0]);
  });

  it("after the item ends there is no poll to show", () => {
    const state = openPoll(withAgenda(), false)
      .add("pollClosed", { pollId: POLL, eligibleMemberIds: [], tally: { yes: 0, no: 0, "not-sure": 0 }, at: "2026-03-03T10:45:00+00:00" })
      .add("itemFinished", { itemId: ITEM.b })
      .build();
    expect(pollToShow(state)).toBeUndefined();
  });
});

describe("cards and actions", () => {
  it("lists raised cards first raised first, without those put down", () => {
    const c1 = "30000000-0000-4000-8000-000000000001";
    const c2 = "30000000-0000-4000-8000-000000000002";
    const c3 = "30000000-0000-4000-8000-000000000003";
    const state = new MeetingBuilder()
      .add("cardRaised", { cardId: c2, participantId: ID.cat, kind: "break", at: "2026-03-03T10:50:00+00:00" })
      .add("cardRaised", { cardId: c1, participantId: ID.ann, kind: "stop", at: "2026-03-03T10:51:00+00:00" })
      .add("cardRaised", { cardId: c3, participantId: ID.lee, kind: "question", at: "2026-03-03T10:52:00+00:00" })
      .add("cardCleared", { cardId: c1, clearedById: ID.fay })
      .build();
    expect(raisedCardsInOrder(state).map((c) => c.id)).toEqual([c2, c3]);
    expect(raisedCard(state, ID.cat, "break")?.id).toBe(c2);
    expect(raisedCard(state, ID.ann, "stop")).toBeUndefined();
  });

  it("orders raised cards Stop, Slow down, Question, Break, the first raised first within a kind", () => {
    const card = (n: number) => `30000000-0000-4000-8000-00000000001${n}`;
    const state = new MeetingBuilder()
      .add("cardRaised", { cardId: card(1), participantId: ID.cat, kind: "break", at: "2026-03-03T10:50:00+00:00" })
      .add("cardRaised", { cardId: card(2), participantId: ID.ann, kind: "question", at: "2026-03-03T10:51:00+00:00" })
      .add("cardRaised", { cardId: card(3), participantId: ID.lee, kind: "slowDown", at: "2026-03-03T10:52:00+00:00" })
      .add("cardRaised", { cardId: card(4), participantId: ID.cat, kind: "stop", at: "2026-03-03T10:53:00+00:00" })
      .add("cardRaised", { cardId: card(5), participantId: ID.ann, kind: "stop", at: "2026-03-03T10:54:00+00:00" })
      .add("cardRaised", { cardId: card(6), participantId: ID.sam, kind: "question", at: "2026-03-03T10:49:00+00:00" })
      .add("cardCleared", { cardId: card(2), clearedById: ID.fay })
      .build();
    expect(raisedCardsByUrgency(state).map((c) => [c.kind, c.participantId])).toEqual([
      ["stop", ID.cat],
      ["stop", ID.ann],
      ["slowDown", ID.lee],
      ["question", ID.sam],
      ["break", ID.cat],
    ]);
  });

  it("'my actions' are those I own or help with", () => {
    const a1 = "40000000-0000-4000-8000-000000000001";
    const a2 = "40000000-0000-4000-8000-000000000002";
    const state = withAgenda()
      .add("actionAdded", { actionId: a1, itemId: ITEM.b, what: "Write a letter", ownerId: ID.ann, supporterId: ID.sam, dueDate: "2026-04-01", fromResponseId: null })
      .add("actionAdded", { actionId: a2, itemId: ITEM.b, what: "Ask the board", ownerId: ID.lee, supporterId: null, dueDate: null, fromResponseId: null })
      .build();
    expect(actionsOf(state, [ID.ann]).map((a) => a.id)).toEqual([a1]);
    expect(actionsOf(state, [ID.sam, ID.cat]).map((a) => a.id)).toEqual([a1]);
    expect(actionsOf(state, [ID.lee]).map((a) => a.id)).toEqual([a2]);
  });
});
