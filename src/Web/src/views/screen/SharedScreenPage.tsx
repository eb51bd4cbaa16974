import { useMemo } from "preact/hooks";
import { readScreenFragment } from "../../app/routes";
import { ConnectionBanner } from "../../components/ConnectionBanner";
import { SpokenText } from "../../components/SpokenText";
import { useMeeting } from "../../meeting/useMeeting";
import { ScreenMinutes } from "../../minutes/ScreenMinutes";
import { Picture } from "../../pictures/Picture";
import { sessions, type MeetingSession } from "../../session/sessionStore";
import { Page } from "../Page";
import { SharedScreenView } from "./SharedScreenView";

/**
 * /screen/{id}#token=...&code=...: the TV at the back of the room. Keeps its access on this device and takes it out
 * of the address bar, so the address shown on the TV never shows the token.
 */
export function SharedScreenPage({ meetingId }: { meetingId: string }) {
  const session = useMemo(() => {
    const fromLink = readScreenFragment(location.hash);
    if (fromLink) {
      const screen: MeetingSession = { meetingId, participantId: "", role: "screen", token: fromLink.token, joinCode: fromLink.code };
      // Its own slot: a facilitator opening the screen on their own laptop keeps their own session too.
      sessions.save(screen, "screen");
      history.replaceState(null, "", location.pathname);
      return screen;
    }
    return sessions.get(meetingId, "screen");
  }, [meetingId]);

  if (!session) {
    return (
      <Page title="Shared screen">
        <SpokenText text="Please open the shared screen from the facilitator's page." before={<Picture word="screen" size="large" />} />
      </Page>
    );
  }
  return <LiveScreen session={session} />;
}

function LiveScreen({ session }: { session: MeetingSession }) {
  const live = useMeeting(session);
  const banner = <ConnectionBanner status={live.status} waiting={0} />;
  if (!live.state) {
    return (
      <Page title="Shared screen" top={banner}>
        <SpokenText text="Connecting to the meeting..." before={<Picture word="clock" size="large" />} />
      </Page>
    );
  }
  const minutes = <ScreenMinutes live={live} closed={live.state.phase === "closed"} />;
  return (
    <SharedScreenView state={live.state} joinCode={session.joinCode ?? ""} announcement={live.announcement} banner={banner} minutes={minutes} />
  );
}
