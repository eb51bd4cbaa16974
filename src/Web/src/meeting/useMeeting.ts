// One live connection per open meeting page, through the client module (src/client): the state comes only from
// its snapshot + events, commands only through its queue.
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { MeetingClient, type ClientStatus } from "../client/meetingClient";
import type { MeetingState } from "../client/meetingState";
import type { MeetingSession } from "../session/sessionStore";
import { describeEvent } from "./announce";

export interface LiveMeeting {
  client: MeetingClient;
  state: MeetingState | null;
  status: ClientStatus;
  /** The newest event in plain words (for a polite role="status" region). */
  announcement: string;
  /** Commands waiting to be sent (e.g. while offline). */
  waiting: number;
}

export function useMeeting(session: MeetingSession): LiveMeeting {
  const client = useMemo(
    // reconnectWhenClosed: the minutes come after the meeting closed; a phone that dropped must come back to hear
    // MinutesReady (and to ask for the minutes' status again when it does).
    () => new MeetingClient({ baseUrl: location.origin, meetingId: session.meetingId, token: session.token, reconnectWhenClosed: true }),
    [session.meetingId, session.token],
  );
  const [state, setState] = useState<MeetingState | null>(client.state);
  const [status, setStatus] = useState<ClientStatus>(client.status);
  const [announcement, setAnnouncement] = useState("");
  const [waiting, setWaiting] = useState(0);
  const waitingTimer = useRef<number | undefined>(undefined);

  useEffect(() => {
    const offState = client.onState((s) => {
      setState(s);
      setWaiting(client.pendingCommands.length);
    });
    const offStatus = client.onStatus((s) => {
      setStatus(s);
      setWaiting(client.pendingCommands.length);
    });
    const offEvent = client.onEvent((envelope, s) => {
      const sentence = describeEvent(envelope, s);
      if (sentence) setAnnouncement(sentence);
    });
    // The queue has no event of its own: look at it now and then while something waits.
    waitingTimer.current = window.setInterval(() => setWaiting(client.pendingCommands.length), 1000);
    client.start().catch(() => undefined); // failures arrive as status "refused" / "stopped"
    return () => {
      offState();
      offStatus();
      offEvent();
      window.clearInterval(waitingTimer.current);
      void client.stop();
    };
  }, [client]);

  return { client, state, status, announcement, waiting };
}
