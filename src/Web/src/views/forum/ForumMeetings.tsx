import { useState } from "preact/hooks";
import { invitationLink } from "../../app/routes";
import type { ForumHttp } from "../../client/forumHttp";
import type { ForumMeetingView, PlannedMeetingView } from "../../client/forumProtocol";
import { ErrorNote } from "../../components/ErrorNote";
import { useCommand } from "../../meeting/useCommand";
import { Picture } from "../../pictures/Picture";
import { PlanMeetingForm } from "./PlanMeetingForm";

export const whenText = (iso: string) =>
  new Date(iso).toLocaleString("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "numeric", minute: "2-digit" });

interface PlannedProps {
  planned: PlannedMeetingView[];
  busy: boolean;
  http: ForumHttp;
  forumId: string;
  onStart(p: PlannedMeetingView): void;
  /** After a change or a cancel: read the forum again. */
  onChanged(): void;
}

/** The forum's planned meetings: when, where, what about, the invitation, Start when the day comes, change or cancel. */
export function PlannedMeetings({ planned, ...rest }: PlannedProps) {
  if (planned.length === 0) return <p class="hint">No meeting is planned yet.</p>;
  return (
    <ul class="forum-meetings" aria-label="Planned meetings">
      {planned.map((p) => (
        <PlannedMeeting key={p.id} planned={p} {...rest} />
      ))}
    </ul>
  );
}

function PlannedMeeting({ planned: p, busy, http, forumId, onStart, onChanged }: Omit<PlannedProps, "planned"> & { planned: PlannedMeetingView }) {
  const [mode, setMode] = useState<"show" | "change" | "cancel">("show");
  const cancel = useCommand();
  const back = () => {
    setMode("show");
    requestAnimationFrame(() => document.getElementById(`change-meeting-${p.id}`)?.focus());
  };
  if (mode === "change")
    return (
      <li class="panel">
        <PlanMeetingForm http={http} forumId={forumId} planned={p} onCancel={back} onPlanned={() => { back(); onChanged(); }} />
      </li>
    );
  return (
    <li class="panel">
      <div class="with-picture">
        <Picture word="calendar" size="medium" />
        <div>
          <p class="forum-person-name break-anywhere">{p.about}</p>
          <p>When: {whenText(p.startsAt)}</p>
          <p class="break-anywhere">Where: {p.place}</p>
          <p class="hint">{p.invitationPublic ? "Anyone with the link can open the invitation." : "Only the forum's people can open the invitation."}</p>
        </div>
      </div>
      {mode === "cancel" ? (
        <div role="group" aria-labelledby={`cancel-meeting-${p.id}`}>
          <p id={`cancel-meeting-${p.id}`} class="note">
            <Picture word="no" size="small" /> Cancel this meeting? The invitation will stop working. Please tell the people who were invited.
          </p>
          <div class="button-row">
            <button type="button" class="button button-primary" disabled={cancel.busy}
              onClick={() => void cancel.run(() => http.cancelPlannedMeeting(forumId, p.id)).then((ok) => ok && onChanged())}>
              Yes, cancel the meeting
            </button>
            <button type="button" class="button" id={`keep-meeting-${p.id}`} onClick={back}>
              No, keep it
            </button>
          </div>
          <ErrorNote error={cancel.error} />
        </div>
      ) : (
        <div class="button-row">
          <a class="button" href={invitationLink(location.origin, p.invitationKey)}>
            Open the invitation<span class="visually-hidden">: {p.about}</span>
          </a>
          <button type="button" class="button button-primary" disabled={busy} onClick={() => onStart(p)}>
            Start the meeting<span class="visually-hidden">: {p.about}</span>
          </button>
          <button type="button" class="button" id={`change-meeting-${p.id}`} disabled={busy} onClick={() => setMode("change")}>
            Change the meeting<span class="visually-hidden">: {p.about}</span>
          </button>
          <button type="button" class="button" disabled={busy} onClick={() => {
              setMode("cancel");
              requestAnimationFrame(() => document.getElementById(`keep-meeting-${p.id}`)?.focus());
            }}>
            Cancel the meeting<span class="visually-hidden">: {p.about}</span>
          </button>
        </div>
      )}
    </li>
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
