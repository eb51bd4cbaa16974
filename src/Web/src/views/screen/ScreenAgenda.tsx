import type { MeetingState } from "../../client/meetingState";
import { agendaInOrder, itemStatusWords, proposedItems } from "../../meeting/selectors";
import { Picture } from "../../pictures/Picture";
import { PagedList } from "./PagedList";

/**
 * The agenda as the facilitator agreed it, in its order, with pictures; the item we are on is marked with words, not
 * colour alone; a long agenda shows the page with the current item first. Each time the facilitator agrees the
 * agenda again, the new order shows here.
 */
export function ScreenAgenda({ state }: { state: MeetingState }) {
  const agreed = agendaInOrder(state);
  return (
    <section class="screen-pane screen-agenda" aria-labelledby="screen-agenda-heading">
      <h2 id="screen-agenda-heading" class="with-picture">
        <Picture word="agenda" size="medium" />
        <span>Agenda</span>
      </h2>
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
    </section>
  );
}

/** While the agenda is agreed: the ideas that are not on it (yet). */
export function ScreenIdeas({ state }: { state: MeetingState }) {
  const ideas = proposedItems(state);
  return (
    <section class="screen-pane screen-ideas" aria-labelledby="screen-ideas-heading">
      <h2 id="screen-ideas-heading" class="with-picture">
        <Picture word="idea" size="medium" />
        <span>Ideas not on the agenda</span>
      </h2>
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
    </section>
  );
}
