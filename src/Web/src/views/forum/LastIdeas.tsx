import type { LastIdeaStatus, LastIdeasView } from "../../client/forumProtocol";
import { PictureSection } from "../../components/PictureSection";
import { SpokenText } from "../../components/SpokenText";
import { Picture } from "../../pictures/Picture";

/** A picture for where each idea is now, always beside its words (never the picture alone). */
const STATUS_PICTURES: Record<LastIdeaStatus, string> = {
  talkedAbout: "talk",
  notChosen: "question",
  onAgenda: "calendar",
  notYet: "clock",
  stuck: "stop",
  done: "yes",
  dropped: "no",
};

/**
 * "What happened to your last ideas" on the invitation: each item of the forum's last meeting with a picture of where
 * it is now, in the server's Easy Read words (no names: the same on a public invitation), each read aloud on request.
 */
export function LastIdeas({ lastIdeas }: { lastIdeas: LastIdeasView }) {
  return (
    <PictureSection class="panel last-ideas" headingId="last-ideas-heading" picture="action" title="What happened to your last ideas">
      {lastIdeas.easyRead.map((line) => (
        <p key={line}>{line}</p>
      ))}
      {lastIdeas.ideas.length > 0 && (
        <ul class="said-list">
          {lastIdeas.ideas.map((idea, i) => (
            <li key={`${i}-${idea.title}`} class={`last-idea last-idea-${idea.status}`}>
              <p class="review-who">
                <Picture word={idea.picture} size="small" />
                <Picture word={STATUS_PICTURES[idea.status]} size="small" />
              </p>
              <SpokenText text={idea.title} spoken={`${idea.title}. ${idea.easyRead.join(" ")}`}
                after={<span class="support-note">{idea.easyRead.join(" ")}</span>} />
            </li>
          ))}
        </ul>
      )}
    </PictureSection>
  );
}
