// The address to hand out (join links, QR codes, the shared screen's link). The facilitator's laptop may show
// ForumHub at http://127.0.0.1:5080, which no phone can reach; the server then knows a better one (PublicUrl,
// e.g. http://192.168.1.20:5080 from `scripts/run.sh --lan`) and says so at GET /api/site.
import { useEffect, useState } from "preact/hooks";
import { MeetingHttp } from "../client/meetingClient";

let asked: Promise<string> | null = null;
let known: string | null = null;

/** The public origin (no trailing slash): PublicUrl when the server has one, otherwise this page's origin. */
export function publicOrigin(): Promise<string> {
  asked ??= new MeetingHttp({ baseUrl: location.origin })
    .getSite()
    .then((site) => (known = site.publicUrl?.replace(/\/+$/, "") || location.origin))
    .catch(() => {
      asked = null; // ask again next time; meanwhile this page's own address is the best there is
      return location.origin;
    });
  return asked;
}

/**
 * The public origin once known (null until then, so no link or QR code shows an address that is then replaced).
 * main.tsx asks at start, so by the time a console or screen shows it is usually known already.
 */
export function usePublicOrigin(): string | null {
  const [origin, setOrigin] = useState<string | null>(known);
  useEffect(() => {
    if (known !== null) return;
    let live = true;
    void publicOrigin().then((o) => live && setOrigin(o));
    return () => {
      live = false;
    };
  }, []);
  return origin;
}
