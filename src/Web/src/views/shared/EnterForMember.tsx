import type { MeetingClient } from "../../client/meetingClient";
import type { MeetingState } from "../../client/meetingState";
import type { ParticipantView } from "../../client/protocol";
import { SpokenText } from "../../components/SpokenText";
import { CardsSection } from "./CardsSection";
import { ProposeItemSection } from "./ProposeItemSection";
import { QuestionsSection } from "./QuestionsSection";
import { TakeOverCode } from "./TakeOverCode";
import { VoteSection } from "./VoteSection";

interface EnterForMemberProps {
  state: MeetingState;
  client: MeetingClient;
  /** Who is typing: the facilitator or a supporter. */
  me: ParticipantView;
  member: ParticipantView;
  offline: boolean;
}

/** Both gathering questions, answered as the member's own by whoever enters them for the member. */
export function MemberQuestions({ state, client, member, offline }: Omit<EnterForMemberProps, "me">) {
  return (
    <QuestionsSection
      state={state}
      client={client}
      personId={member.id}
      forMemberId={member.id}
      questions={["whyAreYouHere", "whatDoYouWantToDo"]}
      offline={offline}
      whose={`${member.displayName}'s answers`}
    />
  );
}

/**
 * Answers, ideas, the vote and cards for a member who is in the room without a phone (or who asks for help). Each is
 * saved as the member's, entered by `me` (forMemberId); a member without a device can get a code for their own phone.
 */
export function EnterForMember({ state, client, me, member, offline }: EnterForMemberProps) {
  return (
    <div class="help-member-actions">
      <SpokenText text={`What you enter now is saved for ${member.displayName}, with support from ${me.displayName}.`} />
      {state.phase === "gathering" && <MemberQuestions state={state} client={client} member={member} offline={offline} />}
      <ProposeItemSection state={state} client={client} personId={member.id} forMemberId={member.id} offline={offline} />
      {state.polls.some((p) => p.status === "open") && (
        <VoteSection state={state} client={client} voterId={member.id} forMemberId={member.id} voterName={member.displayName} />
      )}
      <CardsSection state={state} client={client} personId={member.id} forMemberId={member.id} heading={`Show a card for ${member.displayName}`} />
      {member.withoutDevice && <TakeOverCode key={member.id} client={client} member={member} />}
    </div>
  );
}
