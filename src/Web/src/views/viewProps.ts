import type { ComponentChildren } from "preact";
import type { MeetingState } from "../client/meetingState";
import type { ParticipantView } from "../client/protocol";
import type { LiveMeeting } from "../meeting/useMeeting";
import type { MeetingSession } from "../session/sessionStore";

/** What every role's view gets. */
export interface ViewProps {
  live: LiveMeeting;
  state: MeetingState;
  session: MeetingSession;
  me: ParticipantView;
  /** The connection banner, placed above the page. */
  banner: ComponentChildren;
}
