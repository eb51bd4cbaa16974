import { useEffect, useMemo, useState } from "preact/hooks";
import { linkClick } from "../../../app/navigation";
import { forumPath } from "../../../app/routes";
import { isMeetingError } from "../../../client/errors";
import type { ForumRecordView } from "../../../client/forumProtocol";
import { ForumHttp } from "../../../client/forumHttp";
import { ErrorNote } from "../../../components/ErrorNote";
import { useCommand } from "../../../meeting/useCommand";
import { Page } from "../../Page";
import { SignInForm } from "../../start/SignInForm";
import { ForumRecordSheet } from "./ForumRecordSheet";

/**
 * /forums/{forumId}/members/{memberId}/record: a member's forum record for the forum's facilitator, to read and
 * print with them (from the forum page's list of members). The same sheet the member sees with their card.
 */
export function MemberRecordPage({ forumId, memberId }: { forumId: string; memberId: string }) {
  const http = useMemo(() => new ForumHttp({ baseUrl: location.origin }), []);
  const [record, setRecord] = useState<ForumRecordView | null>(null);
  const [needsSignIn, setNeedsSignIn] = useState(false);
  const load = useCommand();

  async function refresh() {
    let unauthenticated = false;
    await load.run(async () => {
      try {
        setRecord(await http.getRecord(forumId, memberId));
      } catch (error) {
        if (isMeetingError(error) && error.status === 401) {
          unauthenticated = true;
          return;
        }
        throw error;
      }
    });
    setNeedsSignIn(unauthenticated);
  }
  useEffect(() => void refresh(), []);

  return (
    <Page title="My forum record">
      {needsSignIn ? (
        <SignInForm http={http} onSignedIn={() => void refresh()} intro="Forum records are for the forum's facilitators. Please sign in." submitLabel="Sign in" />
      ) : load.error ? (
        <ErrorNote error={load.error} />
      ) : record ? (
        <>
          <p class="note no-print">This is the record of {record.displayName}. Please read it and print it with them.</p>
          <ForumRecordSheet record={record} />
        </>
      ) : (
        <p role="status">Please wait a moment.</p>
      )}
      <p class="forum-record-door">
        <a href={forumPath(forumId)} class="button" onClick={linkClick}>
          Back to the forum
        </a>
      </p>
    </Page>
  );
}
