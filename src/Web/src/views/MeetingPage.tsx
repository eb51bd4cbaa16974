import { useEffect, useMemo } from "preact/hooks";
import { lazyView } from "../app/lazyView";
import { linkClick } from "../app/navigation";
import { participantById } from "../client/meetingState";
import { ConnectionBanner } from "../components/ConnectionBanner";
import { SpokenText } from "../components/SpokenText";
import { useMeeting } from "../meeting/useMeeting";
import { Picture } from "../pictures/Picture";
import { meetingPath } from "../app/routes";
import { openingFor } from "../session/chooser";
import { sessions, type MeetingSession } from "../session/sessionStore";
import { MemberView } from "./member/MemberView";
import { Page } from "./Page";

// Each role but the member's is a separate chunk: a member's phone never loads them (its first load must stay <= 70 KB).
// A browser holding several people for one meeting is a facilitator's: the chooser is not a member's either.
const ChoosePersonPage = lazyView(() => import("./ChoosePersonPage").then((m) => m.ChoosePersonPage));
const FacilitatorConsole = lazyView(() => import("./facilitator/FacilitatorConsole").then((m) => m.FacilitatorConsole));
const ScreenRole = lazyView(() => import("./screen/ScreenRole").then((m) => m.ScreenRole));
const SupporterView = lazyView(() => import("./supporter/SupporterView").then((m) => m.SupporterView));
const ListenerView = lazyView(() => import("./listener/ListenerView").then((m) => m.ListenerView));

/**
 * /meeting/{id}[/p/{participantId}]: the view for this device's person in the meeting (kept in localStorage when it
 * joined). A browser may hold several people for one meeting: the address says which one this tab is, and without
 * it the page asks (ChoosePersonPage).
 */
export function MeetingPage({ meetingId, participantId }: { meetingId: string; participantId: string | null }) {
  const opening = useMemo(() => openingFor(sessions.people(meetingId), participantId), [meetingId, participantId]);
  const session = opening.kind === "person" ? opening.session : null;
  useEffect(() => {
    // The address now says who this tab is, so a reload stays this person whoever joins in another tab.
    if (session && !participantId) history.replaceState(null, "", meetingPath(meetingId, session.participantId));
  }, [session, meetingId, participantId]);
  if (opening.kind === "choose") return <ChoosePersonPage choices={opening.choices} />;
  if (!session) {
    return (
      <Page title="You are not in this meeting yet">
        <SpokenText text="This phone or computer has not joined this meeting. Please join with the code." before={<Picture word="question" size="large" />} />
        <p>
          <a class="button button-primary" href="/join" onClick={linkClick}>
            Join a meeting
          </a>
        </p>
      </Page>
    );
  }
  return <LiveMeetingPage session={session} />;
}

function LiveMeetingPage({ session }: { session: MeetingSession }) {
  const live = useMeeting(session);
  const banner = <ConnectionBanner status={live.status} waiting={live.waiting} />;
  const state = live.state;
  if (!state) {
    return (
      <Page title="Joining the meeting" top={banner}>
        <SpokenText text="Please wait a moment." before={<Picture word="clock" size="large" />} />
        {live.status === "refused" && (
          <a class="button button-primary" href="/join" onClick={linkClick}>
            Join again
          </a>
        )}
      </Page>
    );
  }
  const me = participantById(state, session.participantId);
  const props = { live, state, session, banner };
  if (!me) return <Page title={state.title} top={banner}><p>Finding you in the meeting...</p></Page>;
  switch (session.role) {
    case "facilitator":
      return <FacilitatorConsole {...props} me={me} />;
    case "supporter":
      return <SupporterView {...props} me={me} />;
    case "listener":
      return <ListenerView {...props} me={me} />;
    case "screen":
      return <ScreenRole live={live} state={state} session={session} banner={banner} />;
    case "member":
      return <MemberView {...props} me={me} />;
  }
}
