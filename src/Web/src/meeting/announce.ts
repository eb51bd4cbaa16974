// One short plain sentence for each event, for the polite role="status" regions (the shared screen and the
// member's "what just happened" line). Secret votes never say who voted what.
import { participantById, type MeetingState } from "../client/meetingState";
import type { EventEnvelope } from "../client/protocol";
import { CARD_WORDS, MEETING_ROLE_WORDS, PHASE_WORDS, QUESTION_WORDS } from "../words/plainWords";
import { nameOf } from "./selectors";

/** The sentence for an event, read against the state after it; null for events not worth announcing. */
export function describeEvent(envelope: EventEnvelope, state: MeetingState): string | null {
  switch (envelope.type) {
    case "participantJoined": {
      const d = envelope.data;
      if (d.role === "screen") return null;
      return `${d.displayName} joined the meeting.`;
    }
    case "participantRemoved":
      return `${nameOf(state, envelope.data.participantId)} has left the meeting.`;
    case "takeOverCodeIssued":
      return null;
    case "memberTookOver":
      return `${nameOf(state, envelope.data.participantId)} now uses their own phone or tablet.`;
    case "phaseChanged":
      return `We moved to step ${PHASE_WORDS[envelope.data.to].step}: ${PHASE_WORDS[envelope.data.to].label}.`;
    case "questionAnswered":
      return `${nameOf(state, envelope.data.participantId)} answered "${QUESTION_WORDS[envelope.data.question].label}"`;
    case "itemProposed":
      return `New idea for the agenda: ${envelope.data.title}.`;
    case "agendaAgreed":
      return `The agenda is agreed. It has ${envelope.data.itemIds.length} ${envelope.data.itemIds.length === 1 ? "item" : "items"}.`;
    case "itemStarted":
      return `Now we talk about: ${itemTitle(state, envelope.data.itemId)}.`;
    case "itemFinished":
      return `Finished: ${itemTitle(state, envelope.data.itemId)}.`;
    case "itemCarriedForward":
      return `Saved for next time: ${itemTitle(state, envelope.data.itemId)}.`;
    case "noteAdded":
      return `New note: ${envelope.data.text}`;
    case "pollOpened":
      return `${envelope.data.secret ? "A secret" : "An open"} vote has started: ${envelope.data.question}`;
    case "ballotCast": {
      const poll = state.polls.find((p) => p.id === envelope.data.pollId);
      const n = poll?.ballots.length ?? 0;
      return `${n} ${n === 1 ? "vote" : "votes"} counted so far.`;
    }
    case "handCountRecorded":
      return "The hands are counted.";
    case "pollClosed":
      return "The vote has closed. Here are the results.";
    case "decisionRecorded":
      return `Decision: ${envelope.data.text}`;
    case "actionAdded":
      return `New action for ${nameOf(state, envelope.data.ownerId)}: ${envelope.data.what}`;
    case "actionStatusChanged":
      return envelope.data.status === "done" ? "An action is done." : null;
    case "listenerInvited":
      return `${nameOf(state, envelope.data.listenerId)} is asked to respond.`;
    case "listenerResponded":
      return `${nameOf(state, envelope.data.listenerId)} responded.`;
    case "cardRaised": {
      const who = participantById(state, envelope.data.participantId)?.displayName ?? "Someone";
      return `${who} shows the ${CARD_WORDS[envelope.data.kind].label} card.`;
    }
    case "cardCleared": {
      const card = state.cards.find((c) => c.id === envelope.data.cardId);
      return card ? `The ${CARD_WORDS[card.kind].label} card of ${nameOf(state, card.participantId)} is down.` : null;
    }
    case "meetingCreated":
      return null;
    case "reviewPrepared": {
      const n = envelope.data.items.length;
      return `First we look at last time. There ${n === 1 ? "is 1 thing" : `are ${n} things`} to check.`;
    }
    case "followUpStatusSet": {
      const text = sentence(state.review.find((r) => r.followUpId === envelope.data.followUpId)?.text ?? "something from last time");
      const d = envelope.data;
      if (d.status === "dropped") return `Dropped: ${text}${d.reason ? ` Why: ${sentence(d.reason)}` : ""}`;
      return `${REVIEW_STATUS_WORDS[d.status]}: ${text}`;
    }
    case "followUpPutOnAgenda":
      return `On the agenda again: ${sentence(envelope.data.title)}`;
    case "reviewFinished":
      return "We finished looking at last time.";
    case "meetingRoleGiven":
      return `${nameOf(state, envelope.data.participantId)} is ${MEETING_ROLE_WORDS[envelope.data.role].the} now.`;
    case "meetingRoleTaken":
      return `${nameOf(state, envelope.data.participantId)} is not ${MEETING_ROLE_WORDS[envelope.data.role].the} now.`;
  }
}

const REVIEW_STATUS_WORDS = { done: "Done", notYet: "Not done yet", stuck: "Stuck" } as const;

/** Ends the words with a full stop unless they end already. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function itemTitle(state: MeetingState, itemId: string): string {
  return state.items.find((i) => i.id === itemId)?.title ?? "an item";
}
