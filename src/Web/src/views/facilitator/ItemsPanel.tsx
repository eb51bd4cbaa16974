import type { MeetingClient } from "../../client/meetingClient";
import type { MeetingState } from "../../client/meetingState";
import { ErrorNote } from "../../components/ErrorNote";
import { SayForm } from "../../components/SayForm";
import { agendaInOrder, itemStatusWords } from "../../meeting/selectors";
import { useCommand } from "../../meeting/useCommand";
import { Picture } from "../../pictures/Picture";
import { PictureSection } from "../../components/PictureSection";

/** Work through the agenda: start an item, add notes, finish it or save it for next time. */
export function ItemsPanel({ state, client, offline }: { state: MeetingState; client: MeetingClient; offline: boolean }) {
  const command = useCommand();
  const note = useCommand();
  const items = agendaInOrder(state);
  const current = items.find((i) => i.status === "current");
  return (
    <PictureSection class="panel items-panel" headingId="items-heading" picture="talk" title="Items">
      <ol class="item-list">
        {items.map((item, index) => (
          <li key={item.id} class={`editor-row item-${item.status}`}>
            <span class="item-label">
              <span class="item-number">{index + 1}.</span>
              <Picture word={item.picture ?? "agenda"} size="small" />
              <span>
                <strong>{item.title}</strong> <span class={`status-tag status-${item.status}`}>{itemStatusWords(item)}</span>
              </span>
            </span>
            {item.status === "agreed" && !current && (
              <button type="button" class="button button-primary" disabled={command.busy} onClick={() => void command.run(() => client.startItem({ itemId: item.id }))}>
                Start this item<span class="visually-hidden"> ({item.title})</span>
              </button>
            )}
          </li>
        ))}
      </ol>
      {current && (
        <div class="current-controls">
          <h3>Now: {current.title}</h3>
          {current.notes.length > 0 && (
            <ul class="said-list">
              {current.notes.map((n) => (
                <li key={n.id}>{n.text}</li>
              ))}
            </ul>
          )}
          <SayForm
            label="Add a note"
            hint="What people said. Short sentences."
            draftKey={`${state.meetingId}.note.${current.id}`}
            submitLabel="Add the note"
            maxLength={1000}
            multiline
            busy={note.busy}
            error={note.error}
            offline={offline}
            onSay={(said) => note.run(() => client.addNote({ itemId: current.id, text: said.text }))}
          />
          <div class="button-row">
            <button type="button" class="button button-primary" disabled={command.busy} onClick={() => void command.run(() => client.finishItem({ itemId: current.id }))}>
              Finish this item
            </button>
            <button type="button" class="button" disabled={command.busy} onClick={() => void command.run(() => client.carryItemForward({ itemId: current.id }))}>
              Save it for next time
            </button>
          </div>
        </div>
      )}
      {!current && items.every((i) => i.status !== "agreed") && <p class="hint">All items are done. You can close the meeting.</p>}
      <ErrorNote error={command.error} />
    </PictureSection>
  );
}
