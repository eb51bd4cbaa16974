import type { MeetingState } from "../../client/meetingState";
import { nameOf } from "../../meeting/selectors";
import { formatEasyReadDate } from "../../lib/easyReadDate";
import { LEVEL_WORDS } from "../../words/plainWords";
import { PagedList, ScreenSaid } from "./PagedList";
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
              <ScreenSaid key={d.id} picture={LEVEL_WORDS[d.level].picture} words={d.text} who={LEVEL_WORDS[d.level].meaning} />
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
              <ScreenSaid
                key={a.id}
                picture="action"
                words={
                  <>
                    <strong>{nameOf(state, a.ownerId)}:</strong> {a.what}
                  </>
                }
                who={
                  (a.supporterId || a.dueDate) && (
                    <>
                      {a.supporterId && `${nameOf(state, a.supporterId)} will help. `}
                      {a.dueDate && `By ${formatEasyReadDate(a.dueDate)}.`}
                    </>
                  )
                }
              />
            ))}
          </PagedList>
        )}
      </PictureSection>
    </>
  );
}
