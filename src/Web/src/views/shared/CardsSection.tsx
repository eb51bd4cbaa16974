import type { MeetingClient } from "../../client/meetingClient";
import type { MeetingState } from "../../client/meetingState";
import type { Guid } from "../../client/protocol";
import { CardButtons } from "../../components/CardButtons";
import { ErrorNote } from "../../components/ErrorNote";
import { useCommand } from "../../meeting/useCommand";

interface CardsSectionProps {
  state: MeetingState;
  client: MeetingClient;
  personId: Guid;
  forMemberId?: Guid | null;
  heading?: string;
}

/** Stop / Slow down / Question / Break for one person (a supporter shows cards with their member). */
export function CardsSection({ state, client, personId, forMemberId, heading }: CardsSectionProps) {
  const command = useCommand();
  if (state.phase === "closed") return null;
  return (
    <>
      <CardButtons
        state={state}
        personId={personId}
        busy={command.busy}
        heading={heading}
        onRaise={(kind) => void command.run(() => client.raiseCard({ kind, forMemberId: forMemberId ?? null }))}
        onLower={(card) => void command.run(() => client.clearCard({ cardId: card.id }))}
      />
      <ErrorNote error={command.error} />
    </>
  );
}
