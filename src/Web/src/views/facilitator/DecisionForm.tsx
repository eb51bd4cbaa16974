import { useState } from "preact/hooks";
import type { MeetingClient } from "../../client/meetingClient";
import type { MeetingState } from "../../client/meetingState";
import { PARTICIPATION_LEVELS, type Guid, type ParticipationLevel } from "../../client/protocol";
import { useCommand } from "../../meeting/useCommand";
import { Picture } from "../../pictures/Picture";
import { useDraft } from "../../session/drafts";
import { LEVEL_WORDS } from "../../words/plainWords";
import { PictureSection } from "../../components/PictureSection";
import { FormEnd } from "../../components/FormEnd";

/** Record a decision: the words, how much say people had (a participation level in plain words), and the vote it came from. */
export function DecisionForm({ state, client, itemId }: { state: MeetingState; client: MeetingClient; itemId: Guid | null }) {
  const command = useCommand();
  const [text, setText] = useDraft(`${state.meetingId}.decision.${itemId ?? "none"}`);
  const [level, setLevel] = useState<ParticipationLevel | null>(null);
  const closedPolls = state.polls.filter((p) => p.status === "closed" && (itemId === null || p.itemId === itemId));
  const latestClosed = closedPolls[closedPolls.length - 1]?.id ?? "";
  const [chosenPollId, setPollId] = useState<Guid | "">("");
  const [pollTouched, setPollTouched] = useState(false);
  // The vote that closed last is the decision's vote, unless the facilitator chose another (or none).
  const pollId = pollTouched ? chosenPollId : latestClosed;
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    if (text.trim() === "") return setProblem("Please write the decision.");
    if (!level) return setProblem("Please choose how much say people had.");
    setProblem(null);
    if (await command.run(() => client.recordDecision({ itemId, text: text.trim(), level, pollId: pollId === "" ? null : pollId }))) {
      setText("");
      setLevel(null);
      setPollTouched(false);
    }
  }

  return (
    <PictureSection class="panel" headingId="decision-form-heading" picture="decision" title="Record a decision">
      <form onSubmit={submit} noValidate>
        <label for="decision-text" class="field-label">
          What did we decide?
        </label>
        <textarea id="decision-text" class="text-box" rows={2} maxLength={280} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
        {closedPolls.length > 0 && (
          <>
            <label for="decision-poll" class="field-label">
              From which vote?
            </label>
            <select id="decision-poll" class="select-box" value={pollId} onChange={(e) => {
                setPollTouched(true);
                setPollId((e.currentTarget as HTMLSelectElement).value);
              }}>
              <option value="">Not from a vote</option>
              {closedPolls.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.question}
                </option>
              ))}
            </select>
          </>
        )}
        <fieldset>
          <legend>How much say did people have?</legend>
          <div class="level-list">
            {PARTICIPATION_LEVELS.map((l) => (
              <label key={l} class={level === l ? "level-option is-chosen" : "level-option"}>
                <input type="radio" name="decision-level" checked={level === l} onChange={() => setLevel(l)} />
                <Picture word={LEVEL_WORDS[l].picture} size="small" />
                <span>
                  <strong>{LEVEL_WORDS[l].label}</strong>: {LEVEL_WORDS[l].meaning}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <FormEnd problem={problem} error={command.error} busy={command.busy}>
          Save the decision
        </FormEnd>
      </form>
    </PictureSection>
  );
}
