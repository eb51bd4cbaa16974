import { useState } from "preact/hooks";
import type { MeetingClient } from "../../client/meetingClient";
import { holderOf, type MeetingState } from "../../client/meetingState";
import { MEETING_ROLES, type MeetingRole } from "../../client/protocol";
import { ErrorNote } from "../../components/ErrorNote";
import { present } from "../../meeting/selectors";
import { useCommand } from "../../meeting/useCommand";
import { Picture } from "../../pictures/Picture";
import { MEETING_ROLE_WORDS } from "../../words/plainWords";

interface RolesPanelProps {
  state: MeetingState;
  client: MeetingClient;
}

/**
 * Roles in the meeting (issue 14): for each of chair, timekeeper, note-taker and welcome, who has it now and a big
 * button to take it back, or a list of members and a button to give it. One person has a role at a time, so a role
 * that is given shows only "Take back": the facilitator takes it first, then gives it to someone else (the server
 * refuses otherwise, role_taken). The panel changes only when meetingRoleGiven / meetingRoleTaken arrive.
 */
export function RolesPanel({ state, client }: RolesPanelProps) {
  const members = present(state).filter((p) => p.role === "member");
  const command = useCommand();
  const [chosen, setChosen] = useState<Partial<Record<MeetingRole, string>>>({});
  const give = (role: MeetingRole, participantId: string) =>
    void command.run(() => client.giveRole({ participantId, role })).then((done) => {
      if (done) setChosen((c) => ({ ...c, [role]: "" }));
    });
  const take = (role: MeetingRole, participantId: string) => void command.run(() => client.takeRole({ participantId, role }));

  return (
    <section class="panel roles-panel" aria-labelledby="roles-heading">
      <h2 id="roles-heading" class="with-picture">
        <Picture word="star" size="medium" />
        <span>Roles</span>
      </h2>
      <p>Give members a job in the meeting. One person has each role.</p>
      {members.length === 0 && <p>When members join, you can give them roles here.</p>}
      <ul class="plain-list roles-list">
        {MEETING_ROLES.map((role) => {
          const words = MEETING_ROLE_WORDS[role];
          const holder = holderOf(state, role);
          const selectId = `role-${role}-person`;
          // Nobody is chosen at first, so a role is never given to the first name by one careless press.
          const pick = chosen[role] ?? "";
          return (
            <li key={role} class="role-row" data-role={role}>
              <h3 class="with-picture">
                <Picture word={words.picture} size="medium" />
                <span>{words.label}</span>
              </h3>
              {holder ? (
                <div class="button-row">
                  <p class="role-holder">
                    <strong>{holder.displayName}</strong> is {words.the}.
                  </p>
                  <button type="button" class="button" disabled={command.busy} onClick={() => take(role, holder.id)}>
                    <Picture word="cross" size="small" />
                    <span>
                      Take back from {holder.displayName}
                    </span>
                  </button>
                </div>
              ) : (
                members.length > 0 && (
                  <div class="button-row">
                    <label for={selectId}>Who is {words.the}?</label>
                    <select id={selectId} class="select-box" value={pick}
                      onChange={(e) => setChosen({ ...chosen, [role]: (e.currentTarget as HTMLSelectElement).value })}>
                      <option value="">Choose a member</option>
                      {members.map((m) => (
                        <option key={m.id} value={m.id}>
                          {m.displayName}
                        </option>
                      ))}
                    </select>
                    <button type="button" class="button button-primary" disabled={command.busy || pick === ""} onClick={() => give(role, pick)}>
                      <Picture word="check" size="small" />
                      <span>Give {words.label}</span>
                    </button>
                  </div>
                )
              )}
            </li>
          );
        })}
      </ul>
      <ErrorNote error={command.error} />
    </section>
  );
}
