import type { MeetingClient } from "../../client/meetingClient";
import type { MeetingState } from "../../client/meetingState";
import type { FollowUpStatus, ParticipantView, ReviewView } from "../../client/protocol";
import { ErrorNote } from "../../components/ErrorNote";
import { DropFollowUp } from "./DropFollowUp";
import { PictureSection } from "../../components/PictureSection";
import { SpokenText } from "../../components/SpokenText";
import { formatEasyReadDate } from "../../lib/easyReadDate";
import { Picture } from "../../pictures/Picture";
import { useCommand } from "../../meeting/useCommand";

/** The picture status: a picture with each word (pictures.json). */
export const STATUS_PICTURES: Record<FollowUpStatus, string> = { notYet: "clock", stuck: "stop", done: "yes", dropped: "no" };

const STATUS_WORDS: Record<FollowUpStatus, string> = {
  notYet: "Not yet.",
  stuck: "Stuck.",
  done: "Done.",
  dropped: "Dropped.",
};

/** The Easy Read words of one follow-up: what it is, who owns it, what they said, and where it stands now. */
export function reviewWords(r: ReviewView): string[] {
  const owner = r.ownerName ?? "Someone";
  const lines: string[] = [];
  if (r.youSaid && r.about) lines.push(`You said: ${end(r.about)}`);
  if (r.kind === "response") lines.push(`On ${formatEasyReadDate(r.saidOn)} ${owner} said: ${end(r.text)}`);
  else if (r.said) lines.push(`On ${formatEasyReadDate(r.saidOn)} ${owner} said: ${end(r.said)}`);
  if (r.kind === "item") lines.push(`${owner} asked for this on ${formatEasyReadDate(r.saidOn)}.`);
  if (r.kind === "action") lines.push(`${owner} will do this.`);
  if (r.note) lines.push(`News: ${end(r.note)}`);
  lines.push(`Now: ${STATUS_WORDS[r.status].toLowerCase()}${r.dropReason ? ` Why: ${end(r.dropReason)}` : ""}`);
  return lines;
}

function end(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function sameName(a: string, b: string | null): boolean {
  return b !== null && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** As ReviewRules.IsOwner: the forum member (their card) when the owner was one, else the same name. */
export function ownsFollowUp(me: ParticipantView, r: ReviewView): boolean {
  return r.ownerForumMemberId ? me.forumMemberId === r.ownerForumMemberId : sameName(me.displayName, r.ownerName);
}

/**
 * The carry-forward review before the two questions (docs/protocol.md 5.12): each follow-up from earlier meetings with
 * its owner and a picture status. The owner (their forum card, or the same name) or the facilitator sets the status; the facilitator puts the
 * ones the group chooses on the agenda and finishes the review.
 */
export function ReviewSection({ state, client, me }: { state: MeetingState; client: MeetingClient; me: ParticipantView }) {
  const command = useCommand();
  const facilitator = me.role === "facilitator";
  if (!state.reviewOpen) return null;
  const setStatus = (r: ReviewView, status: FollowUpStatus) =>
    void command.run(() => client.send("SetFollowUpStatus", { followUpId: r.followUpId, status }));
  return (
    <PictureSection class="panel review" headingId={`review-${me.id}`} picture="action" title="Last time">
      <p>Here is what we said last time. Is it done?</p>
      <ul class="said-list">
        {state.review.map((r) => {
          const words = reviewWords(r);
          const canSet = facilitator || ownsFollowUp(me, r);
          return (
            <li key={r.followUpId} class={`review-row review-${r.status}`}>
              <p class="review-who">
                <Picture word={r.picture} size="small" />
                <Picture word={r.ownerPicture} size="small" />
                <Picture word={STATUS_PICTURES[r.status]} size="small" />
              </p>
              <SpokenText text={r.text} spoken={`${r.text}. ${words.join(" ")}`} after={<span class="support-note">{words.join(" ")}</span>} />
              {r.agendaItemId ? (
                <p class="hint">It is on the agenda now.</p>
              ) : (
                <div class="button-row">
                  {canSet &&
                    (["done", "notYet", "stuck"] as const).map((status) => (
                      <button key={status} type="button" class="button" aria-pressed={r.status === status} disabled={command.busy} onClick={() => setStatus(r, status)}>
                        <Picture word={STATUS_PICTURES[status]} size="small" />
                        {STATUS_WORDS[status].replace(".", "")}
                        <span class="visually-hidden"> ({r.text})</span>
                      </button>
                    ))}
                  {facilitator && r.status !== "done" && r.status !== "dropped" && (
                    <button type="button" class="button" disabled={command.busy}
                      onClick={() => void command.run(() => client.send("PutFollowUpOnAgenda", { followUpId: r.followUpId }))}>
                      Put on the agenda<span class="visually-hidden"> ({r.text})</span>
                    </button>
                  )}
                  {facilitator && r.status !== "dropped" && <DropFollowUp review={r} client={client} />}
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {facilitator && (
        <button type="button" class="button button-primary" disabled={command.busy} onClick={() => void command.run(() => client.send("FinishReview", {}))}>
          Finish the review
        </button>
      )}
      <ErrorNote error={command.error} />
    </PictureSection>
  );
}
