import type { ParticipantView } from "../client/protocol";
import { Picture } from "../pictures/Picture";
import { ROLE_WORDS } from "../words/plainWords";

/** A person's picture, name and (optionally) role. */
export function PersonName({ person, showRole = false }: { person: ParticipantView | undefined; showRole?: boolean }) {
  if (!person) return <span class="person">Someone</span>;
  return (
    <span class="person">
      <Picture word={person.picture ?? ROLE_WORDS[person.role].picture} size="small" />
      <span>{person.displayName}</span>
      {showRole && <span class="role-tag">{ROLE_WORDS[person.role].label}</span>}
    </span>
  );
}
