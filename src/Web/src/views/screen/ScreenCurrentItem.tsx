import type { MeetingState } from "../../client/meetingState";
import { PollResults } from "../../components/PollResults";
import type { PollView } from "../../client/protocol";
import { nameOf, pollResults, pollToShow, winningWords } from "../../meeting/selectors";
import { Picture } from "../../pictures/Picture";
import { LEVEL_WORDS, voteModeNotice, voteNotice } from "../../words/plainWords";
import { PagedList, useFitText } from "./PagedList";

/**
 * What the room talks about now, first and biggest: the current item, its vote (results as pictures when the vote
 * allows), then its decisions and what listeners said, paged when they do not fit.
 */
export function ScreenCurrentItem({ state }: { state: MeetingState }) {
  const item = state.items.find((i) => i.status === "current");
  const poll = pollToShow(state);
  const decisions = item ? state.decisions.filter((d) => d.itemId === item.id) : [];
  const responses = state.responses.filter((r) => (item ? r.itemId === item.id : r.itemId === null));
  const fit = useFitText<HTMLElement>();
  return (
    <section class="screen-pane screen-current" aria-labelledby="screen-current-heading" ref={fit}>
      <h2 id="screen-current-heading">{item ? "Now we talk about" : "Next item soon"}</h2>
      {item && (
        <p class="screen-big-words with-picture">
          <Picture word={item.picture ?? "talk"} size="large" />
          <span>{item.title}</span>
        </p>
      )}
      {/* One list of what belongs to the item: while a vote is open only the vote, so it never turns away. */}
      {(poll || decisions.length + responses.length > 0) && (
        <PagedList class="screen-said-list">
          {poll && (poll.status === "open" || decisions.length === 0) && <PollBlock poll={poll} />}
          {poll && poll.status === "closed" && decisions.length > 0 && <PollSummary poll={poll} />}
          {poll?.status !== "open" &&
            decisions.map((d) => (
              <li key={d.id} class="screen-said screen-decision">
                <Picture word={LEVEL_WORDS[d.level].picture} size="medium" />
                <span class="screen-said-words">
                  <span>
                    <strong>Decision:</strong> {d.text}
                  </span>
                  <span class="screen-who">{LEVEL_WORDS[d.level].meaning}</span>
                </span>
              </li>
            ))}
          {poll?.status !== "open" &&
            responses.map((r) => (
              <li key={r.id} class="screen-said screen-response">
                <Picture word="listener" size="medium" />
                <span class="screen-said-words">
                  <span>
                    <strong>{nameOf(state, r.listenerId)} said:</strong> {r.text}
                  </span>
                </span>
              </li>
            ))}
        </PagedList>
      )}
    </section>
  );
}

/** The vote: its question, open or secret, and the results as pictures when the vote allows. */
function PollBlock({ poll }: { poll: PollView }) {
  return (
    <li class="screen-poll">
      <h3 class="with-picture">
        <Picture word={poll.secret ? "secret" : "vote"} size="medium" />
        <span>
          {poll.status === "open" ? "Vote now" : "Vote result"}: {poll.question}
        </span>
      </h3>
      <p class="screen-notice">
        {voteNotice(poll.secret).text} {poll.status === "open" ? voteModeNotice(poll.mode === "handCount") : ""}
      </p>
      <PollResults poll={poll} large />
    </li>
  );
}

/** Once the item has its decision, the vote it came from in two lines, so the decision has the room. */
function PollSummary({ poll }: { poll: PollView }) {
  const results = pollResults(poll);
  return (
    <li class="screen-poll screen-poll-compact">
      <h3 class="with-picture">
        <Picture word={poll.secret ? "secret" : "vote"} size="small" />
        <span>Vote result: {poll.question}</span>
      </h3>
      {results && (
        <p>
          {results.map((r) => `${r.option.label}: ${r.count}.`).join(" ")} <strong>{winningWords(poll)}</strong>
        </p>
      )}
    </li>
  );
}
