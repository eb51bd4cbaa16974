import { useState } from "preact/hooks";
import type { ForumHttp } from "../../client/forumHttp";
import { FormEnd } from "../../components/FormEnd";
import { TextField } from "../../components/TextField";
import { useCommand } from "../../meeting/useCommand";

/** Plans the forum's next meeting: day, time, place or video link, what it is about, and who may open the invitation. */
export function PlanMeetingForm({ http, forumId, onPlanned }: { http: ForumHttp; forumId: string; onPlanned(): void }) {
  const [day, setDay] = useState("");
  const [time, setTime] = useState("10:00");
  const [place, setPlace] = useState("");
  const [about, setAbout] = useState("");
  const [isPublic, setPublic] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const plan = useCommand();

  async function submit(e: Event) {
    e.preventDefault();
    if (!day || !time) return setProblem("Please choose the day and the time.");
    if (!place.trim()) return setProblem("Please write the place, or the video link.");
    if (!about.trim()) return setProblem("Please write what the meeting is about.");
    setProblem(null);
    const startsAt = new Date(`${day}T${time}`).toISOString();
    const ok = await plan.run(() => http.planMeeting(forumId, { startsAt, place, about, invitationPublic: isPublic }));
    if (ok) {
      setDay("");
      setPlace("");
      setAbout("");
      setPublic(false);
      onPlanned();
    }
  }

  return (
    <form class="panel say-form" onSubmit={submit} aria-label="Plan the next meeting">
      <label for="plan-day" class="field-label">The day</label>
      <input id="plan-day" class="text-box" type="date" value={day} onInput={(e) => setDay((e.currentTarget as HTMLInputElement).value)} />
      <label for="plan-time" class="field-label">The time</label>
      <input id="plan-time" class="text-box" type="time" value={time} onInput={(e) => setTime((e.currentTarget as HTMLInputElement).value)} />
      <TextField id="plan-place" label="The place, or the video link" value={place} onChange={setPlace} maxLength={300} />
      <TextField id="plan-about" label="What the meeting is about" value={about} onChange={setAbout} maxLength={300} />
      <label class="check-row">
        <input type="checkbox" checked={isPublic} onChange={(e) => setPublic((e.currentTarget as HTMLInputElement).checked)} /> Anyone with the link may
        open the invitation (it never shows who comes)
      </label>
      <FormEnd problem={problem} error={plan.error} busy={plan.busy}>
        Plan the meeting
      </FormEnd>
    </form>
  );
}
