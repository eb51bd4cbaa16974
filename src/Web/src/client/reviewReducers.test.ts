// The review's four events applied by the one reducer (no snapshot refetch), and their plain-words announcements.
import { describe, expect, it } from "vitest";
import { describeEvent } from "../meeting/announce";
import { ID, MeetingBuilder } from "../meeting/testing/meetingBuilder";
import { applyEvent, emptyState, type MeetingState } from "./meetingState";
import type { ReviewEntry } from "./protocol";

const LIFT = "20000000-0000-4000-8000-000000000001";
const POSTER = "20000000-0000-4000-8000-000000000002";
const ITEM = "10000000-0000-4000-8000-000000000009";
const EARLIER = "30000000-0000-4000-8000-000000000001";
const MEMBER = "40000000-0000-4000-8000-000000000001";

function entry(followUpId: string, kind: ReviewEntry["kind"], text: string, more: Partial<ReviewEntry> = {}): ReviewEntry {
  return {
    followUpId, kind, text, picture: null, about: null, said: null, ownerId: "50000000-0000-4000-8000-000000000001", ownerName: "Ann",
    ownerPicture: "star", ownerRole: "member", youSaid: false, fromMeetingId: EARLIER, saidOn: "2026-03-03", status: "notYet", note: null,
    ...more,
  };
}

function prepared(): MeetingBuilder {
  return new MeetingBuilder().add("reviewPrepared", {
    items: [entry(LIFT, "item", "Fix the lift", { picture: "lift", ownerForumMemberId: MEMBER }), entry(POSTER, "action", "Make a poster", { note: "Half done" })],
  });
}

/** Applies every envelope as the live client does, collecting the announcement of each. */
function replay(builder: MeetingBuilder): { state: MeetingState; said: (string | null)[] } {
  let state = emptyState();
  const said: (string | null)[] = [];
  for (const envelope of builder.envelopes) {
    const result = applyEvent(state, envelope);
    if (result.kind !== "applied") throw new Error(`${envelope.type}: ${result.kind}`);
    state = result.state;
    said.push(describeEvent(envelope, state));
  }
  return { state, said };
}

describe("the review's events (docs/protocol.md 9.2)", () => {
  it("reviewPrepared opens the review with the snapshot's fields, and an old event without ownerForumMemberId gives null", () => {
    const { state, said } = replay(prepared());
    expect(state.reviewOpen).toBe(true);
    expect(state.review).toEqual([
      { followUpId: LIFT, kind: "item", text: "Fix the lift", picture: "lift", about: null, said: null, ownerName: "Ann", ownerPicture: "star",
        ownerRole: "member", youSaid: false, fromMeetingId: EARLIER, saidOn: "2026-03-03", status: "notYet", dropReason: null, note: null,
        agendaItemId: null, ownerForumMemberId: MEMBER },
      expect.objectContaining({ followUpId: POSTER, note: "Half done", ownerForumMemberId: null, dropReason: null }),
    ]);
    expect(said.at(-1)).toBe("First we look at last time. There are 2 things to check.");
  });

  it("followUpStatusSet sets status, reason and note; a status without news keeps the old note", () => {
    const builder = prepared()
      .add("followUpStatusSet", { followUpId: POSTER, status: "stuck", reason: null, note: null, setById: ID.ann, at: "2026-03-03T11:00:00+00:00" })
      .add("followUpStatusSet", { followUpId: LIFT, status: "dropped", reason: "The landlord said no", note: "We asked twice", setById: ID.fay, at: "2026-03-03T11:01:00+00:00" });
    const { state, said } = replay(builder);
    expect(state.review.find((r) => r.followUpId === POSTER)).toMatchObject({ status: "stuck", note: "Half done", dropReason: null });
    expect(state.review.find((r) => r.followUpId === LIFT)).toMatchObject({ status: "dropped", note: "We asked twice", dropReason: "The landlord said no" });
    expect(said.slice(-2)).toEqual(["Stuck: Make a poster.", "Dropped: Fix the lift. Why: The landlord said no."]);
    // Set back to "not yet": the reason goes, as on the server.
    const again = replay(builder.add("followUpStatusSet", { followUpId: LIFT, status: "notYet", reason: null, note: null, setById: ID.fay, at: "2026-03-03T11:02:00+00:00" }));
    expect(again.state.review.find((r) => r.followUpId === LIFT)).toMatchObject({ status: "notYet", dropReason: null, note: "We asked twice" });
    expect(again.said.at(-1)).toBe("Not done yet: Fix the lift.");
  });

  it("followUpPutOnAgenda adds a proposed item chosen by the facilitator and links the follow-up to it", () => {
    const { state, said } = replay(prepared().add("followUpPutOnAgenda", { followUpId: LIFT, itemId: ITEM, title: "Fix the lift", picture: "lift", chosenById: ID.fay }));
    expect(state.items).toEqual([
      { id: ITEM, title: "Fix the lift", picture: "lift", status: "proposed", position: null, proposedById: ID.fay, enteredById: ID.fay, fromAnswerId: null, notes: [] },
    ]);
    expect(state.review.find((r) => r.followUpId === LIFT)?.agendaItemId).toBe(ITEM);
    expect(said.at(-1)).toBe("On the agenda again: Fix the lift.");
  });

  it("reviewFinished, or leaving gathering, closes the review; the review itself stays in the state", () => {
    const finished = replay(prepared().add("reviewFinished", { at: "2026-03-03T11:05:00+00:00" }));
    expect(finished.state.reviewOpen).toBe(false);
    expect(finished.state.review).toHaveLength(2);
    expect(finished.said.at(-1)).toBe("We finished looking at last time.");
    const moved = replay(prepared().add("phaseChanged", { from: "gathering", to: "agenda", at: "2026-03-03T11:06:00+00:00" }));
    expect(moved.state.reviewOpen).toBe(false);
  });

  it("a meeting with nothing to review never opens one", () => {
    const { state } = replay(new MeetingBuilder());
    expect(state.reviewOpen).toBe(false);
    expect(state.review).toEqual([]);
  });

  it("the events are known: none of them asks for a fresh snapshot", () => {
    let state = emptyState();
    for (const envelope of prepared().add("reviewFinished", { at: "2026-03-03T11:05:00+00:00" }).envelopes) {
      const result = applyEvent(state, envelope);
      expect(result.kind).toBe("applied");
      state = result.state;
    }
  });
});
