// The wire protocol of the ForumHub Api, as TypeScript types. Mirrors (keep in step with):
//   src/Domain/Meetings/{Enums,Events,Outcomes,Poll}.cs           event records and enums
//   src/Api/Features/Meetings/MeetingSnapshot.cs                    the snapshot (client state has exactly this shape)
//   src/Api/Features/**                                             command records (hub method arguments) and HTTP bodies
//   src/Api/Runtime/EventEnvelope.cs, CommandErrors.cs              envelopes and API error codes
//   src/Domain/Rules/ErrorCodes.cs                                  domain error codes
// JSON is camelCase; enums are camelCase strings; Guids are lower-case strings; DateTimeOffset is an ISO 8601 string
// with offset (e.g. "2026-03-03T10:15:00.1234567+00:00"); DateOnly is "2026-12-01".

export type Guid = string;
/** ISO 8601 date and time with offset, as System.Text.Json writes a DateTimeOffset. */
export type Instant = string;
/** A calendar date, "YYYY-MM-DD". */
export type DateOnly = string;

// ---------------------------------------------------------------------------------------------------------------
// Enums (src/Domain/Meetings/Enums.cs)

export type Phase = "gathering" | "agenda" | "items" | "closed";
export type Role = "member" | "facilitator" | "supporter" | "listener" | "screen";
export type Question = "whyAreYouHere" | "whatDoYouWantToDo";
export type ItemStatus = "proposed" | "agreed" | "current" | "done" | "carriedForward";
export type PollStatus = "open" | "closed";
export type PollMode = "devices" | "handCount";
export type ParticipationLevel =
  | "coProduction"
  | "coDesign"
  | "engagement"
  | "consultation"
  | "informing"
  | "educating"
  | "persuasion";
export type CardKind = "stop" | "slowDown" | "question" | "break";
export type ActionStatus = "open" | "done" | "dropped";
/** A job a member does in the meeting, given by the facilitator (issue 14). */
export type MeetingRole = "chair" | "timekeeper" | "noteTaker" | "welcome";

export const PHASES: readonly Phase[] = ["gathering", "agenda", "items", "closed"];
export const PARTICIPATION_LEVELS: readonly ParticipationLevel[] = [
  "coProduction",
  "coDesign",
  "engagement",
  "consultation",
  "informing",
  "educating",
  "persuasion",
];
export const CARD_KINDS: readonly CardKind[] = ["stop", "slowDown", "question", "break"];
/** In MeetingRole's order: a participant's `roles` are kept in this order. */
export const MEETING_ROLES: readonly MeetingRole[] = ["chair", "timekeeper", "noteTaker", "welcome"];

/** Stands in for the chosen option of a ballot in a secret poll (EventEnvelope.SecretOption). */
export const SECRET_OPTION = "secret";

// ---------------------------------------------------------------------------------------------------------------
// Snapshot (src/Api/Features/Meetings/MeetingSnapshot.cs). The client's state is exactly this shape.

export interface ParticipantView {
  id: Guid;
  displayName: string;
  role: Role;
  picture: string | null;
  supportsMemberId: Guid | null;
  removed: boolean;
  joinedAt: Instant;
  /** In the room without a phone or tablet: others enter for them until they take over on one. */
  withoutDevice: boolean;
  /** For a member without a device: the supporter who helps them. */
  helperId: Guid | null;
  /** For a member without a device: who added them. */
  addedById: Guid | null;
  /** The forum's standing member or listener this person is (joined by forum card, or added from the forum's list). */
  forumMemberId: Guid | null;
  /** The roles they hold in this meeting now, in MEETING_ROLES order (one holder per role). */
  roles: MeetingRole[];
}

export interface AnswerView {
  id: Guid;
  question: Question;
  participantId: Guid;
  enteredById: Guid;
  text: string;
  picture: string | null;
  promotedToItemId: Guid | null;
}

export interface Note {
  id: Guid;
  text: string;
}

export interface ItemView {
  id: Guid;
  title: string;
  picture: string | null;
  status: ItemStatus;
  position: number | null;
  proposedById: Guid;
  enteredById: Guid;
  fromAnswerId: Guid | null;
  notes: Note[];
}

