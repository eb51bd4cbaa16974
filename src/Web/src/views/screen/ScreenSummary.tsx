import type { MeetingState } from "../../client/meetingState";
import { nameOf } from "../../meeting/selectors";
import { formatEasyReadDate } from "../../lib/easyReadDate";
import { Picture } from "../../pictures/Picture";
import { LEVEL_WORDS } from "../../words/plainWords";
import { PagedList } from "./PagedList";
import { PictureSection } from "../../components/PictureSection";

/** At the end: what we decided and who does what, in big print, each in its own pane and paged when long. */
export function ScreenSummary({ state }: { state: MeetingState }) {
  const actions = state.actions.filter((a) => a.status !== "dropped");
  return (
    <>
      <PictureSection class="screen-pane screen-summary" headingId="screen-decisions-heading" picture="decision" title="What we decided">
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
      </PictureSection>
      <PictureSection class="screen-pane screen-summary" headingId="screen-actions-heading" picture="action" title="Who does what">
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
      </PictureSection>
    </>
  );
}
