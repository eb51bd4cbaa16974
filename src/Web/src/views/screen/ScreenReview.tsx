import type { MeetingState } from "../../client/meetingState";
import { Picture } from "../../pictures/Picture";
import { STATUS_PICTURES, reviewWords } from "../shared/ReviewSection";

/** The review on the shared screen: big, read-only, what we said last time and where each one stands now. */
export function ScreenReview({ state }: { state: MeetingState }) {
  return (
    <section class="screen-panel screen-review" aria-labelledby="screen-review-heading">
      <h2 id="screen-review-heading">
        <Picture word="action" size="medium" /> Last time
      </h2>
      <ul class="screen-list">
        {state.review.map((r) => (
          <li key={r.followUpId}>
            <Picture word={r.ownerPicture} size="medium" />
            <Picture word={STATUS_PICTURES[r.status]} size="medium" />
            <strong>{r.text}</strong>
            {reviewWords(r).map((line) => (
              <p key={line}>{line}</p>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
