// Shapes of the account and administration answers (docs/protocol.md 5.7 and 5.8; C#: src/Api/Features/Accounts,
// src/Api/Features/Admin).
import type { Guid } from "./protocol.js";

/** A facilitator account as its owner and administrators see it (never a password hash or a set-up code). */
export interface AccountView {
  id: Guid;
  email: string;
  displayName: string;
  isAdmin: boolean;
  organisationId: Guid;
  disabled: boolean;
  locked: boolean;
  passwordSet: boolean;
  createdAt: string;
  lastSignInAt: string | null;
}

export interface ForumView {
  id: Guid;
  name: string;
  createdAt: string;
}

/** GET /api/account/me */
export interface MyAccount {
  account: AccountView;
  organisationName: string;
  forums: ForumView[];
}

/** POST /api/admin/facilitators/: the set-up code is shown only in this answer. */
export interface FacilitatorCreated {
  account: AccountView;
  setupCode: string;
  setupCodeExpiresAt: string;
}

/** POST /api/admin/facilitators/{id}/{change}: setupCode only after a reset. */
export interface FacilitatorChanged {
  account: AccountView;
  setupCode: string | null;
  setupCodeExpiresAt: string | null;
}

export const ACCESS_CHANGES = ["reset", "unlock", "disable", "enable"] as const;
export type AccessChange = (typeof ACCESS_CHANGES)[number];

export interface AuditEntryView {
  id: number;
  at: string;
  action: string;
  accountId: Guid | null;
  meetingId: Guid | null;
  participantId: Guid | null;
  target: string | null;
  address: string | null;
}

/** GET /api/admin/audit filters: accountId = did it or had it done; action = a name, or a group ending in ".". */
export interface AuditQuery {
  before?: number;
  limit?: number;
  accountId?: Guid;
  action?: string;
}

/** The account error codes (src/Api/Access/Passwords.cs, AccountErrorCodes). */
export const AccountErrorCodes = {
  signInFailed: "sign_in_failed",
  accountLocked: "account_locked",
  passwordTooShort: "password_too_short",
  passwordTooLong: "password_too_long",
  passwordTooWeak: "password_too_weak",
  emailInvalid: "email_invalid",
  emailTaken: "email_taken",
  setupCodeInvalid: "setup_code_invalid",
  accountNotFound: "account_not_found",
  forumNotFound: "forum_not_found",
  forumNameTaken: "forum_name_taken",
  cannotChangeYourself: "cannot_change_yourself",
  tooManyAttempts: "too_many_attempts",
  wrongOrganisation: "wrong_organisation",
} as const;

/** One open "You said, we did" follow-up of a forum (docs/protocol.md 5.12; C#: src/Api/Features/Review). */
export interface ForumFollowUpView {
  followUpId: Guid;
  kind: "item" | "action" | "response";
  text: string;
  about: string | null;
  said: string | null;
  ownerName: string | null;
  ownerPicture: string | null;
  ownerRole: "member" | "facilitator" | "supporter" | "listener" | "screen" | null;
  fromMeetingId: Guid;
  saidOn: string;
  status: "notYet" | "stuck" | "done" | "dropped";
  note: string | null;
  openedAt: string;
  /** Whole days since the meeting it came from closed. */
  daysOpen: number;
  /** The Easy Read lines, one short sentence each. */
  easyRead: string[];
}

/** GET /api/forums/{forumId}/follow-ups. */
export interface ForumFollowUpList {
  forumId: Guid;
  forumName: string;
  followUps: ForumFollowUpView[];
}
