import { useState } from "preact/hooks";
import type { MeetingClient } from "../../client/meetingClient";
import type { MeetingState } from "../../client/meetingState";
import type { Phase } from "../../client/protocol";
import { ErrorNote } from "../../components/ErrorNote";
import { PhaseSteps } from "../../components/PhaseSteps";
import { agendaInOrder } from "../../meeting/selectors";
import { useCommand } from "../../meeting/useCommand";
import { PHASE_WORDS } from "../../words/plainWords";

const NEXT: Partial<Record<Phase, Phase>> = { gathering: "agenda", agenda: "items" };

/** Where the meeting is, the button to the next step, and closing the meeting (asked twice). */
export function PhasePanel({ state, client }: { state: MeetingState; client: MeetingClient }) {
  const command = useCommand();
  const [confirmClose, setConfirmClose] = useState(false);
  const next = NEXT[state.phase];
  const openPoll = state.polls.some((p) => p.status === "open");
  const agreed = agendaInOrder(state).length;
  return (
    <section class="panel phase-panel" aria-labelledby="phase-heading">
      <h2 id="phase-heading">Steps of the meeting</h2>
      <PhaseSteps phase={state.phase} />
      <p>{PHASE_WORDS[state.phase].doing}</p>
      {next && (
        <button
          type="button"
          class="button button-primary"
          disabled={command.busy || (next === "items" && agreed === 0)}
          onClick={() => void command.run(() => client.moveToPhase({ phase: next }))}
        >
          Next step: {PHASE_WORDS[next].label}
        </button>
      )}
      {next === "items" && agreed === 0 && <p class="hint">Agree the agenda first (below).</p>}
      {state.phase !== "closed" &&
        (confirmClose ? (
          <div class="confirm">
            <p>
              <strong>Close the meeting now?</strong> Items not finished are saved for next time.
              {openPoll && " Please close the vote first."}
            </p>
            <div class="button-row">
              <button
                type="button"
                class="button button-danger"
                disabled={command.busy || openPoll}
                onClick={() => void command.run(() => client.moveToPhase({ phase: "closed" })).then(() => setConfirmClose(false))}
              >
                Yes, close the meeting
              </button>
              <button type="button" class="button" onClick={() => setConfirmClose(false)}>
                No, go back
              </button>
            </div>
          </div>
        ) : (
          <button type="button" class="button" onClick={() => setConfirmClose(true)}>
            Close the meeting...
          </button>
        ))}
      <ErrorNote error={command.error} />
    </section>
  );
}
