import { useEffect, useMemo, useState } from "preact/hooks";
import { AccountHttp } from "../../client/accountHttp";
import type { ForumView } from "../../client/accountProtocol";
import { useCommand, type CommandRunner } from "../../meeting/useCommand";
import { readSignedIn } from "../../session/signedInRead";

export interface ForumLoad {
  http: AccountHttp;
  /** The forum, once found among the signed-in facilitator's forums. */
  forum: ForumView | null;
  /** Nobody is signed in: the page shows the sign-in form. */
  needsSignIn: boolean;
  /** Signed in, but this forum is not one of theirs (or does not exist). */
  notFound: boolean;
  load: CommandRunner;
  reload(): Promise<void>;
}

/** The forum pages are for the forum's facilitators: find the forum among the signed-in account's forums. */
export function useForum(forumId: string): ForumLoad {
  const http = useMemo(() => new AccountHttp({ baseUrl: location.origin }), []);
  const [forum, setForum] = useState<ForumView | null>(null);
  const [needsSignIn, setNeedsSignIn] = useState(false);
  const [notFound, setNotFound] = useState(false);
  const load = useCommand();

  async function reload() {
    setNeedsSignIn(await readSignedIn(load, async () => {
      const found = (await http.listForums()).find((f) => f.id.toLowerCase() === forumId) ?? null;
      setForum(found);
      setNotFound(found === null);
    }));
  }

  useEffect(() => void reload(), [forumId]);
  return { http, forum, needsSignIn, notFound, load, reload };
}
