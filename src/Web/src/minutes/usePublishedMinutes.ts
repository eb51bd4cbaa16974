// Whether this meeting's minutes are published: local view state, not meeting state (minutes have no events).
// Learnt from the hub's MinutesReady, and from GET /minutes/ whenever the meeting is closed and the connection is
// (again) up: MinutesReady is not replayed to a device that was offline when it was sent (docs/protocol.md 16.5).
import { useEffect, useState } from "preact/hooks";
import type { ClientStatus, MeetingClient } from "../client/meetingClient";

export interface PublishedMinutes {
  /** The current publication's number, or null while nothing is published. */
  publication: number | null;
  /** The newest publication is a correction of an earlier one. */
  corrected: boolean;
}

export function usePublishedMinutes(client: MeetingClient, closed: boolean, status: ClientStatus): PublishedMinutes {
  const [published, setPublished] = useState<PublishedMinutes>({ publication: null, corrected: false });

  useEffect(
    () => client.onMinutesReady((m) => setPublished({ publication: m.publication, corrected: m.isCorrection })),
    [client],
  );

  useEffect(() => {
    if (!closed || status !== "connected") return;
    let live = true;
    client.minutes
      .status()
      .then((s) => {
        if (live && s.current) setPublished({ publication: s.current.number, corrected: s.current.corrects !== null });
      })
      .catch(() => undefined); // asked again after the next reconnect; MinutesReady still arrives meanwhile
    return () => {
      live = false;
    };
  }, [client, closed, status]);

  return published;
}
