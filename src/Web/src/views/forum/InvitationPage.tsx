import { useEffect, useMemo, useState } from "preact/hooks";
import { ForumHttp } from "../../client/forumHttp";
import type { InvitationView } from "../../client/forumProtocol";
import { ErrorNote } from "../../components/ErrorNote";
import { SpokenText } from "../../components/SpokenText";
import { useCommand } from "../../meeting/useCommand";
import { Picture } from "../../pictures/Picture";
import { Page } from "../Page";
import { whenText } from "./ForumMeetings";
import { LastIdeasSlot } from "./ForumSlots";
import "./forum.css";

/**
 * /invitations/{key}: the Easy Read invitation to a planned meeting, to print or share. Anyone may open it only when
 * the facilitator chose so; then it never says who comes. Signed-in facilitators see the forum's people too.
 */
export function InvitationPage({ invitationKey }: { invitationKey: string }) {
  const http = useMemo(() => new ForumHttp({ baseUrl: location.origin }), []);
  const [invitation, setInvitation] = useState<InvitationView | null>(null);
  const load = useCommand();
  useEffect(() => void load.run(async () => setInvitation(await http.getInvitation(invitationKey))), []);

  return (
    <Page title={invitation ? `You are invited: ${invitation.forumName}` : "You are invited"}>
      <ErrorNote error={load.error} />
      {invitation && (
        <>
          <SpokenText text="Please come to the next meeting of the forum." before={<Picture word="hello" size="medium" />} />
          <dl class="panel invitation-facts">
            <dt>
              <Picture word="calendar" size="small" /> When
            </dt>
            <dd>{whenText(invitation.startsAt)}</dd>
            <dt>
              <Picture word={invitation.isVideoLink ? "computer" : "home"} size="small" /> Where
            </dt>
            <dd class="break-anywhere">
              {invitation.isVideoLink ? (
                <>
                  On a video call: <a href={invitation.place}>{invitation.place}</a>
                </>
              ) : (
                invitation.place
              )}
            </dd>
            <dt>
              <Picture word="talk" size="small" /> What we will talk about
            </dt>
            <dd class="break-anywhere">{invitation.about}</dd>
          </dl>
          <LastIdeasSlot lastIdeas={invitation.lastIdeas} />
          {invitation.people.length > 0 && (
            <section aria-labelledby="invited-heading">
              <h2 id="invited-heading">Who is invited</h2>
              <ul class="forum-people" aria-label="Who is invited">
                {invitation.people.map((p) => (
                  <li key={p.displayName} class="with-picture">
                    <Picture word={p.picture ?? (p.kind === "Listener" ? "listener" : "member")} size="small" />
                    <span class="break-anywhere">
                      {p.displayName}
                      {p.roleWords ? ` (${p.roleWords})` : ""}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <p>Bring your forum card. It lets you join with your name and picture.</p>
          <div class="button-row">
            <button type="button" class="button" onClick={() => window.print()}>
              Print the invitation
            </button>
          </div>
        </>
      )}
    </Page>
  );
}
