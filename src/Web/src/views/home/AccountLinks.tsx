import { MY_MEETINGS_PATH, adminPath } from "../../app/routes";
import { readAccountHint } from "../account/accountHint";
import { useAccount } from "../account/useAccount";
import { PictureLink } from "../../components/PictureLink";

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
        <PictureLink class="big-link" href={MY_MEETINGS_PATH} picture="agenda" size="large">
          My meetings
        </PictureLink>
      )}
      {isAdmin && (
        <PictureLink class="big-link" href={adminPath("home")} picture="people" size="large">
          Administration: facilitators, forums, what happened
        </PictureLink>
      )}
      <PictureLink class="big-link" href="/account" picture="safe" size="large">
        {state.status === "signedIn" ? `Your account (${state.me.account.displayName})` : "Your account (facilitators)"}
      </PictureLink>
    </>
  );
}
