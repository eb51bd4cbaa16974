import type { MeetingState } from "../../client/meetingState";
import { nameOf, raisedCardsByUrgency } from "../../meeting/selectors";
import { Picture } from "../../pictures/Picture";
import { CARD_WORDS } from "../../words/plainWords";

/**
 * Raised cards in big print, most urgent first (Stop, Slow down, Question, Break): picture, word and name (never colour
 * alone). Self-contained (only the state): the shared screen places it where the room sees it at once.
 */
export function ScreenCards({ state }: { state: MeetingState }) {
  const cards = raisedCardsByUrgency(state);
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
