import { useState } from "preact/hooks";
import { linkClick } from "../../app/navigation";
import { adminPath } from "../../app/routes";
import { ErrorNote } from "../../components/ErrorNote";
import { SpokenText } from "../../components/SpokenText";
import { useCommand } from "../../meeting/useCommand";
import { Picture } from "../../pictures/Picture";
import { Page } from "../Page";
import { AccountGate } from "./AccountGate";
import { ChangePasswordForm } from "./ChangePasswordForm";
import { useAccount } from "./useAccount";

/** /account: a facilitator's own account: who they are, change the password, sign out here or everywhere. */
export function AccountPage() {
  const account = useAccount();
  const signOut = useCommand();
  const [signedOut, setSignedOut] = useState<string | null>(null);

  async function end(everywhere: boolean) {
    if (await signOut.run(() => (everywhere ? account.http.signOutEverywhere() : account.http.signOut()))) {
      setSignedOut(everywhere ? "You are signed out on every computer and phone." : "You are signed out.");
      await account.reload();
    }
  }

  return (
    <Page title="Your account">
      {signedOut && (
        <p class="note note-good" role="status">
          <Picture word="check" size="small" />
          {signedOut}
        </p>
      )}
      <AccountGate {...account}>
        {(me) => (
          <>
            <section class="panel" aria-labelledby="who-heading">
              <h2 id="who-heading">Who you are</h2>
              <SpokenText
                text={`You are signed in as ${me.account.displayName}, of ${me.organisationName}.`}
                before={<Picture word={me.account.isAdmin ? "safe" : "facilitator"} size="medium" />}
              />
              <p class="item-meta break-anywhere">Email: {me.account.email}</p>
              <div class="button-row">
                <a class="button button-primary" href="/start" onClick={linkClick}>
                  <Picture word="meeting" size="small" />
                  <span>Start a meeting</span>
                </a>
                {me.account.isAdmin && (
                  <a class="button" href={adminPath("home")} onClick={linkClick}>
                    <Picture word="people" size="small" />
                    <span>Administration</span>
                  </a>
                )}
              </div>
            </section>
            <ChangePasswordForm http={account.http} />
            <section class="panel" aria-labelledby="sign-out-heading">
              <h2 id="sign-out-heading">Sign out</h2>
              <SpokenText
                text="Sign out here when you finish. Sign out everywhere if you lost a laptop or phone, or forgot to sign out on a shared computer."
                before={<Picture word="hello" size="medium" />}
              />
              <ErrorNote error={signOut.error} />
              <div class="button-row">
                <button type="button" class="button" disabled={signOut.busy} onClick={() => void end(false)}>
                  Sign out
                </button>
                <button type="button" class="button button-danger" disabled={signOut.busy} onClick={() => void end(true)}>
                  Sign out everywhere
                </button>
              </div>
            </section>
          </>
        )}
      </AccountGate>
    </Page>
  );
}
