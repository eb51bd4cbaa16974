import { useState } from "preact/hooks";
import type { ForumHttp } from "../../client/forumHttp";
import type { PlannedMeetingView } from "../../client/forumProtocol";
import { FormEnd } from "../../components/FormEnd";
import { TextField } from "../../components/TextField";
import { useCommand } from "../../meeting/useCommand";

interface Props {
  http: ForumHttp;
  forumId: string;
  onPlanned(): void;
  /** Changing a planned meeting: the form starts with its details, saves them, and offers to leave it as it is. */
  planned?: PlannedMeetingView;
  onCancel?(): void;
}

const pad = (n: number) => String(n).padStart(2, "0");
/** The day and time in the browser's own time zone, as the date and time inputs want them. */
function localParts(iso: string): [string, string] {
  const d = new Date(iso);
  return [`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, `${pad(d.getHours())}:${pad(d.getMinutes())}`];
}

/**
 * Plans the forum's next meeting (or changes a planned one): day, time, place or video link, what it is about, and
 * who may open the invitation.
 */
export function PlanMeetingForm({ http, forumId, onPlanned, planned, onCancel }: Props) {
  const [initialDay, initialTime] = planned ? localParts(planned.startsAt) : ["", "10:00"];
  const [day, setDay] = useState(initialDay);
  const [time, setTime] = useState(initialTime);
  const [place, setPlace] = useState(planned?.place ?? "");
  const [about, setAbout] = useState(planned?.about ?? "");
  const [isPublic, setPublic] = useState(planned?.invitationPublic ?? false);
  const prefix = planned ? `change-${planned.id}` : "plan";
  const [problem, setProblem] = useState<string | null>(null);
  const plan = useCommand();

  async function submit(e: Event) {
    e.preventDefault();
    if (!day || !time) return setProblem("Please choose the day and the time.");
    if (!place.trim()) return setProblem("Please write the place, or the video link.");
    if (!about.trim()) return setProblem("Please write what the meeting is about.");
    setProblem(null);
    const startsAt = new Date(`${day}T${time}`).toISOString();
    const request = { startsAt, place, about, invitationPublic: isPublic };
    const ok = await plan.run(() => (planned ? http.changePlannedMeeting(forumId, planned.id, request) : http.planMeeting(forumId, request)));
    if (ok && planned) onPlanned();
    else if (ok) {
      setDay("");
      setPlace("");
      setAbout("");
      setPublic(false);
      onPlanned();
    }
  }

  return (
    <form class="panel say-form" onSubmit={submit} aria-label={planned ? `Change the meeting: ${planned.about}` : "Plan the next meeting"}>
      <label for={`${prefix}-day`} class="field-label">The day</label>
      <input id={`${prefix}-day`} class="text-box" type="date" value={day} onInput={(e) => setDay((e.currentTarget as HTMLInputElement).value)} />
      <label for={`${prefix}-time`} class="field-label">The time</label>
      <input id={`${prefix}-time`} class="text-box" type="time" value={time} onInput={(e) => setTime((e.currentTarget as HTMLInputElement).value)} />
      <TextField id={`${prefix}-place`} label="The place, or the video link" value={place} onChange={setPlace} maxLength={300} />
      <TextField id={`${prefix}-about`} label="What the meeting is about" value={about} onChange={setAbout} maxLength={300} />
      <label class="check-row">
        <input type="checkbox" checked={isPublic} onChange={(e) => setPublic((e.currentTarget as HTMLInputElement).checked)} /> Anyone with the link may
        open the invitation (it never shows who comes)
      </label>
      <FormEnd problem={problem} error={plan.error} busy={plan.busy}>
        {planned ? "Save the changes" : "Plan the meeting"}
      </FormEnd>
      {onCancel && (
        <button type="button" class="button" onClick={onCancel}>
          Do not change anything
        </button>
      )}
    </form>
  );
}
