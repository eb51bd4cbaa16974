import { useRef, useState } from "preact/hooks";
import type { Guid, ParticipantView } from "../client/protocol";
import { Picture } from "../pictures/Picture";

interface PublishStepProps {
  version: number;
  /** Members who may have checked the minutes with the facilitator. */
  members: ParticipantView[];
  busy: boolean;
  onPublish(reviewedWithId: Guid | null): void;
}

/**
 * Publishing cannot be undone (only corrected with a note), so it is asked twice. Who checked the minutes with the
 * facilitator is saved with them ("reviewedWithId").
 */
export function PublishStep({ version, members, busy, onPublish }: PublishStepProps) {
  const [reviewer, setReviewer] = useState("");
  const [asking, setAsking] = useState(false);
  const publishButton = useRef<HTMLButtonElement>(null);
  const no = () => {
    setAsking(false);
    requestAnimationFrame(() => publishButton.current?.focus());
  };
  return (
    <div class="publish-step">
      <label for="minutes-reviewer" class="field-label">
        Who checked the minutes with you?
      </label>
      <select id="minutes-reviewer" class="select-box" value={reviewer} onChange={(e) => setReviewer((e.currentTarget as HTMLSelectElement).value)}>
        <option value="">Nobody</option>
        {members.map((m) => (
          <option key={m.id} value={m.id}>
            {m.displayName}
          </option>
        ))}
      </select>
      {asking ? (
        <div class="confirm" role="group" aria-labelledby="publish-question">
          <p id="publish-question">
            <strong>Publish draft {version} for everyone?</strong> You cannot take it back. You can only correct it later.
          </p>
          <div class="button-row">
            <button type="button" class="button button-primary" disabled={busy} onClick={() => onPublish(reviewer === "" ? null : reviewer)}>
              <Picture word="yes" size="small" />
              <span>Yes, publish</span>
            </button>
            <button type="button" class="button" onClick={no}>
              <Picture word="no" size="small" />
              <span>No, not yet</span>
            </button>
          </div>
        </div>
      ) : (
        <div class="button-row">
          <button type="button" class="button button-primary button-big" ref={publishButton} disabled={busy} onClick={() => setAsking(true)}>
            <Picture word="news" size="medium" />
            <span>Publish the minutes...</span>
          </button>
        </div>
      )}
    </div>
  );
}
