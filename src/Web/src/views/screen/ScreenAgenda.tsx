import type { MeetingState } from "../../client/meetingState";
import { agendaInOrder, itemStatusWords, proposedItems } from "../../meeting/selectors";
import { Picture } from "../../pictures/Picture";
import { PagedList } from "./PagedList";
import { PictureSection } from "../../components/PictureSection";

/**
 * The agenda as the facilitator agreed it, in its order, with pictures; the item we are on is marked with words, not
 * colour alone; a long agenda shows the page with the current item first. Each time the facilitator agrees the
 * agenda again, the new order shows here.
 */
export function ScreenAgenda({ state }: { state: MeetingState }) {
  const agreed = agendaInOrder(state);
  return (
    <PictureSection class="screen-pane screen-agenda" headingId="screen-agenda-heading" picture="agenda" title="Agenda">
      {agreed.length === 0 ? (
        <p class="screen-hint">Not agreed yet. The facilitator puts the ideas in order.</p>
      ) : (
        <PagedList ordered startAt={Math.max(0, agreed.findIndex((i) => i.status === "current"))}>
          {agreed.map((item, index) => (
            <li key={item.id} class={`screen-item item-${item.status}`}>
              <span class="item-number">{index + 1}.</span>
              <Picture word={item.picture ?? "agenda"} size="medium" />
              <span class="screen-item-title">{item.title}</span>
              <span class="screen-status">{itemStatusWords(item)}</span>
            </li>
          ))}
        </PagedList>
      )}
    </PictureSection>
  );
}

/** While the agenda is agreed: the ideas that are not on it (yet). */
export function ScreenIdeas({ state }: { state: MeetingState }) {
  const ideas = proposedItems(state);
  return (
    <PictureSection class="screen-pane screen-ideas" headingId="screen-ideas-heading" picture="idea" title="Ideas not on the agenda">
      {ideas.length === 0 ? (
        <p class="screen-hint">No other ideas.</p>
      ) : (
        <PagedList>
          {ideas.map((item) => (
            <li key={item.id} class="screen-item">
              <Picture word={item.picture ?? "idea"} size="medium" />
              <span class="screen-item-title">{item.title}</span>
            </li>
          ))}
        </PagedList>
      )}
    </PictureSection>
  );
}
