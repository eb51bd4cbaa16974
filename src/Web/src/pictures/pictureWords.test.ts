import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PERSON_PICTURES, TOPIC_PICTURES, pictureLabel } from "./pictureWords";

const map = JSON.parse(readFileSync(new URL("../../../Api/Features/Minutes/Writing/Pictures/pictures.json", import.meta.url), "utf8")) as {
  pictures: Record<string, string>;
};

/** Words the app itself uses for cards, votes, phases, roles and participation levels. */
const APP_WORDS = [
  "yes", "no", "not-sure", "stop", "slow-down", "question", "break", "agenda", "vote", "secret", "hands", "decision",
  "action", "hello", "check", "cross", "co-production", "co-design", "engagement", "consultation", "informing",
  "educating", "persuasion", "facilitator", "member", "supporter", "listener", "screen", "listen", "talk", "idea",
  "notes", "next-time", "people", "sad", "phone", "clock", "meeting", "choice",
];

describe("picture words", () => {
  it("every word people can pick, and every word the app shows, is in the shared picture map", () => {
    for (const word of [...PERSON_PICTURES, ...TOPIC_PICTURES, ...APP_WORDS]) {
      expect(map.pictures, word).toHaveProperty(word);
    }
  });

  it("has no repeats in a list", () => {
    expect(new Set(PERSON_PICTURES).size).toBe(PERSON_PICTURES.length);
    expect(new Set(TOPIC_PICTURES).size).toBe(TOPIC_PICTURES.length);
  });

  it("reads a word as a label", () => {
    expect(pictureLabel("bus")).toBe("Bus");
    expect(pictureLabel("not-sure")).toBe("Not sure");
    expect(pictureLabel("slow-down")).toBe("Slow down");
    expect(pictureLabel("co-production")).toBe("Co-production");
  });
});
