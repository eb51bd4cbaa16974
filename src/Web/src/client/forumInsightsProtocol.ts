// Forum insights (docs/protocol.md 5.13): what a forum's meetings add up to. Mirrors src/Api/Features/Forums.
import type { Guid, ParticipationLevel } from "./protocol.js";

/** ProblemDetails codes of the forum insight endpoints (ForumInsightErrorCodes in ForumInsights.cs). */
export const ForumInsightErrorCodes = {
  searchWordsNeeded: "search_words_needed",
  searchTooLong: "search_too_long",
  searchWordsTooCommon: "search_words_too_common",
  periodInvalid: "period_invalid",
} as const;

/** Most letters a search may have (SearchMinutesHandler.MaxWords). */
export const SEARCH_MAX_LETTERS = 100;

/** Part of a snippet of the minutes; found parts are the words that matched. Plain text, never HTML. */
export interface SnippetPart {
  text: string;
  found: boolean;
}

export interface MinutesSearchHit {
  meetingId: Guid;
  title: string;
  /** yyyy-mm-dd, the day the meeting was held (UK time). */
  date: string;
  /** The same day in Easy Read words, e.g. "Tuesday 13 January 2026". */
  dateWords: string;
  rank: number;
  snippet: SnippetPart[];
}

/** GET /api/forums/{forumId}/search?q=: best match first, at most 20. */
export interface MinutesSearchResults {
  forumId: Guid;
  forumName: string;
  words: string;
  hits: MinutesSearchHit[];
}

/** Decisions recorded at one of Camden's Steps of Participation. */
export interface DecisionsAtStep {
  level: ParticipationLevel;
  decisions: number;
}

/**
 * GET /api/forums/{forumId}/co-production?from=&to=: "Is co-production happening?" for the forum's meetings held in
 * the period. Percentages are whole numbers, null when there is nothing to share (e.g. no actions at all).
 */
export interface CoProductionFigures {
  forumId: Guid;
  forumName: string;
  from: string;
  to: string;
  fromWords: string;
  toWords: string;
  meetings: number;
  meetingsWithoutRecords: number;
  itemsProposed: number;
  itemsProposedByMembers: number;
  agendaItems: number;
  agendaItemsFromMembers: number;
  actions: number;
  actionsOwnedByMembers: number;
  memberActionsDone: number;
  decisionSteps: DecisionsAtStep[];
  listenersAsked: number;
  listenersAnswered: number;
  medianMinutesToAnswer: number | null;
  agendaFromMembersPercent: number | null;
  memberActionsPercent: number | null;
  memberActionsDonePercent: number | null;
  listenersAnsweredPercent: number | null;
}
