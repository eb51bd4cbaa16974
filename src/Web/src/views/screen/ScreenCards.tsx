import type { MeetingState } from "../../client/meetingState";
import { nameOf, raisedCardsInOrder } from "../../meeting/selectors";
import { Picture } from "../../pictures/Picture";
import { CARD_WORDS } from "../../words/plainWords";

/** Raised cards in big print, the first raised first: picture, word and name (never colour alone). */
export function ScreenCards({ state }: { state: MeetingState }) {
  const cards = raisedCardsInOrder(state);
  if (cards.length === 0) return null;
  return (
    <section class="screen-cards" aria-label="Cards up">
      <ol>
        {cards.map((card) => (
          <li key={card.id} class={`screen-card card-${card.kind}`}>
            <Picture word={CARD_WORDS[card.kind].picture} size="huge" />
            <span>
              <strong>{CARD_WORDS[card.kind].label}</strong>
              <span class="screen-card-name">{nameOf(state, card.participantId)}</span>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
