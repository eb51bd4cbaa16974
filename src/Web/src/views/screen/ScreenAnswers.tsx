import type { MeetingState } from "../../client/meetingState";
import type { Question } from "../../client/protocol";
import { answersTo, nameOf, supportNote } from "../../meeting/selectors";
import { QUESTION_WORDS } from "../../words/plainWords";
import { PagedList, ScreenSaid } from "./PagedList";
import { PictureSection } from "../../components/PictureSection";

const QUESTIONS: readonly Question[] = ["whyAreYouHere", "whatDoYouWantToDo"];

/** The gathering on the TV: the answers to each question in its own pane, newest last, paged when they are many. */
export function ScreenAnswers({ state }: { state: MeetingState }) {
  return (
    <>
      {QUESTIONS.map((q) => {
        const answers = answersTo(state, q);
        const headingId = `screen-answers-${q}`;
        return (
          <PictureSection key={q} class="screen-pane screen-answers" headingId={headingId} picture={QUESTION_WORDS[q].picture} title={QUESTION_WORDS[q].label}>
            {answers.length === 0 ? (
              <p class="screen-hint">No answers yet.</p>
            ) : (
              <PagedList>
                {answers.map((a) => {
                  const note = supportNote(state, a.participantId, a.enteredById);
                  return (
                    <ScreenSaid
                      key={a.id}
                      picture={a.picture}
                      words={a.text}
                      who={
                        <>
                          {nameOf(state, a.participantId)}
                          {note ? ` (${note})` : ""}
                        </>
                      }
                    />
                  );
                })}
              </PagedList>
            )}
          </PictureSection>
        );
      })}
    </>
  );
}
