import { describe, expect, it } from "vitest";
import { readAloud, type Speaker } from "./readAloud";
import { splitSentences } from "./sentences";

describe("splitSentences", () => {
  it("makes one sentence per full stop, question or exclamation mark", () => {
    expect(splitSentences("Why are you here? I came to meet friends. It is fun!")).toEqual([
      "Why are you here?",
      "I came to meet friends.",
      "It is fun!",
    ]);
  });

  it("keeps numbers and abbreviations whole, and treats line breaks as ends", () => {
    expect(splitSentences("We need 3.5 hours e.g. for lunch\nNext line")).toEqual(["We need 3.5 hours e.g. for lunch", "Next line"]);
  });

  it("gives nothing for blank text", () => {
    expect(splitSentences("  \n  ")).toEqual([]);
  });
});

describe("readAloud", () => {
  it("cancels first, then speaks each sentence as its own utterance", () => {
    const calls: string[] = [];
    const speaker: Speaker = {
      cancel: () => calls.push("cancel"),
      speak: (u) => calls.push(`speak:${(u as unknown as { text: string }).text}`),
    };
    const count = readAloud("Yes. No. Not sure.", speaker, (text) => ({ text }) as unknown as SpeechSynthesisUtterance);
    expect(count).toBe(3);
    expect(calls).toEqual(["cancel", "speak:Yes.", "speak:No.", "speak:Not sure."]);
  });

  it("does nothing without a voice", () => {
    expect(readAloud("Hello.", null)).toBe(0);
  });
});
