// "Who are you in this meeting?": when one browser holds several people for a meeting (a facilitator let a member
// join on her laptop), each tab picks one, and the address then says who (so a reload keeps it).
import { meetingPath } from "../app/routes";
import { ROLE_WORDS } from "../words/plainWords";
import type { MeetingSession } from "./sessionStore";

export interface PersonChoice {
  participantId: string;
  role: MeetingSession["role"];
  /** The words on the button. */
  label: string;
  /** Where it goes: the meeting as this person. */
  path: string;
}

/** One choice per person, in the store's order (the facilitator first). */
export function chooserChoices(people: readonly MeetingSession[]): PersonChoice[] {
  return people.map((s) => {
    const name = s.displayName?.trim();
    const label = s.role === "facilitator"
      ? `Open the facilitator's console${name ? ` (${name})` : ""}`
      : `Go on as ${name || "the person who joined"} (${ROLE_WORDS[s.role].label.toLowerCase()})`;
    return { participantId: s.participantId, role: s.role, label, path: meetingPath(s.meetingId, s.participantId) };
  });
}

/** What /meeting/{id}[/p/{participantId}] opens: one person, a choice between several, or nobody yet. */
export type MeetingOpening =
  | { kind: "person"; session: MeetingSession }
  | { kind: "choose"; choices: PersonChoice[] }
  | { kind: "none" };

export function openingFor(people: readonly MeetingSession[], participantId: string | null): MeetingOpening {
  if (participantId) {
    const wanted = people.find((s) => s.participantId.toLowerCase() === participantId.toLowerCase());
    if (wanted) return { kind: "person", session: wanted };
  } else if (people.length === 1) {
    return { kind: "person", session: people[0] as MeetingSession };
  }
  return people.length === 0 ? { kind: "none" } : { kind: "choose", choices: chooserChoices(people) };
}
