// Who is signed in on this browser (GET /api/account/me), for the account and admin pages and the start page's links.
import { useCallback, useEffect, useMemo, useState } from "preact/hooks";
import { AccountHttp } from "../../client/accountHttp";
import type { MyAccount } from "../../client/accountProtocol";
import { isMeetingError } from "../../client/errors";
import { friendlyError, type FriendlyError } from "../../words/friendlyError";
import { writeAccountHint } from "./accountHint";

export type AccountState =
  | { status: "loading" }
  | { status: "signedOut" }
  | { status: "signedIn"; me: MyAccount }
  | { status: "failed"; error: FriendlyError };

/** Who is signed in; `enabled` false skips the request (the start page, when this browser never signed in). */
export function useAccount(enabled = true): { http: AccountHttp; state: AccountState; reload(): Promise<void> } {
  const http = useMemo(() => new AccountHttp({ baseUrl: location.origin, postAttempts: 1 }), []);
  const [state, setState] = useState<AccountState>({ status: "loading" });
  const reload = useCallback(async () => {
    try {
      const me = await http.me();
      writeAccountHint({ isAdmin: me.account.isAdmin });
      setState({ status: "signedIn", me });
    } catch (error) {
      // 401: nobody is signed in here (or the session ended: password changed elsewhere, account turned off).
      if (isMeetingError(error) && (error.status === 401 || error.code === "unauthenticated")) {
        writeAccountHint(null);
        setState({ status: "signedOut" });
      } else setState({ status: "failed", error: friendlyError(error) });
    }
  }, [http]);
  useEffect(() => {
    if (enabled) void reload();
    else setState({ status: "signedOut" });
  }, [reload, enabled]);
  return { http, state, reload };
}
