import { useEffect, useState } from "preact/hooks";
import type { MeetingClient } from "../client/meetingClient";
import type { MeetingState } from "../client/meetingState";
import type { MinutesVersionView, PublicationView } from "../client/minutesProtocol";
import { ErrorNote } from "../components/ErrorNote";
import { SpokenText } from "../components/SpokenText";
import { forumMembers } from "../meeting/selectors";
import { useCommand } from "../meeting/useCommand";
import { Picture } from "../pictures/Picture";
import { CheckFindings } from "./CheckFindings";
import { MinutesDocument } from "./MinutesDocument";
import { MinutesEditor } from "./MinutesEditor";
import { PublishStep } from "./PublishStep";

interface MinutesPanelProps {
  state: MeetingState;
  client: MeetingClient;
}

/**
 * The facilitator's minutes, once the meeting is closed: make a draft from the meeting, read what the Easy Read
 * checker found, see the Easy Read version as people will, and publish it (ideally checked with a member). Minutes
 * are not meeting state: what is shown here is fetched through the client module and kept in this panel.
 */
export function MinutesPanel({ state, client }: MinutesPanelProps) {
  const [draft, setDraft] = useState<MinutesVersionView | null>(null);
  const [published, setPublished] = useState<PublicationView | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const command = useCommand();

  // Coming back to the console (a reload) finds what was done before: the latest draft, and any publication.
  useEffect(() => {
    void command.run(async () => {
      const status = await client.minutes.status();
      setPublished(status.current);
      const versions = await client.minutes.drafts();
      const latest = versions[versions.length - 1];
      if (latest) setDraft(await client.minutes.draft(latest.number));
    });
  }, [client]);

  const makeDraft = () =>
    void command.run(async () => {
      setPreview(null);
      setEditing(false);
      setDraft(await client.minutes.generateDraft());
    });
  const showPreview = (version: number) =>
    void command.run(async () => setPreview(await client.minutes.previewDraft(version)));

  return (
    <section class="panel minutes-admin" aria-labelledby="minutes-admin-heading">
      <h2 id="minutes-admin-heading" class="with-picture">
        <Picture word="notes" size="medium" />
        <span>Minutes</span>
      </h2>
      <div role="status">
        {published ? (
          <SpokenText
            text={`The minutes are published. Everyone in the meeting can read them now. They are draft ${published.version}.`}
            before={<Picture word="check" size="medium" />}
          />
        ) : (
          <SpokenText text="Make the Easy Read minutes. Check them, with a member if you can. Then publish them for everyone." />
        )}
      </div>
      {!published && (
        <button type="button" class="button button-primary button-big" disabled={command.busy} onClick={makeDraft}>
          <Picture word="notes" size="medium" />
          <span>{draft ? "Make the minutes again" : "Make the minutes"}</span>
        </button>
      )}
      <ErrorNote error={command.error} />
      {draft && (
        <div class="minutes-draft">
          <h3>
            Draft {draft.number}, {draft.source === "edited" ? "changed" : "made"} by {draft.authorName}
          </h3>
          <CheckFindings report={draft.check} />
          <div class="button-row">
            {preview === null ? (
              <button type="button" class="button" disabled={command.busy} onClick={() => showPreview(draft.number)}>
                <Picture word="screen" size="small" />
                <span>See the Easy Read minutes</span>
              </button>
            ) : (
              <button type="button" class="button" onClick={() => setPreview(null)}>
                <Picture word="cross" size="small" />
                <span>Hide the Easy Read minutes</span>
              </button>
            )}
            {!published && !editing && (
              <button type="button" class="button" onClick={() => setEditing(true)}>
                <Picture word="notes" size="small" />
                <span>Change the words</span>
              </button>
            )}
          </div>
          {editing && (
            <MinutesEditor
              client={client}
              draft={draft}
              onClose={() => setEditing(false)}
              onSaved={(saved) => {
                setEditing(false);
                setPreview(null);
                setDraft(saved);
              }}
            />
          )}
          {preview !== null && <MinutesDocument html={preview} label={`Draft ${draft.number} of the Easy Read minutes`} />}
          {!published && draft.publishedAs === null && (
            <PublishStep
              version={draft.number}
              members={forumMembers(state)}
              busy={command.busy}
              onPublish={(reviewedWithId) =>
                void command.run(async () => {
                  try {
                    setPublished(await client.minutes.publish(draft.number, reviewedWithId));
                  } catch (refused) {
                    // E.g. published meanwhile from another laptop: show what is true now, with the server's words.
                    const status = await client.minutes.status().catch(() => null);
                    if (status?.current) setPublished(status.current);
                    throw refused;
                  }
                })
              }
            />
          )}
        </div>
      )}
    </section>
  );
}
