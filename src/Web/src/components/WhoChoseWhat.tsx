import type { MeetingState } from "../client/meetingState";
import type { PollView } from "../client/protocol";
import { whoChoseWhat } from "../meeting/withoutDevice";

/**
 * An open vote shows who chose what (ADR 0007): every device receives these ballots, and the notice says "Everyone in
 * the meeting can see who chose what", so the screen shows exactly that. Nothing for a secret vote or a hand count.
 */
export function WhoChoseWhat({ state, poll }: { state: MeetingState; poll: PollView }) {
  const choices = whoChoseWhat(state, poll);
  if (!choices || poll.ballots.length === 0) return null;
  return (
    <details class="who-chose">
      <summary>Who chose what</summary>
      <ul class="plain-list">
        {choices.map((c) => (
          <li key={c.optionId}>
            <strong>{c.label}:</strong> {c.names.length === 0 ? "nobody" : c.names.join(", ")}
          </li>
        ))}
      </ul>
    </details>
  );
}
