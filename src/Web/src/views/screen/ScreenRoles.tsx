import { holderOf, type MeetingState } from "../../client/meetingState";
import { MEETING_ROLES } from "../../client/protocol";
import { Picture } from "../../pictures/Picture";
import { MEETING_ROLE_WORDS } from "../../words/plainWords";

/** Who has each role today, in one line of large words with pictures ("Chair: Sam"); nothing while nobody has one. */
export function ScreenRoles({ state }: { state: MeetingState }) {
  const held = MEETING_ROLES.map((role) => ({ role, holder: holderOf(state, role) })).filter((r) => r.holder !== undefined);
  if (held.length === 0) return null;
  return (
    <ul class="plain-list screen-roles" aria-label="Roles today">
      {held.map(({ role, holder }) => (
        <li key={role}>
          <Picture word={MEETING_ROLE_WORDS[role].picture} size="medium" />
          <span>
            {MEETING_ROLE_WORDS[role].label}: <strong>{holder!.displayName}</strong>
          </span>
        </li>
      ))}
    </ul>
  );
}
