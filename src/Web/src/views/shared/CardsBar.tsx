import { useEffect, useRef, useState } from "preact/hooks";
import type { MeetingClient } from "../../client/meetingClient";
import type { MeetingState } from "../../client/meetingState";
import type { Guid } from "../../client/protocol";
import { Picture } from "../../pictures/Picture";
import { CARD_WORDS } from "../../words/plainWords";
import { CardsSection } from "./CardsSection";

interface CardsBarProps {
  state: MeetingState;
  client: MeetingClient;
  personId: Guid;
  forMemberId?: Guid | null;
  heading?: string;
  /** Whose cards, for the words in the bar: "Cat" for a supporter; "You" when not given. */
  whose?: string;
}

/**
 * The cards are always one tap away on a phone: a bar fixed to the bottom of the screen with a "Cards" button that
 * opens Stop / Slow down / Question / Break above it (and closes them again). The bar says which card is up, in
 * words, so nobody has to open it to know. Opening moves the focus to the first card; Escape closes them again.
 */
export function CardsBar({ state, client, personId, forMemberId, heading, whose }: CardsBarProps) {
  const [open, setOpen] = useState(false);
  const sheet = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  // Opened: the focus goes to the first card (the cards sit above the bar, before it in the page).
  useEffect(() => {
    if (open) sheet.current?.querySelector<HTMLElement>(".card-button")?.focus();
  }, [open]);
  if (state.phase === "closed") return null;
  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  const up = state.cards.filter((c) => c.participantId === personId && c.clearedById === null);
  return (
    <div class="cards-bar">
      {open && (
        <div id="cards-sheet" class="cards-sheet" ref={sheet} onKeyDown={(e) => e.key === "Escape" && close()}>
          <CardsSection state={state} client={client} personId={personId} forMemberId={forMemberId} heading={heading} />
        </div>
      )}
      <div class="cards-bar-row">
        <p class="cards-bar-state">
          {up.length === 0
            ? `${whose ?? "You"} ${whose ? "is" : "are"} not showing a card.`
            : `${whose ?? "You"} ${whose ? "is" : "are"} showing: ${up.map((c) => CARD_WORDS[c.kind].label).join(", ")}.`}
        </p>
        <button
          type="button"
          class="button cards-bar-button"
          ref={toggle}
          aria-expanded={open}
          aria-controls="cards-sheet"
          onClick={() => (open ? close() : setOpen(true))}
        >
          <Picture word="stop" size="small" />
          <span>{open ? "Close the cards" : "Cards"}</span>
        </button>
      </div>
    </div>
  );
}
