import type { MyMeeting } from "../../client/protocol";
import { formatEasyReadDate } from "../../lib/easyReadDate";
import { Picture } from "../../pictures/Picture";
import { PHASE_WORDS } from "../../words/plainWords";

interface MyMeetingRowProps {
  meeting: MyMeeting;
  busy: boolean;
  onConsole(meeting: MyMeeting): void;
  onScreen(meeting: MyMeeting): void;
}

/** One meeting: its name, step and date, and the two ways back in. The buttons name the meeting for screen readers. */
export function MyMeetingRow({ meeting, busy, onConsole, onScreen }: MyMeetingRowProps) {
  const phase = PHASE_WORDS[meeting.phase];
  const headingId = `my-meeting-${meeting.meetingId}`;
  return (
    <li class="panel my-meeting">
      <h2 id={headingId} class="break-anywhere">
        {meeting.title}
      </h2>
      <p class="my-meeting-step">
        <Picture word={phase.picture} size="small" />
        <span>
          Step {phase.step}: {phase.label}
        </span>
      </p>
      <p>
        Started {formatEasyReadDate(new Date(meeting.createdAt))}
        {meeting.forumName ? ` (${meeting.forumName})` : ""}.
      </p>
      {meeting.canOpen ? (
        <div class="button-row">
          <button type="button" class="button button-primary" disabled={busy} onClick={() => onConsole(meeting)}>
            Open the console<span class="visually-hidden"> of {meeting.title}</span>
          </button>
          <button type="button" class="button" disabled={busy} onClick={() => onScreen(meeting)}>
            Open the shared screen<span class="visually-hidden"> of {meeting.title}</span>
          </button>
        </div>
      ) : (
        <p class="hint">The details of this meeting were deleted after the time we keep them. It cannot be opened.</p>
      )}
    </li>
  );
}
