import { PHASES, type Phase } from "../client/protocol";
import { Picture } from "../pictures/Picture";
import { PHASE_WORDS } from "../words/plainWords";

/** The 4 steps of a meeting, with the one we are at marked (aria-current and the words "Now"). */
export function PhaseSteps({ phase }: { phase: Phase }) {
  return (
    <ol class="phase-steps" aria-label="Steps of the meeting">
      {PHASES.map((p) => {
        const words = PHASE_WORDS[p];
        const now = p === phase;
        return (
          <li key={p} class={now ? "phase-step is-now" : "phase-step"} aria-current={now ? "step" : undefined}>
            <Picture word={words.picture} size="small" />
            <span>
              {words.step}. {words.label}
              {now && <strong class="now-tag"> (now)</strong>}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
