import type { MeetingClient } from "../../client/meetingClient";
import type { MeetingState } from "../../client/meetingState";
import { ErrorNote } from "../../components/ErrorNote";
import { clockTime, nameOf, raisedCardsInOrder } from "../../meeting/selectors";
import { useCommand } from "../../meeting/useCommand";
import { Picture } from "../../pictures/Picture";
import { CARD_WORDS } from "../../words/plainWords";

/** Cards that are up, the first raised first, each with its word and picture; the facilitator puts them down. */
export function CardsQueue({ state, client }: { state: MeetingState; client: MeetingClient }) {
  const command = useCommand();
  const cards = raisedCardsInOrder(state);
  return (
    <section class={cards.length > 0 ? "panel cards-queue has-cards" : "panel cards-queue"} aria-labelledby="cards-queue-heading">
      <h2 id="cards-queue-heading">Cards up ({cards.length})</h2>
      {cards.length === 0 ? (
        <p class="hint">No cards are up.</p>
      ) : (
        <ol class="card-queue-list">
          {cards.map((card) => {
            const words = CARD_WORDS[card.kind];
            return (
              <li key={card.id} class={`queued-card card-${card.kind}`}>
                <Picture word={words.picture} size="medium" />
                <span class="queued-card-words">
                  <strong>{words.label}</strong>: {nameOf(state, card.participantId)} <span class="support-note">at {clockTime(card.raisedAt)}</span>
                </span>
                <button type="button" class="button" disabled={command.busy} onClick={() => void command.run(() => client.clearCard({ cardId: card.id }))}>
                  Put down<span class="visually-hidden"> ({words.label} card of {nameOf(state, card.participantId)})</span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
      <ErrorNote error={command.error} />
    </section>
  );
}
