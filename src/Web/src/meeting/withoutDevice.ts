// Members in the room without a phone or tablet, and honest vote counts. Pure functions over the state.
import { participantById, type MeetingState } from "../client/meetingState";
import type { Guid, ParticipantView, PollView } from "../client/protocol";
import { joinPath } from "../app/routes";

/** Members who are here without a device (others enter for them), in the order they were added. */
export function membersWithoutDevice(state: MeetingState): ParticipantView[] {
  return state.participants.filter((p) => p.role === "member" && p.withoutDevice && !p.removed);
}

/** Members without a device that this supporter helps (they may enter for them and give them a code). */
export function membersHelpedBy(state: MeetingState, supporterId: Guid): ParticipantView[] {
  return state.participants.filter((p) => p.role === "member" && p.helperId === supporterId && !p.removed);
}

/**
 * Exactly the people who may vote now: the members (with or without a device) who are still here. The facilitator
 * runs the vote and has none of her own, so "4 of 4 people with a vote" can be reached (ADR 0007).
 */
export function peopleWithAVote(state: MeetingState): ParticipantView[] {
  return state.participants.filter((p) => p.role === "member" && !p.removed);
}

/** The address a member's own phone opens to take over: the join page with the code already in it. */
export function takeOverLink(origin: string, code: string): string {
  return `${origin.replace(/\/+$/, "")}${joinPath(code)}`;
}

/** The code in two halves for reading out and typing ("KMR T4QX"); spaces are ignored when it is typed. */
export function codeForReading(code: string): string {
  return code.length > 4 ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}

export interface ChoiceWithNames {
  optionId: string;
  label: string;
  names: string[];
}

/**
 * An open device vote: who chose what, as names under each choice (every participant receives these ballots, so the
 * screen shows them and the notice says so). Null for a secret vote or a hand count, where nobody's choice is known.
 */
export function whoChoseWhat(state: MeetingState, poll: PollView): ChoiceWithNames[] | null {
  if (poll.secret || poll.mode !== "devices") return null;
  return poll.options.map((option) => ({
    optionId: option.id,
    label: option.label,
    names: poll.ballots.filter((b) => b.optionId === option.id).map((b) => participantById(state, b.memberId)?.displayName ?? "Someone"),
  }));
}
