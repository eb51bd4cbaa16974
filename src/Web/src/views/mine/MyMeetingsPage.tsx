import { useEffect, useMemo, useState } from "preact/hooks";
import { linkClick, navigate } from "../../app/navigation";
import { forumPath, meetingPath, screenLink } from "../../app/routes";
import { AccountHttp } from "../../client/accountHttp";
import type { ForumView } from "../../client/accountProtocol";
import { MeetingHttp } from "../../client/meetingClient";
import type { MyMeeting } from "../../client/protocol";
import { ErrorNote } from "../../components/ErrorNote";
import { SpokenText } from "../../components/SpokenText";
import { useCommand } from "../../meeting/useCommand";
import { Picture } from "../../pictures/Picture";
import { sessions } from "../../session/sessionStore";
import { readSignedIn } from "../../session/signedInRead";
import { Page } from "../Page";
import { SignInForm } from "../start/SignInForm";
import { MyMeetingRow } from "./MyMeetingRow";

/**
 * /my-meetings: a signed-in facilitator's own meetings (GET /api/meetings/mine). "Open the console" asks for fresh
 * access (POST .../facilitator-access), keeps it on this device as the facilitator, and opens the console; "Open the
 * shared screen" turns this tab into the shared screen. No old tab or laptop is needed to get back in.
 */
export function MyMeetingsPage() {
  const http = useMemo(() => new MeetingHttp({ baseUrl: location.origin }), []);
  const [meetings, setMeetings] = useState<MyMeeting[] | null>(null);
  const [needsSignIn, setNeedsSignIn] = useState(false);
  const [forums, setForums] = useState<ForumView[]>([]);
  const load = useCommand();
  const open = useCommand();

  async function refresh() {
    setNeedsSignIn(await readSignedIn(load, async () => {
      setMeetings(await http.listMyMeetings());
      setForums(await new AccountHttp({ baseUrl: location.origin }).listForums());
    }));
  }

  useEffect(() => void refresh(), []);

  async function openConsole(meeting: MyMeeting) {
    await open.run(async () => {
      const access = await http.facilitatorAccess(meeting.meetingId);
      sessions.save({
        meetingId: access.meetingId,
        participantId: access.facilitatorId,
        role: "facilitator",
        token: access.facilitatorToken,
        displayName: meeting.facilitatorName ?? undefined,
        joinCode: access.joinCode,
        listenerCode: access.listenerCode,
        screenToken: access.screenToken,
      });
      navigate(meetingPath(access.meetingId, access.facilitatorId));
    });
  }

  async function openScreen(meeting: MyMeeting) {
    await open.run(async () => {
      const access = await http.facilitatorAccess(meeting.meetingId);
      // The screen page keeps the token from the address fragment and then takes it out of the address bar.
      const link = new URL(screenLink(location.origin, access.meetingId, access.screenToken, access.joinCode));
      navigate(link.pathname + link.hash);
    });
  }

  return (
    <Page title="My meetings">
      <SpokenText text="These are the meetings you started. Open the console to run a meeting again." before={<Picture word="facilitator" size="medium" />} />
      {needsSignIn && (
        <SignInForm http={http} onSignedIn={() => void refresh()} intro="Please sign in to see the meetings you started." submitLabel="Sign in and see my meetings" />
      )}
      {!needsSignIn && <ErrorNote error={load.error} />}
      <ErrorNote error={open.error} />
      {meetings && meetings.length === 0 && (
        <div class="panel">
          <p>You have not started a meeting yet.</p>
          <a class="button button-primary" href="/start" onClick={linkClick}>
            Start a meeting
          </a>
        </div>
      )}
      {meetings && meetings.length > 0 && (
        <ul class="my-meetings" aria-label="Meetings you started">
          {meetings.map((meeting) => (
            <MyMeetingRow key={meeting.meetingId} meeting={meeting} busy={open.busy} onConsole={openConsole} onScreen={openScreen} />
          ))}
        </ul>
      )}
      {forums.length > 0 && (
        <section class="panel" aria-labelledby="my-forums-heading">
          <h2 id="my-forums-heading">Forums</h2>
          <ul class="forum-meetings" aria-label="Forums">
            {forums.map((forum) => (
              <li key={forum.id}>
                <a href={forumPath(forum.id)} onClick={linkClick}>
                  {forum.name}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {!needsSignIn && (
        <p>
          <a href="/start" onClick={linkClick}>
            Start a new meeting
          </a>
        </p>
      )}
    </Page>
  );
}
