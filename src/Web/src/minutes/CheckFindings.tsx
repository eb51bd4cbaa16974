import type { CheckReport } from "../client/minutesProtocol";
import { SpokenText } from "../components/SpokenText";
import { Picture } from "../pictures/Picture";
import { checkSummary } from "./checkSummary";

/** What the Easy Read checker found, in plain words: each broken rule with the section it is in and the words it found. */
export function CheckFindings({ report, heading = "What the checker found" }: { report: CheckReport; heading?: string }) {
  const findings = report.checks.flatMap((c) => c.findings.map((f) => ({ ...f, title: c.title })));
  const summary = checkSummary(report);
  return (
    <div class="check-findings">
      <h4 class="with-picture">
        <Picture word={report.passed || report.passedExceptUserText ? "check" : "question"} size="medium" />
        <span>{heading}</span>
      </h4>
      <SpokenText text={summary} />
      {findings.length > 0 && (
        <ol class="said-list findings-list">
          {findings.map((f, i) => (
            <li key={i} class={f.inUserText ? "finding finding-user" : "finding"}>
              <SpokenText
                text={f.message}
                before={<Picture word={f.inUserText ? "talk" : "cross"} size="small" />}
                after={
                  <span class="item-meta">
                    Rule {f.rule}: {f.title}. {f.section ? `In "${f.section}".` : ""}
                    {f.found && <> Found: "{f.found}".</>}
                    {f.inUserText && " These are someone's own words. They stay as they said them."}
                  </span>
                }
              />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

