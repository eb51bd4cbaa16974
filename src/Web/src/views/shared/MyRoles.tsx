import type { ParticipantView } from "../../client/protocol";
import { SpokenText } from "../../components/SpokenText";
import { Picture } from "../../pictures/Picture";
import { MEETING_ROLE_WORDS } from "../../words/plainWords";

/**
 * "You are the chair today." with its picture, what the job is, and Listen: one line per role the person has. For a
 * supporter, `helping` names the member they help: "Ann is the chair today.", so they can help her do it.
 */
export function MyRoles({ me, helping = false }: { me: ParticipantView; helping?: boolean }) {
  if (me.roles.length === 0) return null;
  return (
    <ul class="plain-list my-roles" aria-label={helping ? `Roles of ${me.displayName} today` : "Your roles today"}>
      {me.roles.map((role) => {
        const words = MEETING_ROLE_WORDS[role];
        const text = helping ? `${me.displayName} is ${words.the} today.` : `You are ${words.the} today. ${words.job}`;
        return (
          <li key={role} class="my-role">
            <SpokenText text={text} before={<Picture word={words.picture} size="large" />} />
          </li>
        );
      })}
    </ul>
  );
}
