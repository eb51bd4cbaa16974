import { useState } from "preact/hooks";
import type { MeetingClient } from "../../client/meetingClient";
import type { Guid, OptionInput } from "../../client/protocol";
import { VoteNotice } from "../../components/VoteNotice";
import { useCommand } from "../../meeting/useCommand";
import { Picture } from "../../pictures/Picture";
import { parseChoices } from "./pollChoices";
import { FormEnd } from "../../components/FormEnd";

interface OpenPollFormProps {
  client: MeetingClient;
  itemId: Guid | null;
  itemTitle: string | null;
}

/**
 * Opening a vote. Step 1 is always: open or secret (nothing is chosen for you), and the Easy Read notice shows
 * what that means. Then how people vote (phones or hands), the question and the choices (Yes / No / Not sure, or your own).
 */
export function OpenPollForm({ client, itemId, itemTitle }: OpenPollFormProps) {
  const command = useCommand();
  const [secret, setSecret] = useState<boolean | null>(null);
  const [handCount, setHandCount] = useState(false);
  const [question, setQuestion] = useState(itemTitle ? `Do you agree: ${itemTitle}?` : "");
  const [ownChoices, setOwnChoices] = useState(false);
  const [choicesText, setChoicesText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    if (secret === null) return setProblem("Please choose: open vote or secret vote.");
    if (question.trim() === "") return setProblem("Please write the question.");
    let options: OptionInput[] | null = null;
    if (ownChoices) {
      options = parseChoices(choicesText);
      if (options.length < 2 || options.length > 8) return setProblem("Please write 2 to 8 choices, one on each line.");
    }
    setProblem(null);
    await command.run(() => client.openPoll({ itemId, question: question.trim(), options, secret, handCount }));
  }

  return (
    <form class="open-poll-form" onSubmit={submit} noValidate>
      <fieldset>
        <legend>1. Open or secret? Choose before the vote starts.</legend>
        <div class="tile-row">
          <label class={secret === false ? "choice-tile is-chosen" : "choice-tile"}>
            <input type="radio" name="poll-secret" checked={secret === false} onChange={() => setSecret(false)} />
            <Picture word="people" size="medium" />
            <span>Open vote</span>
          </label>
          <label class={secret === true ? "choice-tile is-chosen" : "choice-tile"}>
            <input type="radio" name="poll-secret" checked={secret === true} onChange={() => setSecret(true)} />
            <Picture word="secret" size="medium" />
            <span>Secret vote</span>
          </label>
        </div>
      </fieldset>
      {secret !== null && <VoteNotice poll={{ secret, mode: handCount ? "handCount" : "devices" }} />}
      <fieldset>
        <legend>2. How do people vote?</legend>
        <div class="tile-row">
          <label class={!handCount ? "choice-tile is-chosen" : "choice-tile"}>
            <input type="radio" name="poll-mode" checked={!handCount} onChange={() => setHandCount(false)} />
            <Picture word="phone" size="medium" />
            <span>On phones and tablets</span>
          </label>
          <label class={handCount ? "choice-tile is-chosen" : "choice-tile"}>
            <input type="radio" name="poll-mode" checked={handCount} onChange={() => setHandCount(true)} />
            <Picture word="hands" size="medium" />
            <span>Hands up in the room</span>
          </label>
        </div>
      </fieldset>
      <label for="poll-question" class="field-label">
        3. The question
      </label>
      <input id="poll-question" class="text-box" type="text" maxLength={200} value={question} onInput={(e) => setQuestion((e.currentTarget as HTMLInputElement).value)} />
      <fieldset>
        <legend>4. The choices</legend>
        <label class="check-row">
          <input type="radio" name="poll-choices" checked={!ownChoices} onChange={() => setOwnChoices(false)} />
          <span>Yes, No, Not sure</span>
        </label>
        <label class="check-row">
          <input type="radio" name="poll-choices" checked={ownChoices} onChange={() => setOwnChoices(true)} />
          <span>Our own choices</span>
        </label>
        {ownChoices && (
          <>
            <label for="poll-choices-text" class="field-label">
              Choices, one on each line (2 to 8)
            </label>
            <textarea id="poll-choices-text" class="text-box" rows={4} value={choicesText} onInput={(e) => setChoicesText((e.currentTarget as HTMLTextAreaElement).value)} />
          </>
        )}
      </fieldset>
      <FormEnd problem={problem} error={command.error} busy={command.busy}>
        Start the vote
      </FormEnd>
    </form>
  );
}
