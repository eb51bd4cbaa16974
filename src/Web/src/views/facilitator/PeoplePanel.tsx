import { useRef, useState } from "preact/hooks";
import type { MeetingClient } from "../../client/meetingClient";
import type { MeetingState } from "../../client/meetingState";
import type { Guid, ParticipantView } from "../../client/protocol";
import { ErrorNote } from "../../components/ErrorNote";
import { PersonName } from "../../components/PersonName";
import { nameOf, present } from "../../meeting/selectors";
import { useCommand } from "../../meeting/useCommand";
import { Picture } from "../../pictures/Picture";

interface PeoplePanelProps {
  state: MeetingState;
  client: MeetingClient;
  /** The facilitator: they cannot remove themself (the server refuses it too). */
  meId: Guid;
}

/**
 * Who is in the meeting, with their role (and whom each supporter supports), and "Remove" for each: asked once
 * more ("Remove Ben from the meeting? Yes / No"), because a removed person's phone stops working in the meeting.
 * Their answers, ideas, votes and actions stay. The list changes only when participantRemoved arrives.
 */
export function PeoplePanel({ state, client, meId }: PeoplePanelProps) {
  const people = present(state);
  const [asking, setAsking] = useState<Guid | null>(null);
  const command = useCommand();
  const list = useRef<HTMLUListElement>(null);

  const focusRemove = (id: Guid) => requestAnimationFrame(() => list.current?.querySelector<HTMLElement>(`[data-remove="${id}"]`)?.focus());
  const ask = (id: Guid) => {
    command.clearError();
    setAsking(id);
    requestAnimationFrame(() => list.current?.querySelector<HTMLElement>(".confirm button")?.focus());
  };
  const no = (id: Guid) => {
    setAsking(null);
    focusRemove(id);
  };
  const remove = (person: ParticipantView) =>
    void command.run(() => client.removeParticipant({ participantId: person.id })).then((done) => {
      setAsking(null);
      // Gone from the list: the focus goes to the panel's heading instead of being lost.
      if (done) requestAnimationFrame(() => document.getElementById("people-heading")?.focus());
      else focusRemove(person.id);
    });

  return (
    <section class="panel" aria-labelledby="people-heading">
      <h2 id="people-heading" tabIndex={-1}>
        People ({people.length})
      </h2>
      <ul class="plain-list people-list" ref={list}>
        {people.map((p) => (
          <li key={p.id}>
            <PersonName person={p} showRole />
            {p.supportsMemberId && <span class="support-note"> with {nameOf(state, p.supportsMemberId)}</span>}
            {p.withoutDevice && <span class="no-phone-note"> (no phone{p.helperId ? `, helped by ${nameOf(state, p.helperId)}` : ""})</span>}
            {p.id !== meId &&
              (asking === p.id ? (
                <div class="confirm" role="group" aria-label={`Remove ${p.displayName}`}>
                  <p>
                    <strong>Remove {p.displayName} from the meeting?</strong> Their phone will stop working in this meeting.
                  </p>
                  <div class="button-row">
                    <button type="button" class="button button-danger" disabled={command.busy} onClick={() => remove(p)}>
                      <Picture word="yes" size="small" />
                      <span>Yes, remove {p.displayName}</span>
                    </button>
                    <button type="button" class="button" onClick={() => no(p.id)}>
                      <Picture word="no" size="small" />
                      <span>No, keep {p.displayName}</span>
                    </button>
                  </div>
                </div>
              ) : (
                // The name is in the label (not in hidden text), so "Remove" says whom and finding "Ben" finds Ben.
                <button
                  type="button"
                  class="button remove-person"
                  data-remove={p.id}
                  aria-label={`Remove ${p.displayName}`}
                  onClick={() => ask(p.id)}
                >
                  <Picture word="cross" size="small" />
                  <span>Remove</span>
                </button>
              ))}
          </li>
        ))}
      </ul>
      <ErrorNote error={command.error} />
    </section>
  );
}
