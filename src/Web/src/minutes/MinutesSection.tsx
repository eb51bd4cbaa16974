import { useEffect, useRef, useState } from "preact/hooks";
import { lazyView } from "../app/lazyView";
import type { MeetingClient } from "../client/meetingClient";
import { ErrorNote } from "../components/ErrorNote";
import { SpokenText } from "../components/SpokenText";
import { useCommand } from "../meeting/useCommand";
import { Picture } from "../pictures/Picture";
import type { LiveMeeting } from "../meeting/useMeeting";
import { usePublishedMinutes } from "./usePublishedMinutes";

// Fetched when someone opens the minutes: a phone's first load stays within its 70 KB.
const MinutesDocument = lazyView(
  () => import("./MinutesDocument").then((m) => m.MinutesDocument),
  (failed) => <p role="status">{failed ? "The minutes did not open. Please check the Wi-Fi and try again." : "Opening the minutes..."}</p>,
);

interface MinutesSectionProps {
  live: LiveMeeting;
  closed: boolean;
}

/**
 * "The minutes are ready": a big "Read the minutes" button (picture and words) once they are published, which
 * shows the Easy Read minutes here in the app (fetched with this device's token; a plain link could not open them).
 */
export function MinutesSection({ live, closed }: MinutesSectionProps) {
  const minutes = usePublishedMinutes(live.client, closed, live.status);
  if (minutes.publication === null) return null;
  return <MinutesReader client={live.client} publication={minutes.publication} corrected={minutes.corrected} />;
}

function MinutesReader({ client, publication, corrected }: { client: MeetingClient; publication: number; corrected: boolean }) {
  const [html, setHtml] = useState<string | null>(null);
  const load = useCommand();
  const heading = useRef<HTMLHeadingElement>(null);
  // The button that was pressed goes away: the focus goes to the heading, so keyboard users are not lost.
  const focusHeading = () => requestAnimationFrame(() => heading.current?.focus());

  // A correction came out: the page shown is out of date.
  useEffect(() => setHtml(null), [publication]);

  const read = () =>
    void load.run(async () => {
      setHtml(await client.minutes.read());
      focusHeading();
    });
  const close = () => {
    setHtml(null);
    focusHeading();
  };

  return (
    <section class="panel minutes-panel" aria-labelledby="minutes-heading">
      <h2 id="minutes-heading" class="with-picture" tabIndex={-1} ref={heading}>
        <Picture word="notes" size="medium" />
        <span>{corrected ? "The minutes were corrected" : "The minutes are ready"}</span>
      </h2>
      <SpokenText text={corrected ? "There are new Easy Read minutes of this meeting." : "The Easy Read minutes of this meeting are ready."} />
      {html !== null ? (
        <>
          <button type="button" class="button" onClick={close}>
            <Picture word="cross" size="small" />
            <span>Close the minutes</span>
          </button>
          <MinutesDocument html={html} label="Easy Read minutes" />
          <button type="button" class="button" onClick={close}>
            <Picture word="cross" size="small" />
            <span>Close the minutes</span>
          </button>
        </>
      ) : (
        <button type="button" class="button button-primary button-big minutes-read" disabled={load.busy} onClick={read}>
          <Picture word="notes" size="large" />
          <span>{load.busy ? "Opening the minutes..." : "Read the minutes"}</span>
        </button>
      )}
      <ErrorNote error={load.error} />
    </section>
  );
}
