import { useState } from "preact/hooks";
import type { MeetingClient } from "../../client/meetingClient";
import type { MeetingState } from "../../client/meetingState";
import type { Guid, ParticipantView } from "../../client/protocol";
import { membersHelpedBy } from "../../meeting/withoutDevice";
import { Picture } from "../../pictures/Picture";
import { AddMemberForm } from "../shared/AddMemberForm";
import { EnterForMember } from "../shared/EnterForMember";

/**
 * A supporter may also help someone in the room who has no phone: add them, then answer, vote and show
 * cards for them (saved as theirs, with support from the supporter), and give them a code for their own phone later.
 */
export function HelpWithoutPhone({ state, client, me, offline }: { state: MeetingState; client: MeetingClient; me: ParticipantView; offline: boolean }) {
  const helped = membersHelpedBy(state, me.id);
  const [chosen, setChosen] = useState<Guid | "">("");
  const member = helped.find((m) => m.id === chosen) ?? (helped.length === 1 ? helped[0] : undefined);
  if (state.phase === "closed") return null;
  return (
    <section class="panel help-member" aria-labelledby="help-without-phone-heading">
      <h2 id="help-without-phone-heading" class="with-picture">
        <Picture word="supporter" size="medium" />
        <span>Help someone without a phone</span>
      </h2>
      <AddMemberForm state={state} client={client} me={me} onAdded={setChosen} />
      {helped.length > 1 && (
        <>
          <label for="help-without-phone-select" class="field-label">
            Who are you helping now?
          </label>
          <select id="help-without-phone-select" class="select-box" value={member?.id ?? ""}
            onChange={(e) => setChosen((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">Choose a person</option>
            {helped.map((m) => (
              <option key={m.id} value={m.id}>
                {m.displayName}
              </option>
            ))}
          </select>
        </>
      )}
      {member && <EnterForMember key={member.id} state={state} client={client} me={me} member={member} offline={offline} />}
    </section>
  );
}
