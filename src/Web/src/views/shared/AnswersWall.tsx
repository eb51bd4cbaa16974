import type { MeetingState } from "../../client/meetingState";
import type { Question } from "../../client/protocol";
import { SpokenText } from "../../components/SpokenText";
import { answersTo, nameOf, supportNote } from "../../meeting/selectors";
import { Picture } from "../../pictures/Picture";
import { QUESTION_WORDS } from "../../words/plainWords";

const QUESTIONS: readonly Question[] = ["whyAreYouHere", "whatDoYouWantToDo"];

/** Everyone's answers to the two questions, each with who said it (and with whose support). */
export function AnswersWall({ state }: { state: MeetingState }) {
  if (state.answers.length === 0) return null;
  return (
    <section class="panel answers-wall" aria-labelledby="answers-heading">
      <h2 id="answers-heading">What people said</h2>
      <div class="wall-columns">
        {QUESTIONS.map((q) => {
          const answers = answersTo(state, q);
          return (
            <div key={q} class="wall-column">
              <h3 class="with-picture">
                <Picture word={QUESTION_WORDS[q].picture} size="medium" />
                <span>{QUESTION_WORDS[q].label}</span>
              </h3>
              {answers.length === 0 ? (
                <p class="hint">No answers yet.</p>
              ) : (
                <ul class="wall-list">
                  {answers.map((a) => {
                    const note = supportNote(state, a.participantId, a.enteredById);
                    return (
                      <li key={a.id} class="wall-card">
                        <SpokenText
                          text={a.text}
                          spoken={`${nameOf(state, a.participantId)} said: ${a.text}`}
                          before={<Picture word={a.picture} size="medium" />}
                          after={
                            <span class="support-note">
                              {nameOf(state, a.participantId)}
                              {note ? ` (${note})` : ""}
                            </span>
                          }
                        />
                      </li>
                    );
                  })}
                </ul>
              )}
            </div>
          );
        })}
      </div>
    </section>
  );
}
