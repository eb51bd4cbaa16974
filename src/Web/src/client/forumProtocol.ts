// Forums that remember (docs/protocol.md 5.11): a forum's members, listeners and cards, its planned meetings and
// invitations. Field names mirror src/Api/Features/Forums (checked by protocolDrift.test.ts).
import type { CreatedMeeting, Guid, Instant, JoinedMeeting } from "./protocol.js";

export type ForumMemberKind = "Member" | "Listener";

export interface ForumMemberView {
  id: Guid;
  kind: ForumMemberKind;
  displayName: string;
  picture: string | null;
  /** The service or home a member represents. */
  represents: string | null;
  usualSupporter: string | null;
  /** A listener's role, e.g. "Trustee". */
  roleWords: string | null;
  /** The member's answer to "May we keep a record of the meetings you come to?". */
  keepsRecord: boolean;
  hasCard: boolean;
  cardIssuedAt: Instant | null;
}

/** A new forum card: the code is in this answer only (the server keeps its hash). */
export interface ForumCard {
  memberId: Guid;
  kind: ForumMemberKind;
  displayName: string;
  picture: string | null;
  forumName: string;
  code: string;
}

export interface ForumMemberCreated {
  member: ForumMemberView;
  card: ForumCard;
}

export interface ForumMeetingView {
  meetingId: Guid;
  title: string;
  phase: string;
  createdAt: Instant;
}

export interface PlannedMeetingView {
  id: Guid;
  startsAt: Instant;
  place: string;
  about: string;
  invitationPublic: boolean;
  invitationKey: string;
  meetingId: Guid | null;
}

/** The answer to POST .../planned/{plannedId}/cancel. */
export interface PlannedMeetingCancelled {
  id: Guid;
  cancelled: boolean;
}

export interface NewcomerView {
  meetingId: Guid;
  participantId: Guid;
  displayName: string;
  picture: string | null;
  role: string;
  joinedAt: Instant;
}

export interface ForumPage {
  id: Guid;
  name: string;
  members: ForumMemberView[];
  listeners: ForumMemberView[];
  liveMeetings: ForumMeetingView[];
  pastMeetings: ForumMeetingView[];
  plannedMeetings: PlannedMeetingView[];
  newcomers: NewcomerView[];
}

export interface ForumMemberFields {
  displayName: string;
  picture?: string | null;
  represents?: string | null;
  usualSupporter?: string | null;
  roleWords?: string | null;
  keepsRecord: boolean | null;
}

export interface InvitedPerson {
  displayName: string;
  picture: string | null;
  kind: ForumMemberKind;
  roleWords: string | null;
}

export interface InvitationView {
  forumName: string;
  startsAt: Instant;
  place: string;
  isVideoLink: boolean;
  about: string;
  invitationPublic: boolean;
  meetingId: Guid | null;
  /** Empty for a public reader. */
  people: InvitedPerson[];
  /** "What happened to your last ideas": the previous meeting's items; null before a forum's first meeting. */
  lastIdeas: LastIdeasView | null;
}

export type LastIdeaStatus = "talkedAbout" | "notChosen" | "onAgenda" | "notYet" | "stuck" | "done" | "dropped";

/** src/Api/Features/Forums/LastIdeas.cs. EasyRead: short sentences with no names (the same on a public invitation). */
export interface LastIdeasView {
  heldOn: string;
  easyRead: string[];
  ideas: LastIdea[];
}

export interface LastIdea {
  title: string;
  picture: string | null;
  status: LastIdeaStatus;
  easyRead: string[];
}

export interface ListedMemberView {
  id: Guid;
  kind: ForumMemberKind;
  displayName: string;
  picture: string | null;
  represents: string | null;
  /** This person's participant in the meeting, or null when they are not here. */
  participantId: Guid | null;
}

export type { CreatedMeeting, JoinedMeeting };

/** A meeting role and in how many counted meetings the member held it (docs/protocol.md 5.15). */
export interface RoleHeld {
  role: "chair" | "timekeeper" | "noteTaker" | "welcome" | string;
  meetings: number;
}

export interface ForumRecordCounts {
  meetings: number;
  /** UK dates (yyyy-mm-dd) of the first and last counted meeting; null when none. */
  firstMeeting: string | null;
  lastMeeting: string | null;
  roles: RoleHeld[];
  ideasProposed: number;
  ideasOnAgenda: number;
  votesCast: number;
  actionsOwned: number;
  actionsDone: number;
}

/** One Easy Read sentence of the record with its picture word. */
export interface RecordLine {
  section: "meetings" | "roles" | "ideas" | "votes" | "actions" | "consent" | string;
  picture: string;
  text: string;
}

/** "My forum record": counts is null when the member said no to keeping a record (the lines say so). */
export interface ForumRecordView {
  memberId: Guid;
  kind: "Member" | "Listener";
  displayName: string;
  picture: string | null;
  forumName: string;
  keepsRecord: boolean;
  counts: ForumRecordCounts | null;
  lines: RecordLine[];
  madeOn: string;
  madeOnWords: string;
}
