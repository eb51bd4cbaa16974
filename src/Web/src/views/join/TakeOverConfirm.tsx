import type { MemberChoice } from "../../client/protocol";
import { ErrorNote } from "../../components/ErrorNote";
import { SpokenText } from "../../components/SpokenText";
import { Picture } from "../../pictures/Picture";
import type { FriendlyError } from "../../words/friendlyError";

interface TakeOverConfirmProps {
  member: MemberChoice;
  busy: boolean;
  error: FriendlyError | null;
  onTakeOver(): void;
  onBack(): void;
}

/**
 * A take-over code was typed. This phone joins AS the member who was in the meeting without a phone, so
 * everything entered for them stays theirs. No name to type: we only ask "Is this you?".
 */
export function TakeOverConfirm({ member, busy, error, onTakeOver, onBack }: TakeOverConfirmProps) {
  return (
    <div class="panel take-over-confirm">
      <h2 class="with-picture">
        <Picture word={member.picture ?? "member"} size="large" />
        <span>Is this you: {member.displayName}?</span>
      </h2>
      <SpokenText text={`This code is for ${member.displayName}. From now on you use this phone in the meeting. What was entered for you stays yours.`} />
      <ErrorNote error={error} />
      <div class="button-row">
        <button type="button" class="button button-primary button-big" disabled={busy} onClick={onTakeOver}>
          {busy ? "Joining..." : `Yes, I am ${member.displayName}`}
        </button>
        <button type="button" class="button" onClick={onBack}>
          No: change the code
        </button>
      </div>
    </div>
  );
}
