// The minutes editor's logic: the Easy Read minutes are changed as plain words, one box per section; the
// server turns them into the stored Markdown (src/Api/Features/Minutes/Writing/MinutesPlainText.cs). Nothing here makes Markdown.
import type { CheckFinding, CheckReport, PlainSection, PlainSectionEdit } from "../client/minutesProtocol";

/** The words in each box, as the server gave them (one sentence or list item per line). */
export function startingTexts(sections: PlainSection[]): string[] {
  return sections.map((s) => s.text);
}

/** What is sent back: every section in order, with its heading and the words in its box. */
export function editsFrom(sections: PlainSection[], texts: string[]): PlainSectionEdit[] {
  return sections.map((s, i) => ({ heading: s.heading, text: texts[i] ?? s.text }));
}

/** True when some box holds other words than the draft (line endings and spaces at line ends do not count). */
export function hasChanges(sections: PlainSection[], texts: string[]): boolean {
  const same = (a: string, b: string) => normalise(a) === normalise(b);
  return sections.some((s, i) => !same(s.text, texts[i] ?? s.text));
}

const normalise = (text: string) => text.replace(/\r\n?/g, "\n").split("\n").map((l) => l.trimEnd()).join("\n").trim();

/** A box tall enough for its lines (and 1 more to type in), between 2 and 12 rows. */
export function rowsFor(text: string): number {
  return Math.min(12, Math.max(2, text.split("\n").length + 1));
}

/** The checker's findings of one section, by its heading. */
export function findingsIn(report: CheckReport | null, heading: string): CheckFinding[] {
  return report ? report.checks.flatMap((c) => c.findings).filter((f) => f.section === heading) : [];
}

/** Sections with findings, in the order they first appear, with how many: [["Who came", 2], ...]. */
export function findingsBySection(findings: CheckFinding[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.section || "the minutes", (counts.get(f.section || "the minutes") ?? 0) + 1);
  return [...counts];
}
