import { useEffect, useRef } from "preact/hooks";
import type { MeetingClient } from "../../client/meetingClient";
import type { MeetingState } from "../../client/meetingState";
import { ErrorNote } from "../../components/ErrorNote";
import { clockTime, nameOf, raisedCardsByUrgency } from "../../meeting/selectors";
import { useCommand } from "../../meeting/useCommand";
import { Picture } from "../../pictures/Picture";
import { CARD_WORDS } from "../../words/plainWords";

/**
 * The cards that are up, in a bar at the top of the console that stays in view while the facilitator scrolls
 * (a Stop card listed 4,000 px up the page was missed). Most urgent first: Stop, Slow down, Question,
 * Break; each with who raised it and "Dealt with", which puts it down. The page keeps focused elements from
 * hiding under the bar (scroll-padding-top follows its height).
 */
export function CardsQueue({ state, client }: { state: MeetingState; client: MeetingClient }) {
  const command = useCommand();
  const cards = raisedCardsByUrgency(state);
  const bar = useStickyPadding(cards.length > 0);
  return (
    <section ref={bar} class={cards.length > 0 ? "cards-queue has-cards" : "cards-queue"} aria-labelledby="cards-queue-heading">
      <h2 id="cards-queue-heading">Cards up ({cards.length})</h2>
      {cards.length === 0 ? (
        <p class="hint">No cards are up.</p>
      ) : (
        <ol class="cards-queue-list">
          {cards.map((card) => {
            const words = CARD_WORDS[card.kind];
            const who = nameOf(state, card.participantId);
            return (
              <li key={card.id} class={`cards-queue-card card-${card.kind}`}>
                <Picture word={words.picture} size="medium" eager />
                <span class="cards-queue-words">
                  <strong>{words.label}</strong>
                  <span class="break-anywhere">{who}</span>
                  <span class="support-note">at {clockTime(card.raisedAt)}</span>
                </span>
                <button type="button" class="button" disabled={command.busy} onClick={() => void command.run(() => client.clearCard({ cardId: card.id }))}>
                  Dealt with<span class="visually-hidden"> - Put down ({words.label} card of {who})</span>
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

/** While the bar sticks, the page scrolls focused things into view below it (WCAG 2.4.11), not under it. */
function useStickyPadding(sticky: boolean) {
  const bar = useRef<HTMLElement>(null);
  useEffect(() => {
    const root = document.documentElement;
    const element = bar.current;
    if (!sticky || !element || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => {
      root.style.scrollPaddingTop = `${element.getBoundingClientRect().height + 8}px`;
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.scrollPaddingTop = "";
    };
  }, [sticky]);
  return bar;
}
