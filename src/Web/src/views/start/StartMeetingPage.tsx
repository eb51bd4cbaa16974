import { useMemo, useState } from "preact/hooks";
import { linkClick, navigate } from "../../app/navigation";
import { MY_MEETINGS_PATH, meetingPath } from "../../app/routes";
import { newCommandId } from "../../client/commandQueue";
import { isMeetingError } from "../../client/errors";
import { MeetingHttp } from "../../client/meetingClient";
import { ErrorNote } from "../../components/ErrorNote";
import { SpokenText } from "../../components/SpokenText";
import { TextField } from "../../components/TextField";
import { useCommand } from "../../meeting/useCommand";
import { Picture } from "../../pictures/Picture";
import { sessions } from "../../session/sessionStore";
import { rememberSignedIn } from "../../session/signedInHint";
import { Page } from "../Page";
import { SignInForm } from "./SignInForm";
import { ProblemNote } from "../../components/FormEnd";

/**
 * A facilitator starts a meeting: title and their name -> POST /api/meetings (through MeetingHttp).
 * When the Api has facilitator accounts it answers 401 until the facilitator signs in (POST /api/account/sign-in);
 * the sign-in form then appears, and the meeting is created right after signing in, with the same commandId.
 */
export function StartMeetingPage() {
  const http = useMemo(() => new MeetingHttp({ baseUrl: location.origin }), []);
  const [title, setTitle] = useState("");
  const [name, setName] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [needsSignIn, setNeedsSignIn] = useState(false);
  const create = useCommand();
  const commandId = useMemo(() => newCommandId(), []);

  async function createMeeting() {
    let unauthenticated = false;
    await create.run(async () => {
      try {
        const created = await http.createMeeting({ commandId, title: title.trim(), facilitatorName: name.trim() });
        sessions.save({
          meetingId: created.meetingId,
          participantId: created.facilitatorId,
          role: "facilitator",
          token: created.facilitatorToken,
          displayName: name.trim(),
          joinCode: created.joinCode,
          listenerCode: created.listenerCode,
          screenToken: created.screenToken,
        });
        rememberSignedIn(true);
        // The address says who this tab is: a member joining in another tab of this browser never takes it over.
        navigate(meetingPath(created.meetingId, created.facilitatorId));
      } catch (error) {
        if (isMeetingError(error) && (error.status === 401 || error.code === "unauthenticated")) {
          unauthenticated = true;
          return;
        }
        throw error;
      }
    });
    setNeedsSignIn(unauthenticated);
  }

  function submit(event: Event) {
    event.preventDefault();
    if (title.trim() === "") return setProblem("Please give the meeting a name.");
    if (name.trim() === "") return setProblem("Please type your name.");
    setProblem(null);
    void createMeeting();
  }

  return (
    <Page title="Start a meeting">
      <form class="panel" onSubmit={submit} noValidate>
        <SpokenText text="You will run the meeting as its facilitator. Everyone else joins with a code." before={<Picture word="facilitator" size="medium" />} />
        <TextField id="meeting-title" label="Name of the meeting" hint="For example: North forum, March." maxLength={120} value={title} onChange={setTitle} />
        <TextField id="facilitator-name" label="Your name" maxLength={40} autoComplete="name" value={name} onChange={setName} />
        <ProblemNote problem={problem} />
        {!needsSignIn && <ErrorNote error={create.error} />}
        {!needsSignIn && (
          <button type="submit" class="button button-primary button-big" disabled={create.busy}>
            {create.busy ? "Starting..." : "Start the meeting"}
          </button>
        )}
      </form>
      {needsSignIn && <SignInForm http={http} onSignedIn={() => void createMeeting()} />}
      <p>
        <a href={MY_MEETINGS_PATH} onClick={linkClick}>
          My meetings: go back to a meeting you started
        </a>
      </p>
    </Page>
  );
}
