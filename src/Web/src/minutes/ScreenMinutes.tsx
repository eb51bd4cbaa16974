import { useEffect, useState } from "preact/hooks";
import type { LiveMeeting } from "../meeting/useMeeting";
import { Picture } from "../pictures/Picture";
import { PageCount } from "../views/screen/PagedList";
import { ScreenSummary } from "../views/screen/ScreenSummary";
import { usePages } from "../views/screen/usePages";
import { MinutesDocument } from "./MinutesDocument";
import { usePublishedMinutes } from "./usePublishedMinutes";

/**
 * The shared screen shows the Easy Read minutes by itself once they are published: a TV in a room has nothing to
 * press (docs/PRODUCT "Shared screen"), so there is no "Read the minutes" button here. A correction replaces them.
 * They are shown a section or two at a time (paged, "Page 2 of 5"); until then, what we decided and who does what.
 */
export function ScreenMinutes({ live, closed }: { live: LiveMeeting; closed: boolean }) {
  const { publication } = usePublishedMinutes(live.client, closed, live.status);
  const [html, setHtml] = useState<string | null>(null);
  const client = live.client;

  useEffect(() => {
    if (publication === null) return;
    let current = true;
    client.minutes
      .read()
      .then((page) => current && setHtml(page))
      .catch(() => undefined); // the next reconnect or MinutesReady asks again
    return () => {
      current = false;
    };
  }, [client, publication]);

  if (html === null) {
    return (
      <>
        <p class="screen-thanks">Thank you for coming. The minutes will follow in Easy Read.</p>
        {live.state && <ScreenSummary state={live.state} />}
      </>
    );
  }
  return (
    <>
      <p class="screen-thanks">Thank you for coming. Here are the minutes in Easy Read.</p>
      <PagedMinutes html={html} />
    </>
  );
}

function PagedMinutes({ html }: { html: string }) {
  const pages = usePages(".minutes-doc > *");
  return (
    <section class="screen-pane screen-minutes" aria-labelledby="screen-minutes-heading">
      <h2 id="screen-minutes-heading" class="with-picture">
        <Picture word="notes" size="medium" />
        <span>The minutes are ready</span>
      </h2>
      <div class="screen-fit" ref={pages.ref as never}>
        <MinutesDocument html={html} label="Easy Read minutes" />
      </div>
      <PageCount pages={pages} />
    </section>
  );
}
