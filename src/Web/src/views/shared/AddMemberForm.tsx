import { useState } from "preact/hooks";
import type { MeetingClient } from "../../client/meetingClient";
import type { MeetingState } from "../../client/meetingState";
import type { Guid, ParticipantView } from "../../client/protocol";
import { ErrorNote } from "../../components/ErrorNote";
import { PicturePicker } from "../../components/PicturePicker";
import { SpokenText } from "../../components/SpokenText";
import { useCommand } from "../../meeting/useCommand";
import { Picture } from "../../pictures/Picture";
import { PERSON_PICTURES } from "../../pictures/pictures";

interface AddMemberFormProps {
  state: MeetingState;
  client: MeetingClient;
  /** The facilitator or a supporter. A supporter is always the helper of whom they add. */
  me: ParticipantView;
  /** Told the new member's id once they are in the meeting (the caller then enters for them). */
  onAdded(id: Guid): void;
}

/**
 * Adds a member who is in the room without a phone or tablet: their name, a picture, and (for the
 * facilitator) who helps them. They are then a member like everyone else; others enter for them.
 */
export function AddMemberForm({ state, client, me, onAdded }: AddMemberFormProps) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [picture, setPicture] = useState<string | null>(null);
  const [helperId, setHelperId] = useState<Guid | "">("");
  const [problem, setProblem] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const command = useCommand();
  const supporters = state.participants.filter((p) => p.role === "supporter" && !p.removed);
  const isSupporter = me.role === "supporter";

  async function submit(event: Event) {
    event.preventDefault();
    const clean = name.trim();
    if (clean === "") return setProblem("Please type their name.");
    setProblem(null);
    let newId: Guid | null = null;
    const ok = await command.run(async () => {
      const ack = await client.addMemberWithoutDevice({ displayName: clean, picture, helperId: isSupporter || helperId === "" ? null : helperId });
      newId = ack.id;
    });
    if (!ok || !newId) return;
    setAdded(clean);
    setName("");
    setPicture(null);
    setHelperId("");
    setOpen(false);
    onAdded(newId);
  }

  if (!open) {
    return (
      <div class="add-member">
        {added && (
          <p class="note note-good" role="status">
            <Picture word="check" size="small" />
            <span>{added} is in the meeting now.</span>
          </p>
        )}
        <button type="button" class="button" aria-expanded="false" onClick={() => { setAdded(null); setOpen(true); }}>
          <Picture word="member" size="small" />
          <span>Add a member without a phone</span>
        </button>
      </div>
    );
  }
  return (
    <form class="add-member" onSubmit={submit} noValidate aria-label="Add a member without a phone">
      <SpokenText text="Add someone who is here but has no phone or tablet. You can then answer, vote and show cards for them." />
      <label for="add-member-name" class="field-label">
        Their name
      </label>
      <input id="add-member-name" class="text-box" type="text" autoComplete="off" maxLength={40} value={name}
        onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} />
      <PicturePicker legend="Pick a picture for them (you do not have to)" words={PERSON_PICTURES} value={picture} onChange={setPicture} />
      {isSupporter ? (
        <p>You will help them.</p>
      ) : (
        <>
          <label for="add-member-helper" class="field-label">
            Who helps them? (you do not have to choose)
          </label>
          <select id="add-member-helper" class="select-box" value={helperId} onChange={(e) => setHelperId((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">Nobody, or me</option>
            {supporters.map((s) => (
              <option key={s.id} value={s.id}>
                {s.displayName}
              </option>
            ))}
          </select>
        </>
      )}
      {problem && (
        <p class="note note-error" role="alert">
          {problem}
        </p>
      )}
      <ErrorNote error={command.error} />
      <div class="button-row">
        <button type="submit" class="button button-primary" disabled={command.busy}>
          {command.busy ? "Adding..." : "Add to the meeting"}
        </button>
        <button type="button" class="button" onClick={() => { command.clearError(); setOpen(false); }}>
          Cancel
        </button>
      </div>
    </form>
  );
}
