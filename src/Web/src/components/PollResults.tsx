import type { PollView } from "../client/protocol";
import { pollResults, votesSoFar, winningWords } from "../meeting/selectors";
import { Picture } from "../pictures/Picture";
import { voteNotice } from "../words/plainWords";
import { SpokenText } from "./SpokenText";

const MAX_ICONS = 20;

/**
 * Results as pictures: for each choice its picture, its word, the number, and one small picture per vote (up to
 * 20). A secret vote shows only how many have voted until it closes.
 */
export function PollResults({ poll, large = false }: { poll: PollView; large?: boolean }) {
  const results = pollResults(poll);
  const notice = voteNotice(poll.secret);
  if (!results) {
    const n = votesSoFar(poll);
    return (
      <div class="poll-results">
        <SpokenText
          text={`${n} ${n === 1 ? "vote" : "votes"} so far. This is a secret vote: we show the results when it closes.`}
          before={<Picture word={notice.picture} size={large ? "large" : "medium"} />}
        />
      </div>
    );
  }
  const winner = winningWords(poll);
  const summary = results.map((r) => `${r.option.label}: ${r.count}.`).join(" ");
  return (
    <div class={large ? "poll-results poll-results-large" : "poll-results"}>
      <ul class="result-list" aria-label={poll.status === "closed" ? "Results" : "Votes so far"}>
        {results.map(({ option, count }) => (
          <li key={option.id} class="result-row">
            <Picture word={option.picture ?? option.id} size={large ? "large" : "medium"} />
            <span class="result-label">{option.label}</span>
            <span class="result-count">{count}</span>
            <span class="result-icons" aria-hidden="true">
              {Array.from({ length: Math.min(count, MAX_ICONS) }, (_, i) => (
                <Picture key={i} word={option.picture ?? option.id} size="small" />
              ))}
              {count > MAX_ICONS && <span class="result-more">+{count - MAX_ICONS}</span>}
            </span>
          </li>
        ))}
      </ul>
      <SpokenText text={winner ?? (poll.mode === "handCount" ? "Hands counted so far." : "Votes so far.")} spoken={`${summary} ${winner ?? ""}`} />
    </div>
  );
}
