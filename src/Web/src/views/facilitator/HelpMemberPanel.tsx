import { useState } from "preact/hooks";
import type { MeetingClient } from "../../client/meetingClient";
import type { MeetingState } from "../../client/meetingState";
import type { Guid, ParticipantView } from "../../client/protocol";
import { SpokenText } from "../../components/SpokenText";
import { forumMembers } from "../../meeting/selectors";
import { Picture } from "../../pictures/Picture";
import { ProposeItemSection } from "../shared/ProposeItemSection";
import { QuestionsSection } from "../shared/QuestionsSection";
import { VoteSection } from "../shared/VoteSection";

interface HelpMemberPanelProps {
  state: MeetingState;
  client: MeetingClient;
  me: ParticipantView;
  offline: boolean;
}

/**
 * In the room without a phone: the facilitator enters an answer, an idea or a vote for a named member.
 * It is saved as the member's, "with support from" the facilitator.
 */
export function HelpMemberPanel({ state, client, me, offline }: HelpMemberPanelProps) {
  const members = forumMembers(state);
  const [memberId, setMemberId] = useState<Guid | "">("");
  const member = members.find((m) => m.id === memberId);
  return (
    <section class="panel help-member" aria-labelledby="help-member-heading">
      <h2 id="help-member-heading" class="with-picture">
        <Picture word="supporter" size="medium" />
        <span>Help a member without a phone</span>
      </h2>
      <label for="help-member-select" class="field-label">
        Which member?
      </label>
      <select id="help-member-select" class="select-box" value={memberId} onChange={(e) => setMemberId((e.currentTarget as HTMLSelectElement).value)}>
        <option value="">Choose a member</option>
        {members.map((m) => (
          <option key={m.id} value={m.id}>
            {m.displayName}
          </option>
        ))}
      </select>
      {member && (
        <div class="help-member-actions">
          <SpokenText text={`What you enter now is saved for ${member.displayName}, with support from ${me.displayName}.`} />
          {state.phase === "gathering" && (
            <QuestionsSection
              state={state}
              client={client}
              personId={member.id}
              forMemberId={member.id}
              questions={["whyAreYouHere", "whatDoYouWantToDo"]}
              offline={offline}
              whose={`${member.displayName}'s answers`}
            />
          )}
          <ProposeItemSection state={state} client={client} personId={member.id} forMemberId={member.id} offline={offline} />
          {state.polls.some((p) => p.status === "open") && (
            <VoteSection state={state} client={client} voterId={member.id} forMemberId={member.id} voterName={member.displayName} />
          )}
        </div>
      )}
    </section>
  );
}
