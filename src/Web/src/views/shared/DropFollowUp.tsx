import { useEffect, useRef, useState } from "preact/hooks";
import type { MeetingClient } from "../../client/meetingClient";
import type { ReviewView } from "../../client/protocol";
import { ErrorNote } from "../../components/ErrorNote";
import { Picture } from "../../pictures/Picture";
import { useCommand } from "../../meeting/useCommand";
import type { FriendlyError } from "../../words/friendlyError";

/** The same words as the server's reason_required, so an empty reason reads alike whichever side refuses it. */
const NO_REASON: FriendlyError = { text: "Please say why it is dropped.", picture: "question", tryAgain: false };

/**
 * The facilitator drops a follow-up from the forum's list: a "Drop it" button opens a short form that asks why (the
 * reason is required and shown in "You said, we did" and the minutes). Nothing is dropped until they press the second
 * "Drop it"; "Keep it" closes the form.
 */
export function DropFollowUp({ review, client }: { review: ReviewView; client: MeetingClient }) {
  const command = useCommand();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const id = `drop-${review.followUpId}`;
  useEffect(() => {
    if (open) box.current?.focus();
  }, [open]);

  if (!open)
    return (
      <button type="button" class="button" onClick={() => setOpen(true)}>
        <Picture word="no" size="small" />
        Drop it<span class="visually-hidden"> ({review.text})</span>
      </button>
    );

  async function submit(e: Event) {
    e.preventDefault();
    if (reason.trim() === "") {
      setMissing(true);
      box.current?.focus();
      return;
    }
    setMissing(false);
    const done = await command.run(() => client.send("SetFollowUpStatus", { followUpId: review.followUpId, status: "dropped", reason: reason.trim() }));
    if (done) setOpen(false);
  }

  return (
    <form class="drop-form" onSubmit={(e) => void submit(e)} noValidate>
      <label for={id} class="field-label">
        Why do we drop it?<span class="visually-hidden"> ({review.text})</span>
      </label>
      <p id={`${id}-hint`} class="hint">
        Everyone will see why. It goes in the minutes.
      </p>
      <textarea id={id} ref={box} class="text-box" rows={2} maxLength={200} required aria-invalid={missing}
        aria-describedby={`${id}-hint`} value={reason} onInput={(e) => setReason((e.currentTarget as HTMLTextAreaElement).value)} />
      <div class="button-row">
        <button type="submit" class="button button-primary" disabled={command.busy}>
          <Picture word="no" size="small" />
          Drop it
        </button>
        <button type="button" class="button" onClick={() => { setOpen(false); setMissing(false); command.clearError(); }}>
          Keep it
        </button>
      </div>
      <ErrorNote error={missing ? NO_REASON : command.error} />
    </form>
  );
}
