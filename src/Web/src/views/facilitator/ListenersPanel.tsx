import type { MeetingClient } from "../../client/meetingClient";
import type { MeetingState } from "../../client/meetingState";
import { ErrorNote } from "../../components/ErrorNote";
import { isInvited, listeners, nameOf } from "../../meeting/selectors";
import { useCommand } from "../../meeting/useCommand";
import { PictureSection } from "../../components/PictureSection";

/** Listeners (trustees, managers): ask one to respond; their responses. */
export function ListenersPanel({ state, client }: { state: MeetingState; client: MeetingClient }) {
  const command = useCommand();
  const people = listeners(state);
  const current = state.items.find((i) => i.status === "current");
  return (
    <PictureSection class="panel" headingId="listeners-heading" picture="listener" title="Listeners">
      {people.length === 0 ? (
        <p class="hint">No listeners have joined.</p>
      ) : (
        <ul class="plain-list">
          {people.map((p) => (
            <li key={p.id} class="editor-row">
              <span>{p.displayName}</span>
              {isInvited(state, p.id) ? (
                <span class="status-tag">Asked to respond</span>
              ) : (
                state.phase !== "closed" && (
                  <button
                    type="button"
                    class="button"
                    disabled={command.busy}
                    onClick={() => void command.run(() => client.inviteListener({ listenerId: p.id, itemId: current?.id ?? null }))}
                  >
                    Ask to respond<span class="visually-hidden"> ({p.displayName})</span>
                  </button>
                )
              )}
            </li>
          ))}
        </ul>
      )}
      {state.responses.length > 0 && (
        <>
          <h3>Responses</h3>
          <ul class="said-list">
            {state.responses.map((r) => (
              <li key={r.id}>
                <strong>{nameOf(state, r.listenerId)}:</strong> {r.text}
              </li>
            ))}
          </ul>
        </>
      )}
      <ErrorNote error={command.error} />
    </PictureSection>
  );
}
