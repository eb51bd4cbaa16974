import { useEffect, useMemo, useState } from "preact/hooks";
import { AccountHttp } from "../../client/accountHttp";
import type { ForumFollowUpList } from "../../client/accountProtocol";
import { ErrorNote } from "../../components/ErrorNote";
import { PictureSection } from "../../components/PictureSection";
import { SpokenText } from "../../components/SpokenText";
import { useCommand } from "../../meeting/useCommand";

/**
 * "You said, we did" for the forum page: what listeners said or trustees and managers own, still open, with how long
 * each has been open. The words come from the server already in Easy Read (one short sentence a line); each one can
 * be read aloud. The forum page includes it; /forums/{forumId}/you-said-we-did shows it alone.
 */
export function ForumFollowUps({ forumId }: { forumId: string }) {
  const http = useMemo(() => new AccountHttp({ baseUrl: location.origin }), []);
  const [list, setList] = useState<ForumFollowUpList | null>(null);
  const load = useCommand();
  useEffect(() => void load.run(async () => setList(await http.listForumFollowUps(forumId))), [forumId]);
  return (
    <PictureSection class="panel you-said-we-did" headingId={`you-said-${forumId}`} picture="action" title="You said, we did">
      {list === null ? (
        <p class="hint">{load.busy ? "Loading." : ""}</p>
      ) : list.followUps.length === 0 ? (
        <p>Nothing is waiting. Everything people asked for is done or answered.</p>
      ) : (
        <ul class="said-list">
          {list.followUps.map((f) => (
            <li key={f.followUpId} class={`follow-up follow-up-${f.status}`}>
              <SpokenText text={f.easyRead[0] ?? f.text} spoken={f.easyRead.join(" ")} after={
                <span class="support-note">{f.easyRead.slice(1).join(" ")}</span>
              } />
            </li>
          ))}
        </ul>
      )}
      <ErrorNote error={load.error} />
    </PictureSection>
  );
}
