// The minutes endpoints' shapes (docs/protocol.md 5.9; src/Api/Features/Minutes/MinutesStore.cs and
// src/Api/Features/Minutes/Writing/EasyReadChecker.cs). Minutes are read over HTTP with the meeting token; they are not part of the
// meeting state (no events), so views keep them as their own state, fetched through MeetingMinutes (`client.minutes`).
import type { DateOnly, Guid, Instant } from "./protocol.js";

/** "easyRead" is what everyone reads; "standard" is the full text beside it. */
export type MinutesKind = "easyRead" | "standard";

export const MINUTES_KIND_PATH: Record<MinutesKind, string> = { easyRead: "easy-read", standard: "standard" };

/** One broken Easy Read rule at one place. inUserText: the words are someone's own, kept as said. */
export interface CheckFinding {
  rule: number;
  check: string;
  message: string;
  line: number;
  section: string;
  found: string;
  inUserText: boolean;
}

export interface CheckResult {
  id: string;
  rule: number;
  title: string;
  passed: boolean;
  findings: CheckFinding[];
}

export interface CheckReport {
  checks: CheckResult[];
  wordCount: number;
  findings: CheckFinding[];
  passed: boolean;
  /** True when every finding is in the participants' own words. */
  passedExceptUserText: boolean;
}

/**
 * One section of the Easy Read minutes in plain words (the server turns them into the stored Markdown and back; people
 * never see Markdown). text: one sentence or list item per line; "- " starts a list item, "3. " a numbered one, a line
 * in quotation marks is someone's own words, kept as said; a blank line starts a new block of them.
 */
export interface PlainSection {
  level: number;
  heading: string;
  picture: string;
  alt: string;
  text: string;
}

/** A section as the editor sends it back: every section, in order; heading and text both empty leave it out. */
export interface PlainSectionEdit {
  heading: string;
  text: string;
}

export interface MinutesVersionView {
  number: number;
  source: "generated" | "edited";
  authorId: Guid;
  authorName: string;
  createdAt: Instant;
  basedOn: number | null;
  meetingSeq: number;
  nextMeeting: DateOnly | null;
  /** The publication that published this version, if any. */
  publishedAs: number | null;
  easyReadMarkdown: string;
  standardMarkdown: string;
  check: CheckReport;
  /** The Easy Read minutes in plain words, section by section: what the editor shows. */
  easyReadSections: PlainSection[];
}

/** GET /minutes/drafts: every version, oldest first. */
export interface MinutesVersionSummary {
  number: number;
  source: "generated" | "edited";
  authorName: string;
  createdAt: Instant;
  basedOn: number | null;
  publishedAs: number | null;
}

export interface PublicationView {
  number: number;
  version: number;
  publishedAt: Instant;
  publishedByName: string;
  reviewedWithName: string | null;
  corrects: number | null;
  correctionNote: string | null;
  isCurrent: boolean;
  supersededBy: number | null;
}

/** GET /minutes/: anyone in the meeting. */
export interface MinutesStatus {
  published: boolean;
  current: PublicationView | null;
  publications: PublicationView[];
}

// Request bodies (src/Api/Features/Minutes/MinutesEndpoints.cs).

/** POST /minutes/drafts. */
export interface GenerateMinutesBody {
  nextMeeting: DateOnly | null;
}

/** POST /minutes/drafts/{n}/edits: plain words per section, or Markdown. */
export interface EditMinutesBody {
  easyReadMarkdown?: string;
  standardMarkdown?: string | null;
  sections?: PlainSectionEdit[];
}

/** POST /minutes/check: Markdown, or plain words per section of draft basedOn. */
export interface CheckMinutesBody {
  easyReadMarkdown?: string;
  basedOn?: number;
  sections?: PlainSectionEdit[];
}

/** POST /minutes/publish. */
export interface PublishMinutesBody {
  version: number;
  reviewedWithId: Guid | null;
}

/** POST /minutes/corrections. */
export interface CorrectMinutesBody {
  version: number;
  note: string;
  reviewedWithId: Guid | null;
}

/** Minutes codes (src/Api/Features/Minutes/MinutesStore.cs, MinutesErrorCodes). */
export const MinutesErrorCodes = {
  noMinutes: "minutes_not_found",
  notPublished: "minutes_not_published",
  versionNotFound: "minutes_version_not_found",
  publicationNotFound: "minutes_publication_not_found",
  alreadyPublished: "minutes_already_published",
  versionAlreadyPublished: "minutes_version_already_published",
  changed: "minutes_changed",
  meetingNotClosed: "meeting_not_closed",
  tooLong: "minutes_too_long",
  noteNeeded: "correction_note_needed",
  formattingNotAllowed: "minutes_formatting_not_allowed",
} as const;
