import { useEffect, useMemo, useState } from "preact/hooks";
import { linkClick, navigate } from "../../app/navigation";
import { meetingPath, myRecordPath } from "../../app/routes";
import { ForumHttp } from "../../client/forumHttp";
import { FormEnd } from "../../components/FormEnd";
import { SpokenText } from "../../components/SpokenText";
import { TextField } from "../../components/TextField";
import { useCommand } from "../../meeting/useCommand";
import { Picture } from "../../pictures/Picture";
import { sessions } from "../../session/sessionStore";
import { Page } from "../Page";
import "./forum.css";

/** The card's code from the address fragment (the QR code), then out of the address bar. */
function codeFromFragment(): string {
  const code = decodeURIComponent(location.hash.replace(/^#/, ""));
  if (code) history.replaceState(null, "", location.pathname);
  return code;
}

/**
 * /card: join the forum's meeting that is on now with a forum card, as yourself: no name to type, no picture to
 * choose. Scanning the card's QR code fills the code in (and joins at once); it can also be typed. The same code
 * opens "My forum record" (between meetings, a scanned card stays here with its code, so the link is one tap).
 */
export function CardJoinPage() {
  const http = useMemo(() => new ForumHttp({ baseUrl: location.origin }), []);
  const [code, setCode] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const join = useCommand();

  async function joinWith(value: string) {
    if (value.replace(/[\s-]/g, "").length !== 10) return setProblem("Please type the 10 letters and numbers on your card.");
    setProblem(null);
    await join.run(async () => {
      const joined = await http.joinWithCard(value);
      sessions.save({ meetingId: joined.meetingId, participantId: joined.participantId, role: joined.role, token: joined.token });
      navigate(meetingPath(joined.meetingId, joined.participantId));
    });
  }

  useEffect(() => {
    const scanned = codeFromFragment();
    if (scanned) {
      setCode(scanned);
      void joinWith(scanned);
    }
  }, []);

  return (
    <Page title="Join with your forum card">
      <SpokenText text="Your forum card knows your name and your picture. You do not need to type them." before={<Picture word="member" size="medium" />} />
      <form
        class="panel say-form"
        onSubmit={(e) => {
          e.preventDefault();
          void joinWith(code);
        }}
      >
        <TextField id="card-code" label="The code on your card" hint="10 letters and numbers, like ACDEF GHJKM." value={code} onChange={setCode} maxLength={14} autoComplete="off" />
        <FormEnd problem={problem} error={join.error} busy={join.busy} buttonClass="button button-primary button-big">
          Join the meeting
        </FormEnd>
      </form>
      <section class="panel" aria-labelledby="card-record-heading">
        <h2 id="card-record-heading" class="with-picture">
          <Picture word="book" size="medium" />
          <span>My forum record</span>
        </h2>
        <SpokenText text="See what you did in the forum's meetings. You can print it." />
        {/* The code goes in the fragment, which never reaches a server or a log. */}
        <a href={myRecordPath(code.trim())} class="button button-big" onClick={linkClick}>
          See my forum record
        </a>
      </section>
    </Page>
  );
}
