import { useId } from "preact/hooks";
import type { MeetingState } from "../client/meetingState";
import { CARD_KINDS, type CardKind, type CardView, type Guid } from "../client/protocol";
import { raisedCard } from "../meeting/selectors";
import { Picture } from "../pictures/Picture";
import { CARD_WORDS } from "../words/plainWords";

interface CardButtonsProps {
  state: MeetingState;
  /** Whose cards: the person themself, or the member a supporter is with. */
  personId: Guid;
  busy: boolean;
  onRaise(kind: CardKind): void;
  onLower(card: CardView): void;
  /** e.g. "Cat's cards" for a supporter. */
  heading?: string;
}

/** Stop / Slow down / Question / Break. Each is a toggle (aria-pressed): press to show it, press again to put it down. */
export function CardButtons({ state, personId, busy, onRaise, onLower, heading = "Show a card" }: CardButtonsProps) {
  const headingId = useId();
  return (
    <section class="panel cards-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      <div class="card-buttons">
        {CARD_KINDS.map((kind) => {
          const up = raisedCard(state, personId, kind);
          const words = CARD_WORDS[kind];
          return (
            <button
              key={kind}
              type="button"
              class={`card-button card-${kind}`}
              aria-pressed={up !== undefined}
              disabled={busy}
              onClick={() => (up ? onLower(up) : onRaise(kind))}
            >
              <Picture word={words.picture} size="medium" />
              <span class="card-label">{words.label}</span>
              <span class="card-state">{up ? "Showing. Press to put down." : words.meaning}</span>
            </button>
          );
        })}
      </div>
    </section>
  );
}