export interface PollOption {
  id: string;
  label: string;
  picture: string | null;
}

export interface BallotView {
  memberId: Guid;
  enteredById: Guid;
  /** "secret" in a secret poll. */
  optionId: string;
}

export interface PollView {
  id: Guid;
  itemId: Guid | null;
  question: string;
  options: PollOption[];
  secret: boolean;
  mode: PollMode;
  status: PollStatus;
  openedAt: Instant;
  closedAt: Instant | null;
  ballots: BallotView[];
  handCounts: Record<string, number>;
  /** Votes per option id; null while a secret poll is open. */
  tally: Record<string, number> | null;
  eligibleMemberIds: Guid[];
}

export interface Decision {
  id: Guid;
  itemId: Guid | null;
  text: string;
  level: ParticipationLevel;
  pollId: Guid | null;
}

export interface ActionView {
  id: Guid;
  itemId: Guid | null;
  what: string;
  ownerId: Guid;
  supporterId: Guid | null;
  dueDate: DateOnly | null;
  fromResponseId: Guid | null;
  status: ActionStatus;
}

export interface ListenerResponse {
  id: Guid;
  listenerId: Guid;
  itemId: Guid | null;
  text: string;
}

export interface CardView {
  id: Guid;
  participantId: Guid;
  kind: CardKind;
  raisedAt: Instant;
  clearedById: Guid | null;
}

export interface MeetingSnapshot {
  meetingId: Guid;
  title: string;
  phase: Phase;
  /** Sequence number of the last event included. */
  seq: number;
  createdAt: Instant;
  /** Ordered by when they joined, then by id. */
  participants: ParticipantView[];
  answers: AnswerView[];
  items: ItemView[];
  polls: PollView[];
  decisions: Decision[];
  actions: ActionView[];
  responses: ListenerResponse[];
  /** Sorted by id. */
  invitedListenerIds: Guid[];
  cards: CardView[];
  /** The carry-forward review (docs/protocol.md 5.12); empty for a meeting with nothing to review. */
  review: ReviewView[];
  /** True while the review comes before the two questions. */
  reviewOpen: boolean;
}

export type FollowUpKind = "item" | "action" | "response";
export type FollowUpStatus = "notYet" | "stuck" | "done" | "dropped";

/** One follow-up in the review (src/Api/Features/Review/ReviewView.cs). */
export interface ReviewView {
  followUpId: Guid;
  kind: FollowUpKind;
  text: string;
  picture: string | null;
  about: string | null;
  said: string | null;
  ownerName: string | null;
  ownerPicture: string | null;
  ownerRole: Role | null;
  youSaid: boolean;
  fromMeetingId: Guid;
  saidOn: DateOnly;
  status: FollowUpStatus;
  dropReason: string | null;
  note: string | null;
  agendaItemId: Guid | null;
  /** The forum member the owner was, if any: the owner is recognised by it, whatever their name in this meeting. */
  ownerForumMemberId: Guid | null;
}

/** One entry of the reviewPrepared event (src/Domain/Meetings/Review.cs): the follow-up as the forum's list held it. */
export interface ReviewEntry {
  followUpId: Guid;
  kind: FollowUpKind;
  text: string;
  picture: string | null;
  about: string | null;
  said: string | null;
  /** The owner's participant id in the earlier meeting. */
  ownerId: Guid | null;
  ownerName: string | null;
  ownerPicture: string | null;
  ownerRole: Role | null;
  youSaid: boolean;
  fromMeetingId: Guid;
  saidOn: DateOnly;
  status: FollowUpStatus;
  note: string | null;
  /** Missing from events stored before owners were recognised by their forum card. */
  ownerForumMemberId?: Guid | null;
}

// ---------------------------------------------------------------------------------------------------------------
// Events (src/Domain/Meetings/Events.cs and ReviewEvents.cs): data of each envelope type (camelCase record name).

