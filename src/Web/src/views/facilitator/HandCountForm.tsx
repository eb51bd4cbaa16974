import { useState } from "preact/hooks";
import type { MeetingClient } from "../../client/meetingClient";
import type { PollView } from "../../client/protocol";
import { useCommand } from "../../meeting/useCommand";
import { Picture } from "../../pictures/Picture";
import { FormEnd } from "../../components/FormEnd";

/** Record a show of hands: one number per choice. */
export function HandCountForm({ client, poll }: { client: MeetingClient; poll: PollView }) {
  const command = useCommand();
  const [counts, setCounts] = useState<Record<string, string>>(() =>
    Object.fromEntries(poll.options.map((o) => [o.id, String(poll.handCounts[o.id] ?? "")])),
  );
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    const numbers: Record<string, number> = {};
    for (const option of poll.options) {
      const n = Number((counts[option.id] ?? "").trim() || "0");
      if (!Number.isInteger(n) || n < 0 || n > 10000) return setProblem(`Please give a number from 0 for ${option.label}.`);
      numbers[option.id] = n;
    }
    setProblem(null);
    await command.run(() => client.recordHandCount({ pollId: poll.id, counts: numbers }));
  }

  return (
    <form class="hand-count" onSubmit={submit} noValidate>
      <fieldset>
        <legend class="with-picture">
          <Picture word="hands" size="small" />
          <span>Count the hands</span>
        </legend>
        {poll.options.map((option) => (
          <div key={option.id} class="count-row">
            <label for={`count-${poll.id}-${option.id}`}>
              Hands for <strong>{option.label}</strong>
            </label>
            <input
              id={`count-${poll.id}-${option.id}`}
              class="number-box"
              type="number"
              inputMode="numeric"
              min={0}
              max={10000}
              value={counts[option.id] ?? ""}
              onInput={(e) => setCounts({ ...counts, [option.id]: (e.currentTarget as HTMLInputElement).value })}
            />
          </div>
        ))}
      </fieldset>
      <FormEnd problem={problem} error={command.error} busy={command.busy} buttonClass="button">
        Save the count
      </FormEnd>
    </form>
  );
}
