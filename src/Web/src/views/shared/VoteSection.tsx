import { useState } from "preact/hooks";
import type { MeetingClient } from "../../client/meetingClient";
import type { MeetingState } from "../../client/meetingState";
import type { Guid, PollView } from "../../client/protocol";
import { ErrorNote } from "../../components/ErrorNote";
import { PollResults } from "../../components/PollResults";
import { SpokenText } from "../../components/SpokenText";
import { VoteButtons } from "../../components/VoteButtons";
import { VoteNotice } from "../../components/VoteNotice";
import { WhoChoseWhat } from "../../components/WhoChoseWhat";
import { ballotOf, pollToShow, supportNote } from "../../meeting/selectors";
import { useCommand } from "../../meeting/useCommand";
import { rememberSecretChoice, secretChoice } from "../../meeting/secretChoice";
import { Picture } from "../../pictures/Picture";

interface VoteSectionProps {
  state: MeetingState;
  client: MeetingClient;
  /** Whose vote: the member themself, or the member a supporter (or the facilitator) votes with. Null: cannot vote. */
  voterId: Guid | null;
  forMemberId?: Guid | null;
  /** e.g. "Cat" when voting with someone. */
  voterName?: string;
}

/** The vote now: question, open/secret notice, huge buttons, "your vote is counted", and the results when allowed. */
export function VoteSection({ state, client, voterId, forMemberId, voterName }: VoteSectionProps) {
  const poll = pollToShow(state);
  if (!poll) return null;
  // Per voter: a supporter's page can hold two (their member's and a member without a phone they help).
  const headingId = `vote-${poll.id}-${voterId ?? "all"}`;
  return (
    <section class="panel vote-section" aria-labelledby={headingId}>
      <h2 id={headingId} class="with-picture">
        <Picture word={poll.secret ? "secret" : "vote"} size="medium" />
        <span>{poll.status === "open" ? "Vote now" : "The vote has closed"}</span>
      </h2>
      <SpokenText as="p" class="poll-question" text={poll.question} />
      <VoteNotice poll={poll} />
      {poll.status === "open" && poll.mode === "devices" && voterId && (
        <Ballot state={state} client={client} poll={poll} voterId={voterId} forMemberId={forMemberId ?? null} voterName={voterName} />
      )}
      <h3>{poll.status === "open" ? "Votes so far" : "Results"}</h3>
      <PollResults poll={poll} />
      <WhoChoseWhat state={state} poll={poll} />
    </section>
  );
}

function Ballot({ state, client, poll, voterId, forMemberId, voterName }: { state: MeetingState; client: MeetingClient; poll: PollView; voterId: Guid; forMemberId: Guid | null; voterName?: string }) {
  const command = useCommand();
  const [pending, setPending] = useState<string | null>(null);
  const ballot = ballotOf(poll, voterId);
  const counted = ballot !== undefined;
  const chosen = ballot && ballot.optionId !== "secret" ? ballot.optionId : (secretChoice(poll.id, voterId) ?? pending);

  async function vote(optionId: string) {
    setPending(optionId);
    const ok = await command.run(async () => {
      if (poll.secret) rememberSecretChoice(poll.id, voterId, optionId);
      await client.castBallot({ pollId: poll.id, optionId, forMemberId });
    });
    if (!ok) {
      setPending(null);
      if (poll.secret) rememberSecretChoice(poll.id, voterId, null);
    }
  }

  return (
    <>
      <VoteButtons poll={poll} chosen={chosen} counted={counted} busy={command.busy} onVote={(id) => void vote(id)} voterName={voterName} />
      <p class={counted ? "note note-good" : "note"} role="status" aria-live="polite">
        {counted ? (
          <>
            <Picture word="check" size="small" />
            <span>
              {voterName ? `${voterName}'s vote is counted` : "Your vote is counted"}
              {ballot ? supportSuffix(state, voterId, ballot.enteredById) : ""}.
              {poll.secret ? " It is secret." : ""}
            </span>
          </>
        ) : command.busy ? (
          "Sending your vote..."
        ) : (
          "Press one picture to vote."
        )}
      </p>
      <ErrorNote error={command.error} />
    </>
  );
}

function supportSuffix(state: MeetingState, voterId: Guid, enteredById: Guid): string {
  const note = supportNote(state, voterId, enteredById);
  return note ? ` (${note})` : "";
}
