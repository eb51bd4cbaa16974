import type { CoProductionFigures } from "../../client/forumInsightsProtocol";
import { PictureSection } from "../../components/PictureSection";
import { SpokenText } from "../../components/SpokenText";
import { Picture } from "../../pictures/Picture";
import { BarChart } from "./BarChart";
import { coProductionSentences, shareRows, stepRows } from "./coProductionWords";

const percentText = (p: number | null) => (p === null ? "none" : `${p}%`);

/**
 * "Is co-production happening?" for one forum and period: Easy Read sentences with pictures (each read aloud), then
 * two small charts, each an SVG with a title and description and a table beside it with the same numbers.
 */
export function CoProductionPanel({ figures }: { figures: CoProductionFigures }) {
  const shares = shareRows(figures);
  const steps = stepRows(figures);
  return (
    <>
      <PictureSection class="panel" headingId="co-production-words" picture="co-production" title="What we found">
        {coProductionSentences(figures).map((s) => (
          <SpokenText key={s.text} text={s.text} before={<Picture word={s.picture} size="medium" />} />
        ))}
      </PictureSection>
      <PictureSection class="panel" headingId="co-production-shares" picture="member" title="Members' share">
        <div class="chart-and-table">
          <BarChart
            title="Members' share"
            description={shares.map((r) => `${r.label}: ${r.part} of ${r.whole}`).join(". ") + "."}
            bars={shares.map((r) => ({ label: r.label, value: r.percent ?? 0, valueText: percentText(r.percent) }))}
            max={100}
          />
          <table class="figures-table">
            <caption>Members' share, in numbers</caption>
            <thead>
              <tr>
                <th scope="col">What we counted</th>
                <th scope="col">Number</th>
                <th scope="col">Out of</th>
                <th scope="col">Share</th>
              </tr>
            </thead>
            <tbody>
              {shares.map((r) => (
                <tr key={r.label}>
                  <th scope="row">{r.label}</th>
                  <td>{r.part}</td>
                  <td>{r.whole}</td>
                  <td>{percentText(r.percent)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </PictureSection>
      <PictureSection class="panel" headingId="co-production-steps" picture="decision" title="Decisions at each Step of Participation">
        <div class="chart-and-table">
          <BarChart
            title="Decisions at each Step of Participation"
            description={steps.map((s) => `${s.label}: ${s.decisions}`).join(". ") + "."}
            bars={steps.map((s) => ({ label: s.label, value: s.decisions, valueText: String(s.decisions) }))}
            max={Math.max(1, ...steps.map((s) => s.decisions))}
          />
          <table class="figures-table">
            <caption>Decisions at each step, most power shared first</caption>
            <thead>
              <tr>
                <th scope="col">Step</th>
                <th scope="col">What it means</th>
                <th scope="col">Decisions</th>
              </tr>
            </thead>
            <tbody>
              {steps.map((s) => (
                <tr key={s.label}>
                  <th scope="row" class="with-picture">
                    <Picture word={s.picture} size="small" />
                    <span>{s.label}</span>
                  </th>
                  <td>{s.meaning}</td>
                  <td>{s.decisions}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </PictureSection>
    </>
  );
}
