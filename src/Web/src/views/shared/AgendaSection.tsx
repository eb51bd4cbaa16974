import type { MeetingState } from "../../client/meetingState";
import type { ItemView } from "../../client/protocol";
import { SpokenText } from "../../components/SpokenText";
import { agendaInOrder, ideaFrom, itemStatusWords, proposedItems } from "../../meeting/selectors";
import { Picture } from "../../pictures/Picture";
import { PictureSection } from "../../components/PictureSection";

/** The agreed agenda in order, then the ideas not (yet) on it. Each item has its picture, its words and Listen. */
export function AgendaSection({ state, headingLevel = 2 }: { state: MeetingState; headingLevel?: 2 | 3 }) {
  const agreed = agendaInOrder(state);
  const ideas = proposedItems(state);
  const Sub = headingLevel === 2 ? "h3" : "h4";
  return (
    <PictureSection class="panel agenda-section" headingId="agenda-heading" picture="agenda" title="Agenda" level={headingLevel}>
      {agreed.length === 0 ? (
        <p class="hint">The agenda is not agreed yet.</p>
      ) : (
        <ol class="item-list">
          {agreed.map((item, index) => (
            <ItemRow key={item.id} item={item} state={state} number={index + 1} />
          ))}
        </ol>
      )}
      {ideas.length > 0 && (
        <>
          <Sub>Ideas for the agenda</Sub>
          <ul class="item-list">
            {ideas.map((item) => (
              <ItemRow key={item.id} item={item} state={state} />
            ))}
          </ul>
        </>
      )}
    </PictureSection>
  );
}

function ItemRow({ item, state, number }: { item: ItemView; state: MeetingState; number?: number }) {
  const status = itemStatusWords(item);
  return (
    <li class={`item-row item-${item.status}`}>
      <SpokenText
        text={item.title}
        spoken={`${number ? `${number}. ` : ""}${item.title}. ${status}.`}
        before={
          <>
            {number && <span class="item-number">{number}.</span>}
            <Picture word={item.picture ?? "agenda"} size="medium" />
          </>
        }
        after={
          <span class="item-meta">
            <span class={`status-tag status-${item.status}`}>{status}</span>
            <span class="support-note">Idea from {ideaFrom(state, item)}</span>
          </span>
        }
      />
    </li>
  );
}