export interface MeetingEventData {
  meetingCreated: { meetingId: Guid; title: string; at: Instant };
  participantJoined: {
    participantId: Guid;
    displayName: string;
    role: Role;
    picture: string | null;
    supportsMemberId: Guid | null;
    at: Instant;
    /** Missing from events stored before members without a device existed (= a device join). */
    withoutDevice?: boolean;
    helperId?: Guid | null;
    addedById?: Guid | null;
    /** The forum's standing member or listener this person is (joined by forum card, or added from the forum's list). */
    forumMemberId?: Guid | null;
  };
  participantRemoved: { participantId: Guid };
  /** A take-over code was given out (the code itself never travels in an event). */
  takeOverCodeIssued: { participantId: Guid; issuedById: Guid; at: Instant };
  memberTookOver: { participantId: Guid; at: Instant };
  phaseChanged: { from: Phase; to: Phase; at: Instant };
  questionAnswered: {
    answerId: Guid;
    question: Question;
    participantId: Guid;
    enteredById: Guid;
    text: string;
    picture: string | null;
  };
  itemProposed: {
    itemId: Guid;
    title: string;
    picture: string | null;
    proposedById: Guid;
    enteredById: Guid;
    fromAnswerId: Guid | null;
  };
  agendaAgreed: { itemIds: Guid[] };
  itemStarted: { itemId: Guid };
  itemFinished: { itemId: Guid };
  itemCarriedForward: { itemId: Guid };
  noteAdded: { noteId: Guid; itemId: Guid; text: string };
  pollOpened: {
    pollId: Guid;
    itemId: Guid | null;
    question: string;
    options: PollOption[];
    secret: boolean;
    mode: PollMode;
    at: Instant;
  };
  /** optionId is "secret" in a secret poll. */
  ballotCast: { pollId: Guid; memberId: Guid; enteredById: Guid; optionId: string };
  handCountRecorded: { pollId: Guid; counts: Record<string, number>; enteredById: Guid };
  pollClosed: { pollId: Guid; eligibleMemberIds: Guid[]; tally: Record<string, number>; at: Instant };
  decisionRecorded: {
    decisionId: Guid;
    itemId: Guid | null;
    text: string;
    level: ParticipationLevel;
    pollId: Guid | null;
  };
  actionAdded: {
    actionId: Guid;
    itemId: Guid | null;
    what: string;
    ownerId: Guid;
    supporterId: Guid | null;
    dueDate: DateOnly | null;
    fromResponseId: Guid | null;
  };
  actionStatusChanged: { actionId: Guid; status: ActionStatus };
  listenerInvited: { listenerId: Guid; itemId: Guid | null };
  listenerResponded: { responseId: Guid; listenerId: Guid; itemId: Guid | null; text: string };
  cardRaised: { cardId: Guid; participantId: Guid; kind: CardKind; at: Instant };
  cardCleared: { cardId: Guid; clearedById: Guid };
  reviewPrepared: { items: ReviewEntry[] };
  followUpStatusSet: { followUpId: Guid; status: FollowUpStatus; reason: string | null; note: string | null; setById: Guid; at: Instant };
  followUpPutOnAgenda: { followUpId: Guid; itemId: Guid; title: string; picture: string | null; chosenById: Guid };
  reviewFinished: { at: Instant };
  meetingRoleGiven: { participantId: Guid; role: MeetingRole; givenById: Guid; at: Instant };
  meetingRoleTaken: { participantId: Guid; role: MeetingRole; takenById: Guid; at: Instant };
}

export type MeetingEventType = keyof MeetingEventData;

export const MEETING_EVENT_TYPES: readonly MeetingEventType[] = [
  "meetingCreated",
  "participantJoined",
  "participantRemoved",
  "takeOverCodeIssued",
  "memberTookOver",
  "phaseChanged",
  "questionAnswered",
  "itemProposed",
  "agendaAgreed",
  "itemStarted",
  "itemFinished",
  "itemCarriedForward",
  "noteAdded",
  "pollOpened",
  "ballotCast",
  "handCountRecorded",
  "pollClosed",
  "decisionRecorded",
  "actionAdded",
  "actionStatusChanged",
  "listenerInvited",
  "listenerResponded",
  "cardRaised",
  "cardCleared",
  "reviewPrepared",
  "followUpStatusSet",
  "followUpPutOnAgenda",
  "reviewFinished",
  "meetingRoleGiven",
  "meetingRoleTaken",
];

