import { Page } from "../Page";
import { ForumFollowUps } from "./ForumFollowUps";

/** /forums/{forumId}/you-said-we-did: the forum's open follow-ups on their own page (signed-in facilitators). */
export function YouSaidWeDidPage({ forumId }: { forumId: string }) {
  return (
    <Page title="You said, we did">
      <ForumFollowUps forumId={forumId} />
    </Page>
  );
}
