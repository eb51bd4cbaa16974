import { useState } from "preact/hooks";
import type { MeetingClient } from "../../client/meetingClient";
import type { MeetingState } from "../../client/meetingState";
import type { Guid } from "../../client/protocol";
import { nameOf, present } from "../../meeting/selectors";
import { useCommand } from "../../meeting/useCommand";
import { useDraft } from "../../session/drafts";
import { ROLE_WORDS } from "../../words/plainWords";
import { PictureSection } from "../../components/PictureSection";
import { FormEnd } from "../../components/FormEnd";

interface ActionFormProps {
  state: MeetingState;
  client: MeetingClient;
  itemId: Guid | null;
  offline: boolean;
}

/** Add an action: what, who does it, who helps (optional), by when (optional), and the listener response it answers. */
export function ActionForm({ state, client, itemId, offline }: ActionFormProps) {
  const command = useCommand();
  const [what, setWhat] = useDraft(`${state.meetingId}.action.${itemId ?? "none"}`);
  const [ownerId, setOwnerId] = useState<Guid | "">("");
  const [supporterId, setSupporterId] = useState<Guid | "">("");
  const [dueDate, setDueDate] = useState("");
  const [responseId, setResponseId] = useState<Guid | "">("");
  const [problem, setProblem] = useState<string | null>(null);
  const people = present(state);
  const responses = state.responses;

  async function submit(event: Event) {
    event.preventDefault();
    if (what.trim() === "") return setProblem("Please write what will be done.");
    if (ownerId === "") return setProblem("Please choose who will do it.");
    setProblem(null);
    const ok = await command.run(() =>
      client.addAction({
        itemId,
        what: what.trim(),
        ownerId,
        supporterId: supporterId === "" ? null : supporterId,
        dueDate: dueDate === "" ? null : dueDate,
        fromResponseId: responseId === "" ? null : responseId,
      }),
    );
    if (ok) {
      setWhat("");
      setOwnerId("");
      setSupporterId("");
      setDueDate("");
      setResponseId("");
    }
  }

  function fromResponse(id: Guid | "") {
    setResponseId(id);
    const response = responses.find((r) => r.id === id);
    if (response) {
      setOwnerId(response.listenerId);
      if (what.trim() === "") setWhat(response.text.slice(0, 200));
    }
  }

  return (
    <PictureSection class="panel" headingId="action-form-heading" picture="action" title="Add an action">
      <form onSubmit={submit} noValidate>
        {responses.length > 0 && (
          <>
            <label for="action-response" class="field-label">
              From a listener's response ("You said, we did")
            </label>
            <select id="action-response" class="select-box" value={responseId} onChange={(e) => fromResponse((e.currentTarget as HTMLSelectElement).value)}>
              <option value="">Not from a response</option>
              {responses.map((r) => (
                <option key={r.id} value={r.id}>
                  {nameOf(state, r.listenerId)}: {r.text.slice(0, 60)}
                </option>
              ))}
            </select>
          </>
        )}
        <label for="action-what" class="field-label">
          What will be done?
        </label>
        <textarea id="action-what" class="text-box" rows={2} maxLength={200} value={what} onInput={(e) => setWhat((e.currentTarget as HTMLTextAreaElement).value)} />
        <label for="action-owner" class="field-label">
          Who will do it?
        </label>
        <select id="action-owner" class="select-box" value={ownerId} onChange={(e) => setOwnerId((e.currentTarget as HTMLSelectElement).value)}>
          <option value="">Choose a person</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.displayName} ({ROLE_WORDS[p.role].label})
            </option>
          ))}
        </select>
        <label for="action-supporter" class="field-label">
          Who will help? (you do not have to choose)
        </label>
        <select id="action-supporter" class="select-box" value={supporterId} onChange={(e) => setSupporterId((e.currentTarget as HTMLSelectElement).value)}>
          <option value="">Nobody</option>
          {people
            .filter((p) => p.id !== ownerId)
            .map((p) => (
              <option key={p.id} value={p.id}>
                {p.displayName} ({ROLE_WORDS[p.role].label})
              </option>
            ))}
        </select>
        <label for="action-date" class="field-label">
          By when? (you do not have to choose)
        </label>
        <input id="action-date" class="text-box date-box" type="date" value={dueDate} onInput={(e) => setDueDate((e.currentTarget as HTMLInputElement).value)} />
        <FormEnd problem={problem} error={command.error} busy={command.busy}>
          {command.busy ? "Saving..." : "Save the action"}
        </FormEnd>
        {offline && <p class="hint">You are offline for now. The action is kept here.</p>}
      </form>
    </PictureSection>
  );
}
