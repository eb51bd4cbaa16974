import type { CoProductionFigures } from "../../client/forumInsightsProtocol";
import { PictureSection } from "../../components/PictureSection";
import { SpokenText } from "../../components/SpokenText";
import { Picture } from "../../pictures/Picture";
import { BarChart } from "./BarChart";
import { FiguresTable } from "./FiguresTable";
import { coProductionSentences, shareRows, stepRows } from "./coProductionWords";

const percentText = (p: number | null) => (p === null ? "none" : `${p}%`);

/**
 * "Is co-production happening?" for one forum and period: Easy Read sentences with pictures (each read aloud), then
 * two small charts, each an SVG with a title and description and a table beside it with the same numbers (stacked
 * on a phone: FiguresTable).
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
          <FiguresTable caption="Members' share, in numbers" columns={["What we counted", "Number", "Out of", "Share"]}
            rows={shares.map((r) => ({ key: r.label, head: r.label, cells: [r.part, r.whole, percentText(r.percent)] }))} />
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
          <FiguresTable caption="Decisions at each step, most power shared first" columns={["Step", "What it means", "Decisions"]}
            rows={steps.map((s) => ({
              key: s.label,
              head: (
                <span class="with-picture">
                  <Picture word={s.picture} size="small" />
                  <span>{s.label}</span>
                </span>
              ),
              cells: [s.meaning, s.decisions],
            }))} />
        </div>
      </PictureSection>
    </>
  );
}
