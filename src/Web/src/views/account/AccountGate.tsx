import type { ComponentChildren } from "preact";
import { linkClick } from "../../app/navigation";
import type { AccountHttp } from "../../client/accountHttp";
import type { MyAccount } from "../../client/accountProtocol";
import { ErrorNote } from "../../components/ErrorNote";
import { SpokenText } from "../../components/SpokenText";
import { Picture } from "../../pictures/Picture";
import { SignInForm } from "../start/SignInForm";
import type { AccountState } from "./useAccount";

interface AccountGateProps {
  http: AccountHttp;
  state: AccountState;
  reload(): Promise<void>;
  /** Only administrators may see what is inside. */
  adminOnly?: boolean;
  children(me: MyAccount): ComponentChildren;
}

/** Shows its children to a signed-in account (an administrator, if adminOnly); otherwise the sign-in form or why not. */
export function AccountGate({ http, state, reload, adminOnly = false, children }: AccountGateProps) {
  switch (state.status) {
    case "loading":
      return <p role="status">Loading...</p>;
    case "failed":
      return <ErrorNote error={state.error} />;
    case "signedOut":
      return (
        <SignInForm
          http={http}
          onSignedIn={() => void reload()}
          intro={adminOnly ? "Only administrators can see this page. Please sign in with your email and password." : "Please sign in with your email and password."}
          submitLabel="Sign in"
        />
      );
    case "signedIn":
      if (adminOnly && !state.me.account.isAdmin) {
        return (
          <>
            <SpokenText text="Only administrators can see this page. Please ask an administrator if you need something changed." before={<Picture word="safe" size="large" />} />
            <p>
              <a class="button" href="/account" onClick={linkClick}>
                Go to your account
              </a>
            </p>
          </>
        );
      }
      return <>{children(state.me)}</>;
  }
}
