import { useEffect, useState } from "preact/hooks";
import type { MeetingClient } from "../../client/meetingClient";
import type { MeetingState } from "../../client/meetingState";
import type { Guid, ItemView } from "../../client/protocol";
import { ErrorNote } from "../../components/ErrorNote";
import { addToAgenda, draftFromItems, moveDown, moveUp, takeOffAgenda, validDraft } from "../../meeting/agendaDraft";
import { ideaFrom } from "../../meeting/selectors";
import { useCommand } from "../../meeting/useCommand";
import { Picture } from "../../pictures/Picture";
import { PictureSection } from "../../components/PictureSection";

/**
 * Agree the agenda with buttons: put ideas on it, move them up or down, take them off; then "Agree this agenda"
 * (AgreeAgenda, which may be repeated). No dragging.
 */
export function AgendaEditor({ state, client }: { state: MeetingState; client: MeetingClient }) {
  const command = useCommand();
  const [draft, setDraft] = useState<Guid[]>(() => draftFromItems(state.items));
  const [changed, setChanged] = useState(false);
  const items = new Map(state.items.map((i) => [i.id, i]));
  const onAgenda = validDraft(draft, state.items);
  const ideas = state.items.filter((i) => (i.status === "proposed" || i.status === "agreed") && !onAgenda.includes(i.id));

  // When someone else's change arrives (e.g. another facilitator tab agreed), follow it unless we are editing.
  useEffect(() => {
    if (!changed) setDraft(draftFromItems(state.items));
  }, [state.items, changed]);

  // Keyboard users keep their place: after a button moves an item, the focus goes to that item's button.
  const [focusAfter, setFocusAfter] = useState<string | null>(null);
  useEffect(() => {
    if (!focusAfter) return;
    document.getElementById(focusAfter)?.focus();
    setFocusAfter(null);
  }, [focusAfter, draft]);

  const change = (next: Guid[], focusId: string) => {
    setDraft(next);
    setChanged(true);
    setFocusAfter(focusId);
  };
  const last = onAgenda.length - 1;

  async function agree() {
    if (await command.run(() => client.agreeAgenda({ itemIds: onAgenda }))) setChanged(false);
  }

  return (
    <PictureSection class="panel agenda-editor" headingId="agenda-editor-heading" picture="agenda" title="Agree the agenda">
      <h3>On the agenda, in this order</h3>
      {onAgenda.length === 0 ? (
        <p class="hint">Nothing yet. Put ideas on the agenda with the buttons below.</p>
      ) : (
        <ol class="item-list">
          {onAgenda.map((id, index) => {
            const item = items.get(id) as ItemView;
            return (
              <li key={id} class="editor-row">
                <ItemLabel item={item} state={state} number={index + 1} />
                <div class="button-row">
                  <button
                    id={`up-${id}`}
                    type="button"
                    class="button"
                    disabled={index === 0}
                    onClick={() => change(moveUp(onAgenda, id), index - 1 === 0 ? `down-${id}` : `up-${id}`)}
                  >
                    Move up<span class="visually-hidden"> ({item.title})</span>
                  </button>
                  <button
                    id={`down-${id}`}
                    type="button"
                    class="button"
                    disabled={index === last}
                    onClick={() => change(moveDown(onAgenda, id), index + 1 === last ? `up-${id}` : `down-${id}`)}
                  >
                    Move down<span class="visually-hidden"> ({item.title})</span>
                  </button>
                  <button id={`off-${id}`} type="button" class="button" onClick={() => change(takeOffAgenda(onAgenda, id), `on-${id}`)}>
                    Take off<span class="visually-hidden"> ({item.title})</span>
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <h3>Ideas not on the agenda</h3>
      {ideas.length === 0 ? (
        <p class="hint">No other ideas.</p>
      ) : (
        <ul class="item-list">
          {ideas.map((item) => (
            <li key={item.id} class="editor-row">
              <ItemLabel item={item} state={state} />
              <button id={`on-${item.id}`} type="button" class="button" onClick={() => change(addToAgenda(onAgenda, item.id), `off-${item.id}`)}>
                Put on the agenda<span class="visually-hidden"> ({item.title})</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <ErrorNote error={command.error} />
      <button type="button" class="button button-primary" disabled={command.busy || onAgenda.length === 0} onClick={() => void agree()}>
        Agree this agenda
      </button>
      {changed && <p class="hint">Not agreed yet: press "Agree this agenda".</p>}
    </PictureSection>
  );
}

function ItemLabel({ item, state, number }: { item: ItemView; state: MeetingState; number?: number }) {
  return (
    <span class="item-label">
      {number && <span class="item-number">{number}.</span>}
      <Picture word={item.picture ?? "agenda"} size="small" />
      <span>
        <strong>{item.title}</strong> <span class="support-note">Idea from {ideaFrom(state, item)}</span>
      </span>
    </span>
  );
}
