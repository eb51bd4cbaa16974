import type { ForumPage } from "../../client/forumProtocol";

// Places on the forum page that other parts of issue 14 fill. Each renders nothing until its feature exists, so the
// page stays honest (no empty headings). Keep them here, one component per place, so each feature edits only its own.

/** "You said, we did": the forum's open listener responses and actions, and how long each has been open. */
export function YouSaidWeDidSlot(_props: { forum: ForumPage }) {
  return null;
}

/** "Is co-production happening?": the forum's figures as an SVG chart with a table beside it. */
export function CoProductionSlot(_props: { forum: ForumPage }) {
  return null;
}

/** On the invitation: "What happened to your last ideas" (carry-forward fills it from InvitationView.lastIdeas). */
export function LastIdeasSlot(_props: { lastIdeas: unknown }) {
  return null;
}
