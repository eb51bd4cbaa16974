import type { MeetingState } from "../../client/meetingState";
import { PersonName } from "../../components/PersonName";
import { nameOf, present } from "../../meeting/selectors";

/** Who is in the meeting, with their role (and whom each supporter supports). */
export function PeoplePanel({ state }: { state: MeetingState }) {
  const people = present(state);
  return (
    <section class="panel" aria-labelledby="people-heading">
      <h2 id="people-heading">People ({people.length})</h2>
      <ul class="plain-list people-list">
        {people.map((p) => (
          <li key={p.id}>
            <PersonName person={p} showRole />
            {p.supportsMemberId && <span class="support-note"> with {nameOf(state, p.supportsMemberId)}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
