import type { PollView } from "../client/protocol";
import { Picture } from "../pictures/Picture";
import { voteModeNotice, voteNotice } from "../words/plainWords";
import { SpokenText } from "./SpokenText";

/** The Easy Read notice of a vote: open or secret, and phones or hands. */
export function VoteNotice({ poll }: { poll: Pick<PollView, "secret" | "mode"> }) {
  const notice = voteNotice(poll.secret);
  return (
    <div class={poll.secret ? "vote-notice vote-notice-secret" : "vote-notice"}>
      <SpokenText
        as="p"
        text={`${notice.text} ${voteModeNotice(poll.mode === "handCount")}`}
        before={<Picture word={notice.picture} size="medium" />}
      />
    </div>
  );
}
