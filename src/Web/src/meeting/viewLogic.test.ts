import { describe, expect, it } from "vitest";
import { applyEvent, emptyState } from "../client/meetingState";
import { bannerWords } from "../components/ConnectionBanner";
import { addToAgenda, draftFromItems, moveDown, moveUp, takeOffAgenda, validDraft } from "./agendaDraft";
import { describeEvent } from "./announce";
import { ID, MeetingBuilder } from "./testing/meetingBuilder";

describe("agenda draft (buttons, no dragging)", () => {
  it("adds once, moves up and down within bounds, takes off", () => {
    let draft = addToAgenda([], "a");
    draft = addToAgenda(draft, "b");
    draft = addToAgenda(draft, "a");
    expect(draft).toEqual(["a", "b"]);
    expect(moveUp(draft, "b")).toEqual(["b", "a"]);
    expect(moveUp(draft, "a")).toEqual(["a", "b"]);
    expect(moveDown(draft, "a")).toEqual(["b", "a"]);
    expect(moveDown(draft, "b")).toEqual(["a", "b"]);
    expect(takeOffAgenda(draft, "a")).toEqual(["b"]);
  });

  it("starts from the agreed agenda and drops items that are no longer proposed or agreed", () => {
    const I1 = "10000000-0000-4000-8000-000000000001";
    const I2 = "10000000-0000-4000-8000-000000000002";
    const state = new MeetingBuilder()
      .add("itemProposed", { itemId: I1, title: "One", picture: null, proposedById: ID.ann, enteredById: ID.ann, fromAnswerId: null })
      .add("itemProposed", { itemId: I2, title: "Two", picture: null, proposedById: ID.ann, enteredById: ID.ann, fromAnswerId: null })
      .add("phaseChanged", { from: "gathering", to: "agenda", at: "2026-03-03T10:30:00+00:00" })
      .add("agendaAgreed", { itemIds: [I2, I1] })
      .add("phaseChanged", { from: "agenda", to: "items", at: "2026-03-03T10:31:00+00:00" })
      .add("itemStarted", { itemId: I2 })
      .build();
    expect(draftFromItems(state.items)).toEqual([I1]);
    expect(validDraft([I2, I1, "unknown"], state.items)).toEqual([I1]);
  });
});

describe("announcements (role=status)", () => {
  it("says each change in one plain sentence, and never who voted what in a secret vote", () => {
    const builder = new MeetingBuilder()
      .add("pollOpened", {
        pollId: "p1",
        itemId: null,
        question: "Do we agree?",
        options: [{ id: "yes", label: "Yes", picture: "yes" }, { id: "no", label: "No", picture: "no" }],
        secret: true,
        mode: "devices",
        at: "2026-03-03T10:40:00+00:00",
      })
      .add("ballotCast", { pollId: "p1", memberId: ID.cat, enteredById: ID.sam, optionId: "no" })
      .add("cardRaised", { cardId: "c1", participantId: ID.cat, kind: "slowDown", at: "2026-03-03T10:41:00+00:00" });
    let state = emptyState();
    const sentences: (string | null)[] = [];
    for (const envelope of builder.envelopes) {
      const result = applyEvent(state, envelope);
      if (result.kind !== "applied") throw new Error(result.kind);
      state = result.state;
      sentences.push(describeEvent(envelope, state));
    }
    expect(sentences).toContain("Ann joined the meeting.");
    expect(sentences).not.toContain("Screen joined the meeting.");
    expect(sentences).toContain("A secret vote has started: Do we agree?");
    expect(sentences).toContain("1 vote counted so far.");
    expect(sentences).toContain("Cat shows the Slow down card.");
    expect(sentences.join(" ")).not.toMatch(/\bNo\b/);
  });
});

describe("connection banner words", () => {
  it("is calm while reconnecting and says what waits", () => {
    expect(bannerWords("reconnecting", 0)?.text).toBe("Reconnecting... What you type is kept.");
    expect(bannerWords("reconnecting", 1)?.text).toContain("1 thing is waiting");
    expect(bannerWords("connected", 0)).toBeNull();
    expect(bannerWords("refused", 0)?.text).toContain("join again");
  });
});
