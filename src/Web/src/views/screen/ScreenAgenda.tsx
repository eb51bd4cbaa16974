import type { MeetingState } from "../../client/meetingState";
import { agendaInOrder, itemStatusWords, proposedItems } from "../../meeting/selectors";
import { Picture } from "../../pictures/Picture";

/** The agenda with pictures; the item we are on is marked with words, not colour alone. */
export function ScreenAgenda({ state }: { state: MeetingState }) {
  const agreed = agendaInOrder(state);
  const ideas = state.phase === "agenda" ? proposedItems(state) : [];
  return (
    <section class="screen-agenda" aria-labelledby="screen-agenda-heading">
      <h2 id="screen-agenda-heading" class="with-picture">
        <Picture word="agenda" size="large" />
        <span>Agenda</span>
      </h2>
      {agreed.length === 0 ? (
        <p class="screen-hint">Not agreed yet.</p>
      ) : (
        <ol class="screen-item-list">
          {agreed.map((item, index) => (
            <li key={item.id} class={`screen-item item-${item.status}`}>
              <span class="item-number">{index + 1}.</span>
              <Picture word={item.picture ?? "agenda"} size="large" />
              <span>{item.title}</span>
              <span class="screen-status">{itemStatusWords(item)}</span>
            </li>
          ))}
        </ol>
      )}
      {ideas.length > 0 && (
        <>
          <h3>Ideas</h3>
          <ul class="screen-item-list">
            {ideas.map((item) => (
              <li key={item.id} class="screen-item">
                <Picture word={item.picture ?? "idea"} size="large" />
                <span>{item.title}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
