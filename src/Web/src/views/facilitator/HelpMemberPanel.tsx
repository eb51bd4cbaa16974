import { useState } from "preact/hooks";
import type { MeetingClient } from "../../client/meetingClient";
import type { MeetingState } from "../../client/meetingState";
import type { Guid, ParticipantView } from "../../client/protocol";
import { forumMembers } from "../../meeting/selectors";
import { Picture } from "../../pictures/Picture";
import { AddMemberForm } from "../shared/AddMemberForm";
import { EnterForMember } from "../shared/EnterForMember";

interface HelpMemberPanelProps {
  state: MeetingState;
  client: MeetingClient;
  me: ParticipantView;
  offline: boolean;
}

/**
 * In the room without a phone: the facilitator adds the member if they are not in the meeting yet, then
 * enters an answer, an idea, a vote or a card for them. It is saved as the member's, "with support from" the
 * facilitator. A member without a device can later use their own phone with a one-use code.
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
      <AddMemberForm state={state} client={client} me={me} onAdded={setMemberId} />
      <label for="help-member-select" class="field-label">
        Which member?
      </label>
      <select id="help-member-select" class="select-box" value={memberId} onChange={(e) => setMemberId((e.currentTarget as HTMLSelectElement).value)}>
        <option value="">Choose a member</option>
        {members.map((m) => (
          <option key={m.id} value={m.id}>
            {m.withoutDevice ? `${m.displayName} (no phone)` : m.displayName}
          </option>
        ))}
      </select>
      {member && <EnterForMember key={member.id} state={state} client={client} me={me} member={member} offline={offline} />}
    </section>
  );
}
