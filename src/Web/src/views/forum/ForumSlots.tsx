import { useEffect, useMemo, useState } from "preact/hooks";
import { linkClick } from "../../app/navigation";
import type { ForumPage, LastIdeasView } from "../../client/forumProtocol";
import { ForumInsightsHttp } from "../../client/forumInsightsHttp";
import type { CoProductionFigures } from "../../client/forumInsightsProtocol";
import { ErrorNote } from "../../components/ErrorNote";
import { useCommand } from "../../meeting/useCommand";
import { CoProductionPanel } from "./CoProductionPanel";
import { ForumFollowUps } from "./ForumFollowUps";
import { LastIdeas } from "./LastIdeas";

// Places on the forum page that other parts of the forum's memory fill, one component per place, so each feature
// edits only its own.

/** "You said, we did": the forum's open listener responses and actions, and how long each has been open. */
export function YouSaidWeDidSlot({ forum }: { forum: ForumPage }) {
  return <ForumFollowUps forumId={forum.id} />;
}

/**
 * "Is co-production happening?" for the year up to today (the chart with its table), with links to other days and
 * to the search of the forum's minutes.
 */
export function CoProductionSlot({ forum }: { forum: ForumPage }) {
  const http = useMemo(() => new ForumInsightsHttp({ baseUrl: location.origin }), []);
  const [figures, setFigures] = useState<CoProductionFigures | null>(null);
  const load = useCommand();
  useEffect(() => void load.run(async () => setFigures(await http.coProduction(forum.id))), [forum.id]);
  return (
    <section aria-labelledby="forum-insights-heading">
      <h2 id="forum-insights-heading">How the forum works</h2>
      <div class="button-row">
        <a class="button" href={`/forums/${forum.id}/search`} onClick={linkClick}>
          Search the minutes
        </a>
        <a class="button" href={`/forums/${forum.id}/co-production`} onClick={linkClick}>
          Co-production: choose the days
        </a>
      </div>
      {figures && <CoProductionPanel figures={figures} />}
      <ErrorNote error={load.error} />
    </section>
  );
}

/** On the invitation: "What happened to your last ideas" (InvitationView.lastIdeas; nothing before a first meeting). */
export function LastIdeasSlot({ lastIdeas }: { lastIdeas: LastIdeasView | null }) {
  return lastIdeas ? <LastIdeas lastIdeas={lastIdeas} /> : null;
}
