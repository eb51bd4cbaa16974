// The carry-forward review's four events (docs/protocol.md 9.2), mirroring Meeting.Review.cs's ApplyReview and
// ReviewView.Of, kept apart from meetingState.ts only for its length. Applied in place of a fresh snapshot, so a
// member's phone no longer shows "resyncing" each time someone sets a status.
import type { MeetingEventData, MeetingSnapshot, ReviewEntry, ReviewView } from "./protocol.js";

type State = MeetingSnapshot;

/** The review is open while there is something in it, it was not finished and the meeting is still gathering. */
function reviewOpen(s: State, finished: boolean): boolean {
  return s.review.length > 0 && !finished && s.phase === "gathering";
}

function fromEntry(e: ReviewEntry): ReviewView {
  return {
    followUpId: e.followUpId, kind: e.kind, text: e.text, picture: e.picture, about: e.about, said: e.said,
    ownerName: e.ownerName, ownerPicture: e.ownerPicture, ownerRole: e.ownerRole, youSaid: e.youSaid,
    fromMeetingId: e.fromMeetingId, saidOn: e.saidOn, status: e.status, dropReason: null, note: e.note, agendaItemId: null,
    ownerForumMemberId: e.ownerForumMemberId ?? null,
  };
}

function changeItem(s: State, followUpId: string, change: (r: ReviewView) => ReviewView): ReviewView[] {
  const i = s.review.findIndex((r) => r.followUpId === followUpId);
  if (i < 0) return s.review as ReviewView[];
  const next = s.review.slice();
  next[i] = change(next[i]!);
  return next;
}

export const reviewReducers = {
  reviewPrepared: (s: State, d: MeetingEventData["reviewPrepared"]): State => {
    const next = { ...s, review: [...s.review, ...d.items.map(fromEntry)] };
    return { ...next, reviewOpen: reviewOpen(next, false) };
  },

  // As the domain: the reason is kept as sent (null unless dropped); a note replaces the old one only when there is one.
  followUpStatusSet: (s: State, d: MeetingEventData["followUpStatusSet"]): State => ({
    ...s,
    review: changeItem(s, d.followUpId, (r) => ({ ...r, status: d.status, dropReason: d.reason, note: d.note ?? r.note })),
  }),

  // The follow-up becomes a proposed item of this meeting, proposed and entered by whoever chose it.
  followUpPutOnAgenda: (s: State, d: MeetingEventData["followUpPutOnAgenda"]): State => ({
    ...s,
    items: [
      ...s.items,
      { id: d.itemId, title: d.title, picture: d.picture, status: "proposed", position: null, proposedById: d.chosenById,
        enteredById: d.chosenById, fromAnswerId: null, notes: [] },
    ],
    review: changeItem(s, d.followUpId, (r) => ({ ...r, agendaItemId: d.itemId })),
  }),

  reviewFinished: (s: State): State => ({ ...s, reviewOpen: false }),
};
