import type { MeetingClient } from "../../client/meetingClient";
import type { MeetingState } from "../../client/meetingState";
import type { Guid } from "../../client/protocol";
import { SayForm } from "../../components/SayForm";
import { agendaInOrder } from "../../meeting/selectors";
import { useCommand } from "../../meeting/useCommand";
import { TOPIC_PICTURES } from "../../pictures/pictures";
import { PictureSection } from "../../components/PictureSection";

interface ProposeItemSectionProps {
  state: MeetingState;
  client: MeetingClient;
  personId: Guid;
  forMemberId?: Guid | null;
  offline: boolean;
}

/** Suggest something for the agenda: while people gather, and in "Agree the agenda" until the agenda is agreed. */
export function ProposeItemSection({ state, client, personId, forMemberId, offline }: ProposeItemSectionProps) {
  const command = useCommand();
  const agreed = agendaInOrder(state).length > 0;
  if (state.phase !== "gathering" && (state.phase !== "agenda" || agreed)) return null;
  return (
    <PictureSection class="panel" headingId={`propose-${personId}`} picture="agenda" title="Add an idea to the agenda">
      <SayForm
        label="Your idea"
        hint="Something you want the forum to talk about."
        draftKey={`${state.meetingId}.${personId}.item`}
        submitLabel="Add my idea"
        pictures={TOPIC_PICTURES}
        maxLength={120}
        busy={command.busy}
        error={command.error}
        offline={offline}
        onSay={(said) => command.run(() => client.proposeItem({ title: said.text, picture: said.picture, forMemberId: forMemberId ?? null }))}
      />
    </PictureSection>
  );
}
