// The minutes editor's client logic: plain words per section in, plain words per section out (never Markdown), and
// the checker's summary naming the sections its findings are in.
import { describe, expect, it } from "vitest";
import type { CheckFinding, CheckReport, PlainSection } from "../client/minutesProtocol";
import { checkSummary, whereTheyAre } from "./checkSummary";
import { editsFrom, findingsBySection, findingsIn, hasChanges, rowsFor, startingTexts } from "./minutesEdit";

const sections: PlainSection[] = [
  { level: 2, heading: "About this meeting", picture: "calendar", alt: "A calendar", text: "The meeting was called: North forum, June.\nWe met on Tuesday 2 June 2026." },
  { level: 2, heading: "Who came", picture: "people", alt: "A group of people", text: "4 people came.\n- Members: Ann and Ben." },
];

const finding = (section: string, inUserText = false, found = "x"): CheckFinding => ({
  rule: 1, check: "sentence-length", message: "This sentence has 16 words. Use 15 or fewer.", line: 3, section, found, inUserText,
});

const report = (findings: CheckFinding[], wordCount = 120): CheckReport => ({
  checks: [{ id: "sentence-length", rule: 1, title: "No sentence over 15 words", passed: findings.length === 0, findings }],
  wordCount,
  findings,
  passed: findings.length === 0,
  passedExceptUserText: findings.every((f) => f.inUserText),
});

describe("minutes editor: plain words per section", () => {
  it("starts from the server's plain words and sends every section back in order, with its heading", () => {
    const texts = startingTexts(sections);
    expect(texts.join("\n")).not.toMatch(/[\\*_#[\]]/);
    texts[1] = `${texts[1]}\n- Listeners: Lee.`;
    expect(editsFrom(sections, texts)).toEqual([
      { heading: "About this meeting", text: sections[0]!.text },
      { heading: "Who came", text: "4 people came.\n- Members: Ann and Ben.\n- Listeners: Lee." },
    ]);
  });

  it("knows when the words changed (not for line endings or spaces at line ends)", () => {
    expect(hasChanges(sections, startingTexts(sections))).toBe(false);
    expect(hasChanges(sections, [sections[0]!.text.replace("\n", " \r\n"), sections[1]!.text])).toBe(false);
    expect(hasChanges(sections, [sections[0]!.text, "4 people came."])).toBe(true);
  });

  it("sizes each box to its lines", () => {
    expect(rowsFor("")).toBe(2);
    expect(rowsFor("a\nb\nc")).toBe(4);
    expect(rowsFor("x\n".repeat(40))).toBe(12);
  });

  it("finds the checker's findings of one section", () => {
    const r = report([finding("Who came"), finding("About this meeting"), finding("Who came")]);
    expect(findingsIn(r, "Who came")).toHaveLength(2);
    expect(findingsIn(null, "Who came")).toEqual([]);
    expect(findingsBySection(r.findings)).toEqual([["Who came", 2], ["About this meeting", 1]]);
  });
});

describe("checkSummary: the findings with the section they are in", () => {
  it("says all is well", () => {
    expect(checkSummary(report([], 80))).toBe("The minutes keep every Easy Read rule. The minutes have 80 words.");
  });

  it("names the one section", () => {
    expect(checkSummary(report([finding("Who came")]))).toBe(
      '1 thing is not Easy Read yet. It is in "Who came". Please look at them before you publish. The minutes have 120 words.',
    );
  });

  it("names every section with how many are in it, in the order they come", () => {
    const summary = checkSummary(report([finding("Vote 1: Buses?"), finding("Who came"), finding("Vote 1: Buses?"), finding("Item 2: Trips")]));
    expect(summary).toBe(
      '4 things are not Easy Read yet. They are in "Vote 1: Buses?" (2), "Who came" (1) and "Item 2: Trips" (1). Please look at them before you publish. The minutes have 120 words.',
    );
  });

  it("tells people's own words apart, with their sections too", () => {
    expect(checkSummary(report([finding("Why people came", true), finding("Why people came", true)]))).toBe(
      'The minutes keep the Easy Read rules. 2 things are in people\'s own words. They are all in "Why people came". They stay as they said them. The minutes have 120 words.',
    );
    expect(checkSummary(report([finding("Why people came", true), finding("Decision")]))).toBe(
      '1 thing is not Easy Read yet. It is in "Decision". Please look at them before you publish. The minutes have 120 words.',
    );
  });

  it("leaves out places that are not sections (the style, the whole text)", () => {
    expect(whereTheyAre([finding("(style)"), finding("(all)")])).toBe("");
  });
});
