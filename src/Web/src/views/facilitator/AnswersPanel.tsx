import type { MeetingClient } from "../../client/meetingClient";
import type { MeetingState } from "../../client/meetingState";
import type { AnswerView } from "../../client/protocol";
import { ErrorNote } from "../../components/ErrorNote";
import { SpokenText } from "../../components/SpokenText";
import { answersTo, whoSaid } from "../../meeting/selectors";
import { useCommand } from "../../meeting/useCommand";
import { Picture } from "../../pictures/Picture";
import { QUESTION_WORDS } from "../../words/plainWords";

/** Everyone's answers; "What do you want to do?" answers can be put on the list of ideas (PromoteAnswer). */
export function AnswersPanel({ state, client }: { state: MeetingState; client: MeetingClient }) {
  const command = useCommand();
  return (
    <section class="panel" aria-labelledby="answers-panel-heading">
      <h2 id="answers-panel-heading">Answers</h2>
      {(["whyAreYouHere", "whatDoYouWantToDo"] as const).map((q) => {
        const answers = answersTo(state, q);
        return (
          <div key={q}>
            <h3 class="with-picture">
              <Picture word={QUESTION_WORDS[q].picture} size="small" />
              <span>
                {QUESTION_WORDS[q].label} ({answers.length})
              </span>
            </h3>
            {answers.length === 0 ? (
              <p class="hint">No answers yet.</p>
            ) : (
              <ul class="said-list">
                {answers.map((a) => (
                  <AnswerRow key={a.id} answer={a} state={state} busy={command.busy} onPromote={() => void command.run(() => client.promoteAnswer({ answerId: a.id }))} />
                ))}
              </ul>
            )}
          </div>
        );
      })}
      <ErrorNote error={command.error} />
    </section>
  );
}

function AnswerRow({ answer, state, busy, onPromote }: { answer: AnswerView; state: MeetingState; busy: boolean; onPromote(): void }) {
  const canPromote = answer.question === "whatDoYouWantToDo";
  return (
    <li class="answer-row">
      <SpokenText text={answer.text} before={<Picture word={answer.picture} size="small" />} after={<span class="support-note">{whoSaid(state, answer.participantId, answer.enteredById)}</span>} />
      {canPromote &&
        (answer.promotedToItemId ? (
          <span class="status-tag">On the list of ideas</span>
        ) : (
          <button type="button" class="button" disabled={busy} onClick={onPromote}>
            Make it an idea for the agenda<span class="visually-hidden"> ({answer.text})</span>
          </button>
        ))}
    </li>
  );
}
