import type { PollView } from "../client/protocol";
import { Picture } from "../pictures/Picture";
import { ReadAloudButton } from "../speech/ReadAloudButton";

interface VoteButtonsProps {
  poll: PollView;
  /** The option this person chose (known for open votes; remembered on this device for secret ones). */
  chosen: string | null;
  /** True once the server has the ballot. */
  counted: boolean;
  busy: boolean;
  onVote(optionId: string): void;
  /** Whose vote this is, for the buttons' names, e.g. "Cat". */
  voterName?: string;
}

/** Huge picture buttons, one per choice (Yes / No / Not sure by default), each with its word and aria-pressed. */
export function VoteButtons({ poll, chosen, counted, busy, onVote, voterName }: VoteButtonsProps) {
  return (
    <div class="vote-buttons" role="group" aria-label={voterName ? `Vote for ${voterName}` : "Your vote"}>
      {poll.options.map((option) => {
        const pressed = chosen === option.id;
        return (
          <div class="vote-choice" key={option.id}>
            <button
              type="button"
              class={`vote-button vote-${option.id}`}
              aria-pressed={pressed}
              disabled={busy || (counted && !pressed)}
              aria-disabled={counted ? true : undefined}
              onClick={() => {
                if (!counted && !busy) onVote(option.id);
              }}
            >
              <Picture word={option.picture ?? option.id} size="large" />
              <span class="vote-label">{option.label}</span>
              {pressed && <span class="vote-mark">{counted ? (voterName ? `${voterName}'s vote` : "Your vote") : "Sending..."}</span>}
            </button>
            <ReadAloudButton text={option.label} />
          </div>
        );
      })}
    </div>
  );
}

