import type { MeetingState } from "../../client/meetingState";
import { nameOf } from "../../meeting/selectors";
import { formatEasyReadDate } from "../../lib/easyReadDate";
import { Picture } from "../../pictures/Picture";
import { LEVEL_WORDS } from "../../words/plainWords";
import { PagedList } from "./PagedList";

/** At the end: what we decided and who does what, in big print, each in its own pane and paged when long. */
export function ScreenSummary({ state }: { state: MeetingState }) {
  const actions = state.actions.filter((a) => a.status !== "dropped");
  return (
    <>
      <section class="screen-pane screen-summary" aria-labelledby="screen-decisions-heading">
        <h2 id="screen-decisions-heading" class="with-picture">
          <Picture word="decision" size="medium" />
          <span>What we decided</span>
        </h2>
        {state.decisions.length === 0 ? (
          <p class="screen-hint">No decisions this time.</p>
        ) : (
          <PagedList>
            {state.decisions.map((d) => (
              <li key={d.id} class="screen-said">
                <Picture word={LEVEL_WORDS[d.level].picture} size="medium" />
                <span class="screen-said-words">
                  <span>{d.text}</span>
                  <span class="screen-who">{LEVEL_WORDS[d.level].meaning}</span>
                </span>
              </li>
            ))}
          </PagedList>
        )}
      </section>
      <section class="screen-pane screen-summary" aria-labelledby="screen-actions-heading">
        <h2 id="screen-actions-heading" class="with-picture">
          <Picture word="action" size="medium" />
          <span>Who does what</span>
        </h2>
        {actions.length === 0 ? (
          <p class="screen-hint">No actions this time.</p>
        ) : (
          <PagedList>
            {actions.map((a) => (
              <li key={a.id} class="screen-said">
                <Picture word="action" size="medium" />
                <span class="screen-said-words">
                  <span>
                    <strong>{nameOf(state, a.ownerId)}:</strong> {a.what}
                  </span>
                  {(a.supporterId || a.dueDate) && (
                    <span class="screen-who">
                      {a.supporterId && `${nameOf(state, a.supporterId)} will help. `}
                      {a.dueDate && `By ${formatEasyReadDate(a.dueDate)}.`}
                    </span>
                  )}
                </span>
              </li>
            ))}
          </PagedList>
        )}
      </section>
    </>
  );
}
