import type { MeetingState } from "../../client/meetingState";
import { nameOf } from "../../meeting/selectors";
import { formatEasyReadDate } from "../../lib/easyReadDate";
import { Picture } from "../../pictures/Picture";
import { LEVEL_WORDS } from "../../words/plainWords";

/** At the end: what we decided and who does what, in big print. */
export function ScreenSummary({ state }: { state: MeetingState }) {
  const actions = state.actions.filter((a) => a.status !== "dropped");
  return (
    <>
      {state.decisions.length > 0 && (
        <section class="screen-summary" aria-labelledby="screen-decisions-heading">
          <h2 id="screen-decisions-heading" class="with-picture">
            <Picture word="decision" size="large" />
            <span>What we decided</span>
          </h2>
          <ul class="screen-item-list">
            {state.decisions.map((d) => (
              <li key={d.id} class="screen-item">
                <Picture word={LEVEL_WORDS[d.level].picture} size="large" />
                <span>
                  {d.text} <span class="screen-level">({LEVEL_WORDS[d.level].meaning})</span>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {actions.length > 0 && (
        <section class="screen-summary" aria-labelledby="screen-actions-heading">
          <h2 id="screen-actions-heading" class="with-picture">
            <Picture word="action" size="large" />
            <span>Who does what</span>
          </h2>
          <ul class="screen-item-list">
            {actions.map((a) => (
              <li key={a.id} class="screen-item">
                <span>
                  <strong>{nameOf(state, a.ownerId)}:</strong> {a.what}
                  {a.supporterId && <span class="screen-level"> {nameOf(state, a.supporterId)} will help.</span>}
                  {a.dueDate && <span class="screen-level"> By {formatEasyReadDate(a.dueDate)}.</span>}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
