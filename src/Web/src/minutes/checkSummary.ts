// The Easy Read checker's report (src/Api/Features/Minutes/Writing/EasyReadChecker.cs) in a few short sentences, for the facilitator:
// how many things, and in which sections they are.
import type { CheckFinding, CheckReport } from "../client/minutesProtocol";
import { findingsBySection } from "./minutesEdit";

const count = (n: number) => (n === 1 ? "1 thing is" : `${n} things are`);

/** Where the findings are: 'It is in "Who came".' or 'They are in "Who came" (2) and "Vote 1" (1).' */
export function whereTheyAre(findings: CheckFinding[]): string {
  const places = findingsBySection(findings).filter(([section]) => section !== "(style)" && section !== "(all)");
  if (places.length === 0) return "";
  if (findings.length === 1) return `It is in "${places[0]![0]}".`;
  if (places.length === 1) return `They are all in "${places[0]![0]}".`;
  const named = places.map(([section, n]) => `"${section}" (${n})`);
  return `They are in ${named.slice(0, -1).join(", ")} and ${named[named.length - 1]}.`;
}

/** The checker's report in a few short sentences, with the sections the findings are in. */
export function checkSummary(report: CheckReport): string {
  const findings = report.checks.flatMap((c) => c.findings);
  const own = findings.filter((f) => f.inUserText);
  const notYet = findings.filter((f) => !f.inUserText);
  const words = `The minutes have ${report.wordCount} words.`;
  if (report.passed) return `The minutes keep every Easy Read rule. ${words}`;
  const join = (...parts: string[]) => parts.filter((p) => p.length > 0).join(" ");
  if (report.passedExceptUserText)
    return join(`The minutes keep the Easy Read rules. ${count(own.length)} in people's own words.`, whereTheyAre(own), "They stay as they said them.", words);
  return join(`${count(notYet.length)} not Easy Read yet.`, whereTheyAre(notYet), "Please look at them before you publish.", words);
}
