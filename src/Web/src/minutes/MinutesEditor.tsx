import { useState } from "preact/hooks";
import type { MeetingClient } from "../client/meetingClient";
import type { CheckReport, MinutesVersionView } from "../client/minutesProtocol";
import { ErrorNote } from "../components/ErrorNote";
import { useCommand } from "../meeting/useCommand";
import { Picture } from "../pictures/Picture";
import { CheckFindings } from "./CheckFindings";

interface MinutesEditorProps {
  client: MeetingClient;
  token: string;
  draft: MinutesVersionView;
  /** A new draft was saved from the changed words. */
  onSaved(draft: MinutesVersionView): void;
  onClose(): void;
}

/**
 * Changing the Easy Read words before publishing (with a member, ideally): the Markdown in a box, "Check my changes"
 * runs the Easy Read checker on the unsaved words (POST /minutes/check), "Save as a new draft" saves them as the next
 * version, based on this one (someone else saved meanwhile: the server's minutes_changed words are shown).
 */
export function MinutesEditor({ client, token, draft, onSaved, onClose }: MinutesEditorProps) {
  const [text, setText] = useState(draft.easyReadMarkdown);
  const [report, setReport] = useState<CheckReport | null>(null);
  const command = useCommand();
  const meetingId = client.meetingId;

  const check = () => void command.run(async () => setReport(await client.http.checkMinutes(meetingId, token, text)));
  const save = () =>
    void command.run(async () => onSaved(await client.http.editMinutesDraft(meetingId, token, draft.number, { easyReadMarkdown: text })));

  return (
    <div class="minutes-editor">
      <label for="minutes-text" class="field-label">
        The Easy Read words of draft {draft.number}
      </label>
      <p id="minutes-text-hint" class="hint">
        One sentence on each line. Keep the lines that start with # and the pictures.
      </p>
      <textarea
        id="minutes-text"
        class="text-box minutes-text"
        aria-describedby="minutes-text-hint"
        rows={14}
        value={text}
        onInput={(e) => {
          setText((e.currentTarget as HTMLTextAreaElement).value);
          setReport(null);
        }}
      />
      <div class="button-row">
        <button type="button" class="button" disabled={command.busy} onClick={check}>
          <Picture word="check" size="small" />
          <span>Check my changes</span>
        </button>
        <button type="button" class="button button-primary" disabled={command.busy || text === draft.easyReadMarkdown} onClick={save}>
          <Picture word="notes" size="small" />
          <span>Save as a new draft</span>
        </button>
        <button type="button" class="button" onClick={onClose}>
          <Picture word="cross" size="small" />
          <span>Stop changing</span>
        </button>
      </div>
      <ErrorNote error={command.error} />
      {report && (
        <div role="status">
          <CheckFindings report={report} heading="What the checker found in your changes" />
        </div>
      )}
    </div>
  );
}
