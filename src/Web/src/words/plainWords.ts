// The words ForumHub shows for the meeting's fixed things, in plain English, each with its picture word.
import type { CardKind, MeetingRole, ParticipationLevel, Phase, Question, Role } from "../client/protocol";

export interface Worded {
  /** Short name, e.g. "Stop". */
  label: string;
  /** Picture word in the shared map. */
  picture: string;
}

export const PHASE_WORDS: Record<Phase, Worded & { step: number; doing: string }> = {
  gathering: { step: 1, label: "Getting started", picture: "hello", doing: "We say why we are here and what we want to do." },
  agenda: { step: 2, label: "Agree the agenda", picture: "agenda", doing: "We choose what to talk about, and in what order." },
  items: { step: 3, label: "Talk about each item", picture: "talk", doing: "We talk about one item at a time, vote and decide." },
  closed: { step: 4, label: "Meeting finished", picture: "check", doing: "The meeting has finished. Thank you for coming." },
};

export const QUESTION_WORDS: Record<Question, Worded & { prompt: string }> = {
  whyAreYouHere: { label: "Why are you here?", picture: "question", prompt: "Say why you came today." },
  whatDoYouWantToDo: { label: "What do you want to do?", picture: "idea", prompt: "Say what you want the forum to talk about." },
};

export const CARD_WORDS: Record<CardKind, Worded & { meaning: string }> = {
  stop: { label: "Stop", picture: "stop", meaning: "Please stop." },
  slowDown: { label: "Slow down", picture: "slow-down", meaning: "Please go slower." },
  question: { label: "Question", picture: "question", meaning: "I have a question." },
  break: { label: "Break", picture: "break", meaning: "I need a break." },
};

/**
 * Roles in a meeting (issue 14): the label ("Chair"), what the job is, and the words for the person who has it
 * ("the chair", as in "You are the chair today." and "Sam is the chair.").
 */
export const MEETING_ROLE_WORDS: Record<MeetingRole, Worded & { the: string; job: string }> = {
  chair: { label: "Chair", picture: "facilitator", the: "the chair", job: "You help to lead the meeting." },
  timekeeper: { label: "Timekeeper", picture: "clock", the: "the timekeeper", job: "You watch the time. You say when time is nearly up." },
  noteTaker: { label: "Note-taker", picture: "notes", the: "the note-taker", job: "You write down what we say and decide." },
  welcome: { label: "Welcome", picture: "hello", the: "the welcome person", job: "You say hello to people when they arrive." },
};

export const ROLE_WORDS: Record<Role, Worded> = {
  member: { label: "Member", picture: "member" },
  facilitator: { label: "Facilitator", picture: "facilitator" },
  supporter: { label: "Supporter", picture: "supporter" },
  listener: { label: "Listener", picture: "listener" },
  screen: { label: "Shared screen", picture: "screen" },
};

/** The Steps of Participation (Camden), most power shared first, said plainly. */
export const LEVEL_WORDS: Record<ParticipationLevel, Worded & { meaning: string }> = {
  coProduction: { label: "Co-production", picture: "co-production", meaning: "We decided together, as equals." },
  coDesign: { label: "Co-design", picture: "co-design", meaning: "We planned it together. Others made the final choice." },
  engagement: { label: "Engagement", picture: "engagement", meaning: "We were asked and our ideas were used." },
  consultation: { label: "Consultation", picture: "consultation", meaning: "We were asked what we think. Others decided." },
  informing: { label: "Informing", picture: "informing", meaning: "We were told about a decision." },
  educating: { label: "Educating", picture: "educating", meaning: "We were taught about it." },
  persuasion: { label: "Persuasion", picture: "persuasion", meaning: "Someone tried to change our minds." },
};

/** The Easy Read notice shown before and during a vote: open or secret. */
export function voteNotice(secret: boolean): Worded & { text: string } {
  return secret
    ? { label: "Secret vote", picture: "secret", text: "This is a secret vote. Nobody will see how you voted. We only show the totals." }
    : { label: "Open vote", picture: "people", text: "This is an open vote. Everyone in the meeting can see who chose what." };
}

/** How the vote is counted: on phones, or hands up in the room (said once: the vote notice carries it). */
export function voteModeNotice(handCount: boolean): string {
  return handCount
    ? "Put your hand up in the room when the facilitator says your choice. The facilitator counts the hands."
    : "Vote on your phone or tablet.";
}
