import type { MeetingClient } from "../../client/meetingClient";
import type { MeetingState } from "../../client/meetingState";
import type { Guid, Question } from "../../client/protocol";
import { SayForm } from "../../components/SayForm";
import { SpokenText } from "../../components/SpokenText";
import { answersBy, supportNote } from "../../meeting/selectors";
import { useCommand } from "../../meeting/useCommand";
import { Picture } from "../../pictures/Picture";
import { TOPIC_PICTURES } from "../../pictures/pictures";
import { QUESTION_WORDS } from "../../words/plainWords";
import { PictureSection } from "../../components/PictureSection";

interface QuestionsSectionProps {
  state: MeetingState;
  client: MeetingClient;
  /** Whose answers: the person themself, or the member a supporter is with. */
  personId: Guid;
  /** Set when someone answers with a member (supporter or facilitator): recorded as "with support from". */
  forMemberId?: Guid | null;
  /** Which questions this person may answer (listeners only answer the first). */
  questions: readonly Question[];
  offline: boolean;
  /** e.g. "Your answers" or "Cat's answers". */
  whose?: string;
}

/** The two questions: answer by typing or picking a picture; your answers so far. */
export function QuestionsSection(props: QuestionsSectionProps) {
  return (
    <>
      {props.questions.map((q) => (
        <QuestionPanel key={q} question={q} {...props} />
      ))}
    </>
  );
}

function QuestionPanel({ state, client, personId, forMemberId, question, offline, whose = "Your answers" }: QuestionsSectionProps & { question: Question }) {
  const words = QUESTION_WORDS[question];
  const command = useCommand();
  const mine = answersBy(state, personId, question);
  const open = state.phase === "gathering";
  const headingId = `q-${question}-${personId}`;
  return (
    <PictureSection class="panel question-panel" headingId={headingId} picture={words.picture} title={words.label}>
      {mine.length > 0 && (
        <>
          <h3>{whose}</h3>
          <ul class="said-list">
            {mine.map((a) => (
              <li key={a.id}>
                <SpokenText text={a.text} before={<Picture word={a.picture} size="medium" />} after={supportText(state, a.participantId, a.enteredById)} />
              </li>
            ))}
          </ul>
        </>
      )}
      {open ? (
        <SayForm
          label={mine.length > 0 ? "Add another answer" : words.prompt}
          draftKey={`${state.meetingId}.${personId}.${question}`}
          submitLabel="Send the answer"
          pictures={TOPIC_PICTURES}
          maxLength={280}
          busy={command.busy}
          error={command.error}
          offline={offline}
          onSay={(said) =>
            command.run(() =>
              client.answerQuestion({ question, text: said.text, picture: said.picture, forMemberId: forMemberId ?? null }),
            )
          }
        />
      ) : (
        mine.length === 0 && <p class="hint">This question was for the start of the meeting.</p>
      )}
    </PictureSection>
  );
}

function supportText(state: MeetingState, personId: Guid, enteredById: Guid) {
  const note = supportNote(state, personId, enteredById);
  return note ? <span class="support-note">({note})</span> : undefined;
}
