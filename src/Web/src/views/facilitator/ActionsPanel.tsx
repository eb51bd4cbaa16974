import type { MeetingClient } from "../../client/meetingClient";
import type { MeetingState } from "../../client/meetingState";
import type { Guid } from "../../client/protocol";
import { ActionsSection } from "../shared/ActionsSection";
import { ActionForm } from "./ActionForm";
import { DecisionForm } from "./DecisionForm";

/** Decisions (with how much say people had) and actions (what, who, who helps, by when). */
export function ActionsPanel({ state, client, meId, offline }: { state: MeetingState; client: MeetingClient; meId: Guid; offline: boolean }) {
  const current = state.items.find((i) => i.status === "current");
  return (
    <>
      <DecisionForm key={`decision-${current?.id ?? "none"}`} state={state} client={client} itemId={current?.id ?? null} />
      <ActionForm key={`action-${current?.id ?? "none"}`} state={state} client={client} itemId={current?.id ?? null} offline={offline} />
      <ActionsSection state={state} client={client} personIds={null} meId={meId} canChangeAll title="All actions" />
    </>
  );
}
