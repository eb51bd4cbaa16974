import { useState } from "preact/hooks";
import type { MeetingClient } from "../client/meetingClient";
import type { CheckReport, MinutesVersionView } from "../client/minutesProtocol";
import { ErrorNote } from "../components/ErrorNote";
import { useCommand } from "../meeting/useCommand";
import { Picture } from "../pictures/Picture";
import { CheckFindings } from "./CheckFindings";
import { editsFrom, findingsIn, hasChanges, rowsFor, startingTexts } from "./minutesEdit";

interface MinutesEditorProps {
  client: MeetingClient;
  draft: MinutesVersionView;
  /** A new draft was saved from the changed words. */
  onSaved(draft: MinutesVersionView): void;
  onClose(): void;
}

/**
 * Changing the Easy Read words before publishing (with a member, ideally), in plain words: one box per section, one
 * sentence on each line; the server turns them into the stored Markdown (no backslashes, marks or links are ever
 * shown). "Check my changes" runs the Easy Read checker on the unsaved words and shows what it found under each
 * section; "Save as a new draft" saves them as the next version (someone else saved meanwhile: the server's
 * minutes_changed words are shown; typed italics or links: minutes_formatting_not_allowed).
 */
export function MinutesEditor({ client, draft, onSaved, onClose }: MinutesEditorProps) {
  const sections = draft.easyReadSections;
  const [texts, setTexts] = useState(() => startingTexts(sections));
  const [report, setReport] = useState<CheckReport | null>(null);
  const command = useCommand();
  const edits = () => editsFrom(sections, texts);

  const check = () =>
    void command.run(async () => setReport(await client.minutes.check({ basedOn: draft.number, sections: edits() })));
  const save = () =>
    void command.run(async () => onSaved(await client.minutes.editDraft(draft.number, { sections: edits() })));

  return (
    <div class="minutes-editor">
      <h4>The Easy Read words of draft {draft.number}</h4>
      <p id="minutes-text-hint" class="hint">
        Write one sentence on each line. A line that starts with - is a list. Words in quotation marks are what someone
        said: keep them as they said them.
      </p>
      {sections.map((section, i) => {
        const id = `minutes-section-${i}`;
        const found = findingsIn(report, section.heading);
        return (
          <div class="minutes-edit-section" key={id}>
            <label for={id} class="field-label with-picture">
              <Picture word={section.picture} size="small" />
              <span>{section.heading || "Before the first heading"}</span>
            </label>
            <textarea
              id={id}
              class="text-box minutes-text"
              aria-describedby={found.length > 0 ? `minutes-text-hint ${id}-found` : "minutes-text-hint"}
              rows={rowsFor(texts[i] ?? "")}
              value={texts[i] ?? ""}
              onInput={(e) => {
                const value = (e.currentTarget as HTMLTextAreaElement).value;
                setTexts((now) => now.map((t, j) => (j === i ? value : t)));
                setReport(null);
              }}
            />
            {found.length > 0 && (
              <ul id={`${id}-found`} class="section-findings">
                {found.map((f, k) => (
                  <li key={k}>
                    {f.message}
                    {f.found && <> Found: "{f.found}".</>}
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
      <div class="button-row">
        <button type="button" class="button" disabled={command.busy} onClick={check}>
          <Picture word="check" size="small" />
          <span>Check my changes</span>
        </button>
        <button type="button" class="button button-primary" disabled={command.busy || !hasChanges(sections, texts)} onClick={save}>
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
