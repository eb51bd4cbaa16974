import { useEffect, useMemo, useState } from "preact/hooks";
import { linkClick } from "../../app/navigation";
import { MY_MEETINGS_PATH } from "../../app/routes";
import { MeetingHttp } from "../../client/meetingClient";
import { maybeSignedIn, rememberSignedIn } from "../../session/signedInHint";
import { SpokenText } from "../../components/SpokenText";
import { Picture } from "../../pictures/Picture";
import { Page } from "../Page";

export function HomePage() {
  const signedIn = useSignedIn();
  return (
    <Page title="ForumHub">
      <SpokenText text="ForumHub helps people run forum meetings together. Everyone gets Easy Read minutes." />
      <nav class="home-choices" aria-label="What do you want to do?">
        <a class="big-link" href="/join" onClick={linkClick}>
          <Picture word="hello" size="large" />
          <span>Join a meeting</span>
        </a>
        <a class="big-link" href="/start" onClick={linkClick}>
          <Picture word="facilitator" size="large" />
          <span>Start a meeting (facilitators)</span>
        </a>
        {signedIn && (
          <a class="big-link" href={MY_MEETINGS_PATH} onClick={linkClick}>
            <Picture word="agenda" size="large" />
            <span>My meetings</span>
          </a>
        )}
      </nav>
    </Page>
  );
}

/** A facilitator signed in on this browser gets "My meetings" (asked only when this browser signed someone in before). */
function useSignedIn(): boolean {
  const http = useMemo(() => new MeetingHttp({ baseUrl: location.origin }), []);
  const [signedIn, setSignedIn] = useState(false);
  useEffect(() => {
    if (!maybeSignedIn()) return;
    let current = true;
    http.getMyAccount().then(
      () => current && setSignedIn(true),
      () => {
        // Signed out, or the session ended: stop asking on every visit.
        rememberSignedIn(false);
      },
    );
    return () => {
      current = false;
    };
  }, [http]);
  return signedIn;
}
