import { describe, expect, it } from "vitest";
import { MeetingError } from "../client/errors";
import { PARTICIPATION_LEVELS } from "../client/protocol";
import { friendlyError } from "./friendlyError";
import { LEVEL_WORDS, voteNotice } from "./plainWords";

describe("plain words", () => {
  it("names every participation level with a short sentence", () => {
    for (const level of PARTICIPATION_LEVELS) {
      const words = LEVEL_WORDS[level];
      expect(words.meaning.split(/[.!?]/).filter((s) => s.trim()).every((s) => s.trim().split(/\s+/).length <= 15)).toBe(true);
    }
  });

  it("says whether a vote is secret or open", () => {
    expect(voteNotice(true).text).toContain("secret");
    expect(voteNotice(false).text).toContain("open");
  });
});

describe("friendlyError", () => {
  it("keeps the server's plain words", () => {
    expect(friendlyError(new MeetingError("already_voted", "This vote is already counted.")).text).toBe("This vote is already counted.");
  });

  it("never shows a technical message for a lost connection", () => {
    const e = friendlyError(new MeetingError("transport", "WebSocket closed with status code: 1006", true));
    expect(e.text).not.toMatch(/WebSocket|1006/);
    expect(e.tryAgain).toBe(true);
  });

  it("has a picture for a wrong code", () => {
    const e = friendlyError(new MeetingError("code_unknown", "We do not know this code.", false, 404));
    expect(e.picture).toBe("question");
  });

  it("copes with things that are not MeetingErrors", () => {
    expect(friendlyError(new TypeError("x is undefined")).text).toBe("Something went wrong. Please try again.");
  });
});
