import { useMemo, useState } from "preact/hooks";
import { readSetUpFragment } from "../../app/routes";
import { AccountHttp } from "../../client/accountHttp";
import type { AccountView } from "../../client/accountProtocol";
import { SpokenText } from "../../components/SpokenText";
import { useCommand } from "../../meeting/useCommand";
import { Picture } from "../../pictures/Picture";
import { TextField } from "../../components/TextField";
import { Page } from "../Page";
import { FormEnd } from "../../components/FormEnd";
import { PictureLink } from "../../components/PictureLink";

/**
 * /set-up: a new (or reset) facilitator chooses a password with the one-time set-up link (or code) from an
 * administrator, and is signed in. The email and code come from the link's fragment, which is then removed from the
 * address bar (and from history), so the code does not stay on the screen or in the browser.
 */
export function SetUpPage() {
  const http = useMemo(() => new AccountHttp({ baseUrl: location.origin, postAttempts: 1 }), []);
  const fromLink = useMemo(() => {
    const found = readSetUpFragment(location.hash);
    if (location.hash) history.replaceState(null, "", location.pathname);
    return found;
  }, []);
  const [email, setEmail] = useState(fromLink.email);
  const [code, setCode] = useState(fromLink.code);
  const [password, setPassword] = useState("");
  const [again, setAgain] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [account, setAccount] = useState<AccountView | null>(null);
  const setUp = useCommand();

  async function submit(event: Event) {
    event.preventDefault();
    if (password !== again) return setProblem("The two passwords are not the same. Please type them again.");
    setProblem(null);
    const answer: { account?: AccountView } = {};
    await setUp.run(async () => {
      answer.account = await http.setUp({ email: email.trim(), code: code.trim(), password });
    });
    if (answer.account) setAccount(answer.account);
  }

  if (account) {
    return (
      <Page title="Your account is ready">
        <SpokenText text={`Welcome, ${account.displayName}. Your password is set and you are signed in.`} before={<Picture word="check" size="large" />} />
        <div class="button-row">
          <PictureLink class="button button-primary button-big" href="/start" picture="meeting" size="small">
            Start a meeting
          </PictureLink>
          <PictureLink class="button button-big" href="/account" picture="safe" size="small">
            Your account
          </PictureLink>
        </div>
      </Page>
    );
  }

  return (
    <Page title="Choose your password">
      <form class="panel" onSubmit={submit} noValidate>
        <SpokenText text="An administrator made an account for you. Choose your own password here. Nobody else will know it." before={<Picture word="safe" size="medium" />} />
        <TextField id="set-up-email" label="Your email" type="email" value={email} onChange={setEmail} autoComplete="username" />
        <TextField id="set-up-code" label="Set-up code" type="text" value={code} onChange={setCode} autoComplete="one-time-code" hint="It is in the set-up link. You can also type it." />
        <TextField id="set-up-password" label="New password" type="password" value={password} onChange={setPassword} autoComplete="new-password" hint="At least 12 characters. A few words together work well." />
        <TextField id="set-up-password-again" label="New password again" type="password" value={again} onChange={setAgain} autoComplete="new-password" />
        <FormEnd problem={problem} error={setUp.error} busy={setUp.busy} buttonClass="button button-primary button-big">
          {setUp.busy ? "Saving..." : "Save my password"}
        </FormEnd>
      </form>
    </Page>
  );
}
