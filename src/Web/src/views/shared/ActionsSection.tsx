import type { MeetingClient } from "../../client/meetingClient";
import type { MeetingState } from "../../client/meetingState";
import type { ActionView, Guid } from "../../client/protocol";
import { ErrorNote } from "../../components/ErrorNote";
import { SpokenText } from "../../components/SpokenText";
import { actionsOf, nameOf } from "../../meeting/selectors";
import { useCommand } from "../../meeting/useCommand";
import { formatEasyReadDate } from "../../lib/easyReadDate";
import { PictureSection } from "../../components/PictureSection";

interface ActionsSectionProps {
  state: MeetingState;
  client: MeetingClient;
  /** Show the actions these people own or help with; all actions when null. */
  personIds: readonly Guid[] | null;
  /** The one who may mark actions done (owners change their own actions; the facilitator any). */
  meId: Guid;
  canChangeAll?: boolean;
  title: string;
}

/** Actions: what, who does it, who helps, by when; owners can say when it is done. */
export function ActionsSection({ state, client, personIds, meId, canChangeAll = false, title }: ActionsSectionProps) {
  const command = useCommand();
  const actions = personIds ? actionsOf(state, personIds) : state.actions;
  return (
    <PictureSection class="panel" headingId={`actions-${meId}`} picture="action" title={title}>
      {actions.length === 0 ? (
        <p class="hint">No actions yet.</p>
      ) : (
        <ul class="said-list">
          {actions.map((a) => (
            <li key={a.id} class={`action-row action-${a.status}`}>
              <SpokenText text={a.what} spoken={`${a.what}. ${actionDetails(state, a)}`} after={<span class="support-note">{actionDetails(state, a)}</span>} />
              {a.status === "open" && (canChangeAll || a.ownerId === meId) && (
                <button type="button" class="button" disabled={command.busy} onClick={() => void command.run(() => client.setActionStatus({ actionId: a.id, status: "done" }))}>
                  It is done<span class="visually-hidden"> ({a.what})</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ErrorNote error={command.error} />
    </PictureSection>
  );
}

export function actionDetails(state: MeetingState, a: ActionView): string {
  const parts = [`${nameOf(state, a.ownerId)} will do it.`];
  if (a.supporterId) parts.push(`${nameOf(state, a.supporterId)} will help.`);
  if (a.dueDate) parts.push(`By ${formatEasyReadDate(a.dueDate)}.`);
  if (a.status === "done") parts.push("It is done.");
  if (a.status === "dropped") parts.push("We stopped this action.");
  return parts.join(" ");
}
