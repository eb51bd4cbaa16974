// The Easy Read checker's report (src/Api/Minutes/EasyReadChecker.cs) in a few short sentences, for the facilitator.
import type { CheckReport } from "../client/minutesProtocol";

const count = (n: number) => (n === 1 ? "1 thing is" : `${n} things are`);

/** The checker's report in 2 or 3 short sentences. */
export function checkSummary(report: CheckReport): string {
  const findings = report.checks.flatMap((c) => c.findings);
  const own = findings.filter((f) => f.inUserText).length;
  const words = `The minutes have ${report.wordCount} words.`;
  if (report.passed) return `The minutes keep every Easy Read rule. ${words}`;
  if (report.passedExceptUserText) return `The minutes keep the Easy Read rules. ${count(own)} in people's own words. They stay as they said them. ${words}`;
  return `${count(findings.length - own)} not Easy Read yet. Please look at them before you publish. ${words}`;
}
