import type { MeetingClient } from "../../client/meetingClient";
import type { MeetingState } from "../../client/meetingState";
import type { PollView } from "../../client/protocol";
import { ErrorNote } from "../../components/ErrorNote";
import { PollResults } from "../../components/PollResults";
import { VoteNotice } from "../../components/VoteNotice";
import { WhoChoseWhat } from "../../components/WhoChoseWhat";
import { peopleWithAVote } from "../../meeting/withoutDevice";
import { votesSoFar } from "../../meeting/selectors";
import { useCommand } from "../../meeting/useCommand";
import { HandCountForm } from "./HandCountForm";
import { OpenPollForm } from "./OpenPollForm";
import { PictureSection } from "../../components/PictureSection";

/** Votes: open one (open or secret chosen first), watch it, count hands, close it. */
export function PollPanel({ state, client }: { state: MeetingState; client: MeetingClient }) {
  const open = state.polls.find((p) => p.status === "open");
  const current = state.items.find((i) => i.status === "current");
  const closed = state.polls.filter((p) => p.status === "closed" && (current ? p.itemId === current.id : true));
  const last = closed[closed.length - 1];
  return (
    <PictureSection class="panel poll-panel" headingId="poll-heading" picture="vote" title="Vote">
      {open ? <OpenPollControls state={state} client={client} poll={open} /> : <OpenPollForm key={current?.id ?? "no-item"} client={client} itemId={current?.id ?? null} itemTitle={current?.title ?? null} />}
      {!open && last && (
        <div class="last-poll">
          <h3>Last vote: {last.question}</h3>
          <PollResults poll={last} />
          <WhoChoseWhat state={state} poll={last} />
        </div>
      )}
    </PictureSection>
  );
}

function OpenPollControls({ state, client, poll }: { state: MeetingState; client: MeetingClient; poll: PollView }) {
  const command = useCommand();
  // Exactly the people who may vote: the members (the facilitator has no vote of her own, ADR 0007).
  const eligible = peopleWithAVote(state).length;
  return (
    <div class="open-poll">
      <h3>Open now: {poll.question}</h3>
      <VoteNotice poll={poll} />
      {poll.mode === "devices" ? (
        <p>
          {votesSoFar(poll)} of {eligible} people with a vote have voted.
        </p>
      ) : (
        <HandCountForm client={client} poll={poll} />
      )}
      <PollResults poll={poll} />
      <WhoChoseWhat state={state} poll={poll} />
      <ErrorNote error={command.error} />
      <button type="button" class="button button-primary" disabled={command.busy} onClick={() => void command.run(() => client.closePoll({ pollId: poll.id }))}>
        Close the vote
      </button>
    </div>
  );
}
