import { invitationLink } from "../../app/routes";
import type { ForumMeetingView, PlannedMeetingView } from "../../client/forumProtocol";
import { Picture } from "../../pictures/Picture";

export const whenText = (iso: string) =>
  new Date(iso).toLocaleString("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "numeric", minute: "2-digit" });

/** The forum's planned meetings: when, where, what about, the invitation, and Start when the day comes. */
export function PlannedMeetings({ planned, busy, onStart }: { planned: PlannedMeetingView[]; busy: boolean; onStart(p: PlannedMeetingView): void }) {
  if (planned.length === 0) return <p class="hint">No meeting is planned yet.</p>;
  return (
    <ul class="forum-meetings" aria-label="Planned meetings">
      {planned.map((p) => (
        <li key={p.id} class="panel">
          <div class="with-picture">
            <Picture word="calendar" size="medium" />
            <div>
              <p class="forum-person-name break-anywhere">{p.about}</p>
              <p>When: {whenText(p.startsAt)}</p>
              <p class="break-anywhere">Where: {p.place}</p>
              <p class="hint">{p.invitationPublic ? "Anyone with the link can open the invitation." : "Only the forum's people can open the invitation."}</p>
            </div>
          </div>
          <div class="button-row">
            <a class="button" href={invitationLink(location.origin, p.invitationKey)}>
              Open the invitation<span class="visually-hidden">: {p.about}</span>
            </a>
            <button type="button" class="button button-primary" disabled={busy} onClick={() => onStart(p)}>
              Start the meeting<span class="visually-hidden">: {p.about}</span>
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}

/** Live or past meetings of the forum, newest first. */
export function MeetingList({ label, meetings }: { label: string; meetings: ForumMeetingView[] }) {
  if (meetings.length === 0) return <p class="hint">None.</p>;
  return (
    <ul class="forum-meetings" aria-label={label}>
      {meetings.map((m) => (
        <li key={m.meetingId} class="with-picture">
          <Picture word="meeting" size="small" />
          <span class="break-anywhere">
            {m.title} ({new Date(m.createdAt).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" })})
          </span>
        </li>
      ))}
    </ul>
  );
}
