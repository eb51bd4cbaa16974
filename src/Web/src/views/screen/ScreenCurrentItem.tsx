import type { MeetingState } from "../../client/meetingState";
import { PollResults } from "../../components/PollResults";
import { pollToShow } from "../../meeting/selectors";
import { Picture } from "../../pictures/Picture";
import { LEVEL_WORDS, voteModeNotice, voteNotice } from "../../words/plainWords";

/** The current item in big print, its vote (results as pictures when the vote allows) and its decisions. */
export function ScreenCurrentItem({ state }: { state: MeetingState }) {
  const item = state.items.find((i) => i.status === "current");
  const poll = pollToShow(state);
  const decisions = item ? state.decisions.filter((d) => d.itemId === item.id) : [];
  return (
    <section class="screen-current" aria-labelledby="screen-current-heading">
      <h2 id="screen-current-heading">{item ? "Now we talk about" : "Next item soon"}</h2>
      {item && (
        <p class="screen-big-words with-picture">
          <Picture word={item.picture ?? "talk"} size="large" />
          <span>{item.title}</span>
        </p>
      )}
      {poll && (
        <div class="screen-poll">
          <h3 class="with-picture">
            <Picture word={poll.secret ? "secret" : "vote"} size="large" />
            <span>
              {poll.status === "open" ? "Vote now" : "Vote result"}: {poll.question}
            </span>
          </h3>
          <p class="screen-notice">
            {voteNotice(poll.secret).text} {poll.status === "open" ? voteModeNotice(poll.mode === "handCount") : ""}
          </p>
          <PollResults poll={poll} large />
        </div>
      )}
      {decisions.map((d) => (
        <p key={d.id} class="screen-decision with-picture">
          <Picture word={LEVEL_WORDS[d.level].picture} size="large" />
          <span>
            <strong>Decision:</strong> {d.text} <span class="screen-level">({LEVEL_WORDS[d.level].meaning})</span>
          </span>
        </p>
      ))}
    </section>
  );
}
