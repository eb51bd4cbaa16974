import { useEffect, useMemo, useState } from "preact/hooks";
import { linkClick, navigate } from "../../app/navigation";
import { meetingPath, MY_MEETINGS_PATH } from "../../app/routes";
import { ForumHttp } from "../../client/forumHttp";
import type { ForumCard, ForumMemberView, ForumPage as Forum, NewcomerView, PlannedMeetingView } from "../../client/forumProtocol";
import { ErrorNote } from "../../components/ErrorNote";
import { SpokenText } from "../../components/SpokenText";
import { useCommand } from "../../meeting/useCommand";
import { Picture } from "../../pictures/Picture";
import { sessions } from "../../session/sessionStore";
import { readSignedIn } from "../../session/signedInRead";
import { Page } from "../Page";
import { SignInForm } from "../start/SignInForm";
import { AddForumMemberForm } from "./AddForumMemberForm";
import { ForumCardSheet } from "./ForumCardSheet";
import { MeetingList, PlannedMeetings } from "./ForumMeetings";
import { ForumPeople } from "./ForumPeople";
import { CoProductionSlot, YouSaidWeDidSlot } from "./ForumSlots";
import { PlanMeetingForm } from "./PlanMeetingForm";
import "./forum.css";

/**
 * /forums/{forumId}: a forum that remembers (issue 14). Its members and listeners with their pictures and cards, its
 * live, planned and past meetings, and newcomers from its latest meetings, for a signed-in facilitator of its
 * organisation. Starting a planned meeting opens the console, as "Start a meeting" does.
 */
export function ForumPage({ forumId }: { forumId: string }) {
  const http = useMemo(() => new ForumHttp({ baseUrl: location.origin }), []);
  const [forum, setForum] = useState<Forum | null>(null);
  const [needsSignIn, setNeedsSignIn] = useState(false);
  const [card, setCard] = useState<ForumCard | null>(null);
  const load = useCommand();
  const act = useCommand();

  async function refresh() {
    setNeedsSignIn(await readSignedIn(load, async () => setForum(await http.getForum(forumId))));
  }
  useEffect(() => void refresh(), []);

  const showCard = (made: ForumCard) => {
    setCard(made);
    void refresh();
    requestAnimationFrame(() => document.getElementById("forum-card-heading")?.focus());
  };
  const newCard = (person: ForumMemberView) =>
    void act.run(async () => {
      if (!window.confirm(`Make a new card for ${person.displayName}? Their old card will stop working.`)) return;
      showCard(await http.issueCard(forumId, person.id));
    });
  const addNewcomer = (person: NewcomerView, keepsRecord: boolean) =>
    void act.run(async () => showCard((await http.addNewcomer(forumId, person.meetingId, person.participantId, keepsRecord)).card));
  const start = (planned: PlannedMeetingView) =>
    void act.run(async () => {
      const created = await http.startPlannedMeeting(forumId, planned.id);
      sessions.save({
        meetingId: created.meetingId,
        participantId: created.facilitatorId,
        role: "facilitator",
        token: created.facilitatorToken,
        joinCode: created.joinCode,
        listenerCode: created.listenerCode,
        screenToken: created.screenToken,
      });
      navigate(meetingPath(created.meetingId, created.facilitatorId));
    });

  return (
    <Page title={forum ? `Forum: ${forum.name}` : "Forum"}>
      <SpokenText text="The people of this forum, and its meetings." before={<Picture word="people" size="medium" />} />
      {needsSignIn && <SignInForm http={http} onSignedIn={() => void refresh()} intro="Please sign in to see this forum." submitLabel="Sign in" />}
      {!needsSignIn && <ErrorNote error={load.error} />}
      <ErrorNote error={act.error} />
      {card && <ForumCardSheet card={card} onDone={() => setCard(null)} />}
      {forum && (
        <>
          <section aria-labelledby="forum-members-heading">
            <h2 id="forum-members-heading">Members</h2>
            <ForumPeople label="Members" people={forum.members} busy={act.busy} http={http} forumId={forumId} onNewCard={newCard} onChanged={() => void refresh()} />
            <details class="panel">
              <summary>Add a member</summary>
              <AddForumMemberForm http={http} forumId={forumId} kind="member" onAdded={showCard} />
            </details>
          </section>
          <section aria-labelledby="forum-listeners-heading">
            <h2 id="forum-listeners-heading">Listeners</h2>
            <p class="hint">Trustees and managers who listen and answer.</p>
            <ForumPeople label="Listeners" people={forum.listeners} busy={act.busy} http={http} forumId={forumId} onNewCard={newCard} onChanged={() => void refresh()} />
            <details class="panel">
              <summary>Add a listener</summary>
              <AddForumMemberForm http={http} forumId={forumId} kind="listener" onAdded={showCard} />
            </details>
          </section>
          <YouSaidWeDidSlot forum={forum} />
          <section aria-labelledby="forum-live-heading">
            <h2 id="forum-live-heading">Meetings now</h2>
            <MeetingList label="Meetings now" meetings={forum.liveMeetings} />
            {forum.liveMeetings.length > 0 && (
              <a href={MY_MEETINGS_PATH} onClick={linkClick}>
                Open a meeting from My meetings
              </a>
            )}
          </section>
          <section aria-labelledby="forum-planned-heading">
            <h2 id="forum-planned-heading">Planned meetings</h2>
            <PlannedMeetings planned={forum.plannedMeetings} busy={act.busy} http={http} forumId={forumId} onStart={start} onChanged={() => void refresh()} />
            <details class="panel">
              <summary>Plan the next meeting</summary>
              <PlanMeetingForm http={http} forumId={forumId} onPlanned={() => void refresh()} />
            </details>
          </section>
          {forum.newcomers.length > 0 && (
            <section aria-labelledby="forum-newcomers-heading">
              <h2 id="forum-newcomers-heading">New people at the last meetings</h2>
              <p class="hint">They joined with the meeting's code. Ask them: may we keep a record of the meetings you come to?</p>
              <ul class="forum-people" aria-label="New people">
                {forum.newcomers.map((person) => (
                  <li key={person.participantId} class="panel forum-person">
                    <div class="with-picture">
                      <Picture word={person.picture ?? "member"} size="medium" />
                      <p class="forum-person-name break-anywhere">{person.displayName}</p>
                    </div>
                    <div class="button-row">
                      <button type="button" class="button" disabled={act.busy} onClick={() => addNewcomer(person, true)}>
                        Add to the forum: record yes<span class="visually-hidden"> ({person.displayName})</span>
                      </button>
                      <button type="button" class="button" disabled={act.busy} onClick={() => addNewcomer(person, false)}>
                        Add to the forum: no record<span class="visually-hidden"> ({person.displayName})</span>
                      </button>
                    </div>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section aria-labelledby="forum-past-heading">
            <h2 id="forum-past-heading">Past meetings</h2>
            <MeetingList label="Past meetings" meetings={forum.pastMeetings} />
          </section>
          <CoProductionSlot forum={forum} />
        </>
      )}
    </Page>
  );
}
