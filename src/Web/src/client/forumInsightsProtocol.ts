// Forum insights (docs/protocol.md 5.13): what a forum's meetings add up to. Mirrors src/Api/Features/Forums.
import type { Guid } from "./protocol.js";

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
