import { useMemo, useState } from "preact/hooks";
import { navigate } from "../../app/navigation";
import { joinPath, meetingPath } from "../../app/routes";
import { newCommandId } from "../../client/commandQueue";
import { MeetingHttp } from "../../client/meetingClient";
import type { CodeInfo } from "../../client/protocol";
import { ErrorNote } from "../../components/ErrorNote";
import { Keypad } from "../../components/Keypad";
import { SpokenText } from "../../components/SpokenText";
import { useCommand } from "../../meeting/useCommand";
import { Picture } from "../../pictures/Picture";
import { sessions } from "../../session/sessionStore";
import { AlreadyHere } from "./AlreadyHere";
import { Page } from "../Page";
import { JoinDetailsForm, type JoinDetails } from "./JoinDetailsForm";
import { TakeOverConfirm } from "./TakeOverConfirm";

/**
 * Join a meeting: 1. the code (keypad, or from the QR code / link), 2. who you are, your name and picture
 * (a supporter also picks the member they support; a listener code makes you a listener).
 */
export function JoinPage({ initialCode }: { initialCode: string }) {
  const http = useMemo(() => new MeetingHttp({ baseUrl: location.origin }), []);
  const [code, setCode] = useState(initialCode);
  const [info, setInfo] = useState<CodeInfo | null>(null);
  const lookUp = useCommand();
  const join = useCommand();
  // One commandId for this join: trying again after a lost answer gets the same person back.
  const joinCommandId = useMemo(() => newCommandId(), []);

  async function checkCode(event: Event) {
    event.preventDefault();
    await lookUp.run(async () => {
      setInfo(await http.lookUpCode(code));
      // The address now carries the code (a reload comes back here), without re-opening the page.
      if (location.pathname !== joinPath(code)) history.replaceState(null, "", joinPath(code));
    });
  }

  async function refreshMembers() {
    await lookUp.run(async () => setInfo(await http.lookUpCode(code)));
  }

  async function joinMeeting(details: JoinDetails | null) {
    await join.run(async () => {
      // details null: a take-over code; the server knows who this phone is, so no name is sent.
      const joined = await http.join(
        details === null
          ? { commandId: joinCommandId, code, displayName: "" }
          : {
              commandId: joinCommandId,
              code,
              displayName: details.name,
              role: info?.isListenerCode ? "listener" : details.role,
              picture: details.picture,
              supportsMemberId: details.role === "supporter" ? details.supportsMemberId : null,
            },
      );
      sessions.save({
        meetingId: joined.meetingId,
        participantId: joined.participantId,
        role: joined.role,
        token: joined.token,
        displayName: details?.name.trim() ?? info?.takeOverAs?.displayName,
        joinCommandId,
      });
      // Kept beside anyone else this browser holds for the meeting (never over them); the address says who this tab is.
      navigate(meetingPath(joined.meetingId, joined.participantId));
    });
  }

  if (!info) {
    return (
      <Page title="Join a meeting">
        <form class="panel join-code-form" onSubmit={checkCode} noValidate>
          <SpokenText text="Type the code for the meeting. You can find it on the big screen." before={<Picture word="hello" size="medium" />} />
          <Keypad label="Meeting code" value={code} onChange={setCode} />
          <ErrorNote error={lookUp.error} />
          <button type="submit" class="button button-primary button-big" disabled={lookUp.busy || code.length < 6}>
            {lookUp.busy ? "Checking..." : "Next"}
          </button>
        </form>
      </Page>
    );
  }

  const back = () => {
    setInfo(null);
    join.clearError();
  };
  if (info.takeOverAs) {
    return (
      <Page title={`Join: ${info.title}`}>
        <TakeOverConfirm member={info.takeOverAs} busy={join.busy} error={join.error} onTakeOver={() => void joinMeeting(null)} onBack={back} />
      </Page>
    );
  }

  return (
    <Page title={`Join: ${info.title}`}>
      <AlreadyHere meetingId={info.meetingId} />
      <JoinDetailsForm
        info={info}
        busy={join.busy}
        error={join.error}
        onJoin={joinMeeting}
        onLookAgain={refreshMembers}
        lookingAgain={lookUp.busy}
        onBack={back}
      />
    </Page>
  );
}