/** One event as clients receive it (src/Api/Runtime/EventEnvelope.cs). `at` is when it was stored, not part of state. */
export type EventEnvelope = {
  [T in MeetingEventType]: { seq: number; type: T; at: Instant; data: MeetingEventData[T] };
}[MeetingEventType];

/** An envelope whose type this client does not know (a newer server). */
export interface UnknownEnvelope {
  seq: number;
  type: string;
  at: Instant;
  data: unknown;
}

/** GET /api/meetings/{id}/events?after=N. complete=false: ask again from lastSeq. */
export interface EventPage {
  events: EventEnvelope[];
  lastSeq: number;
  complete: boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP (src/Api/Features/Meetings/CreateMeeting.cs, Participants/*.cs)

export interface CreateMeetingRequest {
  commandId: Guid;
  title: string;
  facilitatorName: string;
  /** One of the account's forums (GET /api/forums/); none: the meeting belongs to no forum. */
  forumId?: Guid | null;
}

export interface CreatedMeeting {
  meetingId: Guid;
  facilitatorId: Guid;
  facilitatorToken: string;
  joinCode: string;
  listenerCode: string;
  screenId: Guid;
  screenToken: string;
  seq: number;
}

/** GET /api/meetings/mine (Features/Meetings/ListMyMeetings.cs): a meeting the signed-in account started. */
export interface MyMeeting {
  meetingId: Guid;
  title: string;
  phase: Phase;
  forumId: Guid | null;
  forumName: string | null;
  createdAt: Instant;
  closedAt: Instant | null;
  facilitatorId: Guid;
  facilitatorName: string | null;
  /** false once the meeting's data was deleted: facilitator-access then answers 404. */
  canOpen: boolean;
}

/** POST /api/meetings/{id}/facilitator-access (Features/Meetings/IssueFacilitatorAccess.cs): fresh tokens and the codes. */
export interface FacilitatorAccess {
  meetingId: Guid;
  facilitatorId: Guid;
  facilitatorToken: string;
  screenId: Guid;
  screenToken: string;
  joinCode: string;
  listenerCode: string;
}

/** GET /api/site (src/Api/Infrastructure/SiteEndpoints.cs): the address people reach this server at. */
export interface SiteInfo {
  publicUrl: string | null;
}

export interface MemberChoice {
  id: Guid;
  displayName: string;
  picture: string | null;
}

export interface CodeInfo {
  meetingId: Guid;
  title: string;
  phase: Phase;
  isListenerCode: boolean;
  members: MemberChoice[];
  /** A take-over code (7 characters): the member without a device whose place this device takes. Else null. */
  takeOverAs?: MemberChoice | null;
}

export interface JoinRequest {
  commandId: Guid;
  code: string;
  displayName: string;
  role?: "member" | "supporter" | "listener";
  picture?: string | null;
  supportsMemberId?: Guid | null;
}

export interface JoinedMeeting {
  meetingId: Guid;
  participantId: Guid;
  role: Role;
  token: string;
  seq: number;
}

/** RFC 7807 problem with ForumHub's extensions (src/Api/Infrastructure/Problems.cs). */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  retriable?: boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// Hub commands (src/Api/Hubs/MeetingHub.cs and the command records in src/Api/Features/**).
// Each takes one object with a fresh commandId and answers CommandAck.

/** The answer to every live command: the sequence number after it, and the id of what it created (if anything). */
export interface CommandAck {
  seq: number;
  id: Guid | null;
}

/** IssueTakeOverCode's ack: also the code, shown to the caller once (the server keeps only its hash). */
export interface TakeOverCodeAck extends CommandAck {
  code: string;
}

export interface CommandBase {
  /** A UUID made by the client; the same id is sent again on retries so the server applies it once. */
  commandId: Guid;
}

export interface OptionInput {
  label: string;
  picture?: string | null;
}

/** The arguments (without commandId) of each command the hub accepts. */
export interface CommandArgs {
  AnswerQuestion: { question: Question; text: string; picture?: string | null; forMemberId?: Guid | null };
  ProposeItem: { title: string; picture?: string | null; forMemberId?: Guid | null };
  PromoteAnswer: { answerId: Guid; title?: string | null };
  AgreeAgenda: { itemIds: Guid[] };
  MoveToPhase: { phase: Phase };
  StartItem: { itemId: Guid };
  FinishItem: { itemId: Guid };
  CarryItemForward: { itemId: Guid };
  AddNote: { itemId: Guid; text: string };
  OpenPoll: {
    itemId?: Guid | null;
    question: string;
    /** Empty or missing: Yes / No / Not sure. */
    options?: OptionInput[] | null;
    secret: boolean;
    handCount: boolean;
  };
  CastBallot: { pollId: Guid; optionId: string; forMemberId?: Guid | null };
  RecordHandCount: { pollId: Guid; counts: Record<string, number> };
  ClosePoll: { pollId: Guid };
  RecordDecision: { itemId?: Guid | null; text: string; level: ParticipationLevel; pollId?: Guid | null };
  AddAction: {
    itemId?: Guid | null;
    what: string;
    ownerId: Guid;
    supporterId?: Guid | null;
    dueDate?: DateOnly | null;
    fromResponseId?: Guid | null;
  };
  SetActionStatus: { actionId: Guid; status: ActionStatus };
  InviteListener: { listenerId: Guid; itemId?: Guid | null };
  RespondAsListener: { text: string; itemId?: Guid | null };
  RaiseCard: { kind: CardKind; forMemberId?: Guid | null };
  ClearCard: { cardId: Guid };
  RemoveParticipant: { participantId: Guid };
  AddMemberWithoutDevice: { displayName: string; picture?: string | null; helperId?: Guid | null };
  IssueTakeOverCode: { memberId: Guid };
  SetFollowUpStatus: { followUpId: Guid; status: FollowUpStatus; reason?: string | null; note?: string | null };
  PutFollowUpOnAgenda: { followUpId: Guid };
  /** No fields besides commandId. */
  FinishReview: {};
  GiveRole: { participantId: Guid; role: MeetingRole };
  TakeRole: { participantId: Guid; role: MeetingRole };
}

export type CommandName = keyof CommandArgs;

export const COMMAND_NAMES: readonly CommandName[] = [
  "AnswerQuestion",
  "ProposeItem",
  "PromoteAnswer",
  "AgreeAgenda",
  "MoveToPhase",
  "StartItem",
  "FinishItem",
  "CarryItemForward",
  "AddNote",
  "OpenPoll",
  "CastBallot",
  "RecordHandCount",
  "ClosePoll",
  "RecordDecision",
  "AddAction",
  "SetActionStatus",
  "InviteListener",
  "RespondAsListener",
  "RaiseCard",
  "ClearCard",
  "RemoveParticipant",
  "AddMemberWithoutDevice",
  "IssueTakeOverCode",
  "SetFollowUpStatus",
  "PutFollowUpOnAgenda",
  "FinishReview",
  "GiveRole",
  "TakeRole",
];

/** Pushed to the whole meeting when minutes (or a correction) are published (src/Api/Features/Minutes/MinutesStore.cs). */
export interface MinutesReady {
  meetingId: Guid;
  publication: number;
  version: number;
  isCorrection: boolean;
  publishedAt: Instant;
  easyReadPath: string;
  standardPath: string;
}

/** Hub method that joins the live feed and answers the snapshot to apply later events to. */
export const JOIN_METHOD = "JoinMeeting";
/** Server-to-client method carrying one EventEnvelope. */
export const EVENT_METHOD = "MeetingEvent";
/** Server-to-client method carrying MinutesReady (not an event: it has no seq and does not change the state). */
export const MINUTES_READY_METHOD = "MinutesReady";
export const HUB_PATH = "/hubs/meeting";

// ---------------------------------------------------------------------------------------------------------------
// Error codes

/** Domain rule codes (src/Domain/Rules/ErrorCodes.cs). */
export const DomainErrorCodes = {
  notAllowed: "not_allowed",
  wrongPhase: "wrong_phase",
  phaseOrder: "phase_order",
  meetingClosed: "meeting_closed",
  textEmpty: "text_empty",
  textTooLong: "text_too_long",
  textInvalidCharacter: "text_invalid_character",
  participantNotFound: "participant_not_found",
  notAMember: "not_a_member",
  notYourMember: "not_your_member",
  supporterNeedsMember: "supporter_needs_member",
  answerNotFound: "answer_not_found",
  answerAlreadyPromoted: "answer_already_promoted",
  wrongQuestion: "wrong_question",
  itemNotFound: "item_not_found",
  itemWrongStatus: "item_wrong_status",
  itemInProgress: "item_in_progress",
  agendaEmpty: "agenda_empty",
  agendaInvalid: "agenda_invalid",
  pollNotFound: "poll_not_found",
  pollClosed: "poll_closed",
  pollAlreadyOpen: "poll_already_open",
  pollStillOpen: "poll_still_open",
  pollIsHandCount: "poll_is_hand_count",
  pollNotHandCount: "poll_not_hand_count",
  optionsInvalid: "options_invalid",
  optionNotFound: "option_not_found",
  alreadyVoted: "already_voted",
  handCountInvalid: "hand_count_invalid",
  dueDateInPast: "due_date_in_past",
  actionNotFound: "action_not_found",
  notAListener: "not_a_listener",
  listenerNotInvited: "listener_not_invited",
  alreadyInvited: "already_invited",
  responseNotFound: "response_not_found",
  cardAlreadyRaised: "card_already_raised",
  cardNotFound: "card_not_found",
  cardAlreadyCleared: "card_already_cleared",
  participantRemoved: "participant_removed",
  alreadyJoined: "already_joined",
  nameTaken: "name_taken",
  notASupporter: "not_a_supporter",
  hasDevice: "has_device",
  codeUsed: "code_used",
  followUpNotFound: "follow_up_not_found",
  followUpOnAgenda: "follow_up_on_agenda",
  followUpClosed: "follow_up_closed",
  reasonRequired: "reason_required",
  reviewNotOpen: "review_not_open",
  roleTaken: "role_taken",
  alreadyHasRole: "already_has_role",
  roleNotHeld: "role_not_held",
} as const;

/** Codes outside the domain's rules (src/Api/Runtime/CommandErrors.cs). */
export const ApiErrorCodes = {
  meetingNotFound: "meeting_not_found",
  invalidRequest: "invalid_request",
  commandIdRequired: "command_id_required",
  duplicateCommandId: "duplicate_command_id",
  conflict: "conflict",
  storageUnavailable: "storage_unavailable",
  storageRefused: "storage_refused",
  codeUnknown: "code_unknown",
  codeClosed: "code_closed",
  roleNotAllowedForCode: "role_not_allowed_for_code",
  unauthenticated: "unauthenticated",
  wrongMeeting: "wrong_meeting",
  notAllowed: "not_allowed",
  rateLimited: "rate_limited",
} as const;

/** Codes this client makes itself (never sent by the server). */
export const ClientErrorCodes = {
  /** The connection dropped or could not be used; the command is sent again with the same commandId. */
  transport: "transport",
  /** The server failed (MeetingHubFilter sends it as a code too; older servers sent no code). */
  serverError: "server_error",
  /** The client was stopped before the command was acknowledged. */
  stopped: "stopped",
  /** An HTTP answer that was neither the expected body nor a ProblemDetails. */
  badResponse: "bad_response",
} as const;

export type DomainErrorCode = (typeof DomainErrorCodes)[keyof typeof DomainErrorCodes];
export type ApiErrorCode = (typeof ApiErrorCodes)[keyof typeof ApiErrorCodes];
export type ClientErrorCode = (typeof ClientErrorCodes)[keyof typeof ClientErrorCodes];
/** Any code; a newer server may send codes this list does not know yet. */
export type ErrorCode = DomainErrorCode | ApiErrorCode | ClientErrorCode | (string & {});

/** The same command (same commandId) may be sent again after these. */
export const RETRIABLE_CODES: ReadonlySet<string> = new Set<string>([
  ApiErrorCodes.conflict,
  ApiErrorCodes.storageUnavailable,
  ApiErrorCodes.rateLimited,
  ClientErrorCodes.transport,
]);
