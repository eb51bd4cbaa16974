import type { ParticipantView } from "../../client/protocol";
import { SpokenText } from "../../components/SpokenText";
import { Picture } from "../../pictures/Picture";
import { MEETING_ROLE_WORDS } from "../../words/plainWords";

/** "You are the chair today." with its picture, what the job is, and Listen: one line per role the person has. */
export function MyRoles({ me }: { me: ParticipantView }) {
  if (me.roles.length === 0) return null;
  return (
    <ul class="plain-list my-roles" aria-label="Your roles today">
      {me.roles.map((role) => {
        const words = MEETING_ROLE_WORDS[role];
        return (
          <li key={role} class="my-role">
            <SpokenText text={`You are ${words.the} today. ${words.job}`} before={<Picture word={words.picture} size="large" />} />
          </li>
        );
      })}
    </ul>
  );
}
