import { useEffect, useMemo, useState } from "preact/hooks";
import { linkClick } from "../../../app/navigation";
import type { ForumRecordView } from "../../../client/forumProtocol";
import { ForumHttp } from "../../../client/forumHttp";
import { FormEnd } from "../../../components/FormEnd";
import { SpokenText } from "../../../components/SpokenText";
import { TextField } from "../../../components/TextField";
import { useCommand } from "../../../meeting/useCommand";
import { Picture } from "../../../pictures/Picture";
import { Page } from "../../Page";
import { ForumRecordSheet } from "./ForumRecordSheet";

/** The card's code from the address fragment (the card page's link), then out of the address bar. */
function codeFromFragment(): string {
  const code = decodeURIComponent(location.hash.replace(/^#/, ""));
  if (code) history.replaceState(null, "", location.pathname);
  return code;
}

/**
 * /record: "My forum record" for a member, with their forum card. The card page links here with the code in the
 * fragment (shown at once); else the member types the code. The code goes to the server in the body only.
 */
export function MyRecordPage() {
  const http = useMemo(() => new ForumHttp({ baseUrl: location.origin }), []);
  const [code, setCode] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [record, setRecord] = useState<ForumRecordView | null>(null);
  const show = useCommand();

  async function showFor(value: string) {
    if (value.replace(/[\s-]/g, "").length !== 10) return setProblem("Please type the 10 letters and numbers on your card.");
    setProblem(null);
    await show.run(async () => {
      setRecord(await http.recordByCard(value));
      setCode("");
    });
  }

  useEffect(() => {
    const carried = codeFromFragment();
    if (carried) void showFor(carried);
  }, []);

  if (record)
    return (
      <Page title="My forum record">
        <ForumRecordSheet record={record} />
        <p class="forum-record-door">
          <a href="/card" class="button" onClick={linkClick}>
            Back to my forum card
          </a>
        </p>
      </Page>
    );

  return (
    <Page title="My forum record">
      <SpokenText
        text="Your forum record says what you did in the forum's meetings. You can print it for a job or a course."
        before={<Picture word="book" size="medium" />}
      />
      <form
        class="panel say-form"
        onSubmit={(e) => {
          e.preventDefault();
          void showFor(code);
        }}
      >
        <TextField id="record-code" label="The code on your card" hint="10 letters and numbers, like ACDEF GHJKM." value={code} onChange={setCode} maxLength={14} autoComplete="off" />
        <FormEnd problem={problem} error={show.error} busy={show.busy} buttonClass="button button-primary button-big">
          See my forum record
        </FormEnd>
      </form>
    </Page>
  );
}
