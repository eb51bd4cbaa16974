import { cardLink } from "../../app/routes";
import type { ForumCard } from "../../client/forumProtocol";
import { QrCode } from "../../components/QrCode";
import { Picture } from "../../pictures/Picture";

/** The code in two groups of five, easier to read out and type. */
export const cardCodeText = (code: string) => `${code.slice(0, 5)} ${code.slice(5)}`;

/**
 * A printable Easy Read forum card: the holder's picture and name, the forum, a QR code that opens the card page
 * with the code, and the code itself for typing. Shown once, right after the card was made (the code is not kept).
 */
export function ForumCardSheet({ card, onDone }: { card: ForumCard; onDone(): void }) {
  const listener = card.kind === "Listener";
  return (
    <section class="panel forum-card-sheet" aria-labelledby="forum-card-heading">
      <h2 id="forum-card-heading" tabIndex={-1}>The forum card of {card.displayName}</h2>
      <p class="note note-good">Print this card now. We do not keep the code. If the card is lost, make a new card.</p>
      <article class="forum-card" aria-label={`Forum card: ${card.displayName}`}>
        <p class="forum-card-forum">{card.forumName}</p>
        <div class="with-picture">
          <Picture word={card.picture ?? (listener ? "listener" : "member")} size="large" />
          <p class="forum-card-name">{card.displayName}</p>
        </div>
        <p>This is your forum card.</p>
        <p>Use it to join every meeting of the forum.</p>
        <p>Scan the code with your phone. Or type the letters.</p>
        <p>Between meetings, scan it to see your forum record.</p>
        <QrCode text={cardLink(location.origin, card.code)} label={`QR code: join the forum's meeting as ${card.displayName}`} class="forum-card-qr" />
        <p class="code-box" aria-label={`Card code: ${[...card.code].join(" ")}`}>
          {cardCodeText(card.code)}
        </p>
        <p class="hint">Keep this card safe. It is only for you.</p>
      </article>
      <div class="button-row">
        <button type="button" class="button button-primary" onClick={() => window.print()}>
          Print the card
        </button>
        <button type="button" class="button" onClick={onDone}>
          Done
        </button>
      </div>
    </section>
  );
}
