import type { MeetingState } from "../../client/meetingState";
import { PollResults } from "../../components/PollResults";
import { SpokenText } from "../../components/SpokenText";
import { itemTitle, pollToShow } from "../../meeting/selectors";
import { PictureSection } from "../../components/PictureSection";

/** Every closed vote with its results as pictures (except the one shown above as "the vote now"). */
export function VoteHistorySection({ state }: { state: MeetingState }) {
  const shown = pollToShow(state);
  const closed = state.polls.filter((p) => p.status === "closed" && p.id !== shown?.id);
  if (closed.length === 0) return null;
  return (
    <PictureSection class="panel" headingId="vote-history-heading" picture="vote" title="Results of the votes">
      {closed.map((poll) => {
        const about = itemTitle(state, poll.itemId);
        return (
          <div key={poll.id} class="past-vote">
            <SpokenText as="h3" text={poll.question} />
            {about && <p class="support-note">About: {about}</p>}
            <PollResults poll={poll} />
          </div>
        );
      })}
    </PictureSection>
  );
}
