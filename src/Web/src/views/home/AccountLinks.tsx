import { linkClick } from "../../app/navigation";
import { MY_MEETINGS_PATH, adminPath } from "../../app/routes";
import { Picture } from "../../pictures/Picture";
import { readAccountHint } from "../account/accountHint";
import { useAccount } from "../account/useAccount";

/**
 * The start page's links for facilitators: My meetings and their account when signed in, and the admin pages for a
 * signed-in administrator. The Api is asked who is signed in only when this browser was signed in before (see
 * accountHint.ts).
 */
export function AccountLinks() {
  const { state } = useAccount(readAccountHint() !== null);
  const isAdmin = state.status === "signedIn" && state.me.account.isAdmin;
  return (
    <>
      {state.status === "signedIn" && (
        <a class="big-link" href={MY_MEETINGS_PATH} onClick={linkClick}>
          <Picture word="agenda" size="large" />
          <span>My meetings</span>
        </a>
      )}
      {isAdmin && (
        <a class="big-link" href={adminPath("home")} onClick={linkClick}>
          <Picture word="people" size="large" />
          <span>Administration: facilitators, forums, what happened</span>
        </a>
      )}
      <a class="big-link" href="/account" onClick={linkClick}>
        <Picture word="safe" size="large" />
        <span>{state.status === "signedIn" ? `Your account (${state.me.account.displayName})` : "Your account (facilitators)"}</span>
      </a>
    </>
  );
}
