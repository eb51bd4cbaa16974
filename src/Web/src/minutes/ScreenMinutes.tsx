import { useEffect, useState } from "preact/hooks";
import type { LiveMeeting } from "../meeting/useMeeting";
import { Picture } from "../pictures/Picture";
import { MinutesDocument } from "./MinutesDocument";
import { usePublishedMinutes } from "./usePublishedMinutes";

/**
 * The shared screen shows the Easy Read minutes by itself once they are published: a TV in a room has nothing to
 * press (docs/PRODUCT "Shared screen"), so there is no "Read the minutes" button here. A correction replaces them.
 */
export function ScreenMinutes({ live, token, closed }: { live: LiveMeeting; token: string; closed: boolean }) {
  const { publication } = usePublishedMinutes(live.client, token, closed, live.status);
  const [html, setHtml] = useState<string | null>(null);
  const client = live.client;

  useEffect(() => {
    if (publication === null) return;
    let current = true;
    client.http
      .getPublishedMinutes(client.meetingId, token, "easyRead")
      .then((page) => current && setHtml(page))
      .catch(() => undefined); // the next reconnect or MinutesReady asks again
    return () => {
      current = false;
    };
  }, [client, token, publication]);

  if (html === null) return <p class="screen-big-words">Thank you for coming. The minutes will follow in Easy Read.</p>;
  return (
    <section class="screen-minutes" aria-labelledby="screen-minutes-heading">
      <p class="screen-big-words">Thank you for coming. Here are the minutes in Easy Read.</p>
      <h2 id="screen-minutes-heading" class="with-picture">
        <Picture word="notes" size="large" />
        <span>The minutes are ready</span>
      </h2>
      <MinutesDocument html={html} label="Easy Read minutes" />
    </section>
  );
}
