import type { MeetingState } from "../../client/meetingState";
import type { ParticipantView } from "../../client/protocol";
import { PersonName } from "../../components/PersonName";
import { PhaseSteps } from "../../components/PhaseSteps";
import { SpokenText } from "../../components/SpokenText";
import { Picture } from "../../pictures/Picture";
import { PHASE_WORDS } from "../../words/plainWords";
import { MyRoles } from "./MyRoles";

interface WhoAndWhereProps {
  state: MeetingState;
  me: ParticipantView;
  /** "You are helping Cat." for supporters. */
  extra?: string;
  /** For supporters: the member they help, whose roles they see too ("Cat is the chair today."). */
  helping?: ParticipantView;
  /** The newest event in plain words. */
  announcement: string;
}

/** Who you are, which step the meeting is at, and what just happened (polite status line, never flashing). */
export function WhoAndWhere({ state, me, extra, helping, announcement }: WhoAndWhereProps) {
  const phase = PHASE_WORDS[state.phase];
  return (
    <section class="panel who-and-where" aria-label="You and the meeting">
      <p class="you-are">
        You are <PersonName person={me} />
      </p>
      {extra && <p class="you-are">{extra}</p>}
      <MyRoles me={me} />
      {helping && <MyRoles me={helping} helping />}
      <SpokenText as="p" class="phase-now" text={`Now: ${phase.label}. ${phase.doing}`} before={<Picture word={phase.picture} size="medium" />} />
      <details class="steps-details">
        <summary>All the steps of the meeting</summary>
        <PhaseSteps phase={state.phase} />
      </details>
      <p class="latest" role="status" aria-live="polite">
        {announcement && <span>Just now: {announcement}</span>}
      </p>
    </section>
  );
}
