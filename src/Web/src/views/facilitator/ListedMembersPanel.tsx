import { useEffect, useMemo, useState } from "preact/hooks";
import { isMeetingError } from "../../client/errors";
import { ForumHttp } from "../../client/forumHttp";
import type { ListedMemberView } from "../../client/forumProtocol";
import { ErrorNote } from "../../components/ErrorNote";
import { PictureSection } from "../../components/PictureSection";
import { useCommand } from "../../meeting/useCommand";
import { Picture } from "../../pictures/Picture";

interface Props {
  meetingId: string;
  token: string;
  /** How many people are in the meeting: the list is asked again when someone comes. */
  peopleCount: number;
}

/**
 * One tap for a member of the forum who is in the room without a device: the facilitator adds them from the forum's
 * list, with their name and picture (POST .../forum-members/{id}/add, the AddMemberWithoutDevice path). Nothing shows
 * for a meeting that is not a forum's.
 */
export function ListedMembersPanel({ meetingId, token, peopleCount }: Props) {
  const http = useMemo(() => new ForumHttp({ baseUrl: location.origin }), []);
  const [listed, setListed] = useState<ListedMemberView[] | null>(null);
  const add = useCommand();

  async function refresh() {
    try {
      setListed(await http.listListedMembers(meetingId, token));
    } catch (error) {
      if (isMeetingError(error) && error.code === "not_a_forum_meeting") setListed([]);
    }
  }
  useEffect(() => void refresh(), [peopleCount]);

  const absent = (listed ?? []).filter((m) => m.kind === "Member" && m.participantId === null);
  if (!listed || listed.filter((m) => m.kind === "Member").length === 0) return null;
  return (
    <PictureSection class="panel" headingId="listed-members-heading" picture="member" title="The forum's members">
      {absent.length === 0 ? (
        <p class="hint">Every member of the forum is here.</p>
      ) : (
        <>
          <p>Is someone here without a phone? Tap their name to add them.</p>
          <ul class="forum-people" aria-label="Members not here yet">
            {absent.map((m) => (
              <li key={m.id}>
                <button
                  type="button"
                  class="button with-picture"
                  disabled={add.busy}
                  onClick={() =>
                    void add.run(async () => {
                      await http.addListedMember(meetingId, m.id, token);
                      await refresh();
                    })
                  }
                >
                  <Picture word={m.picture ?? "member"} size="small" />
                  Add {m.displayName}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <ErrorNote error={add.error} />
    </PictureSection>
  );
}
