import { useState } from "preact/hooks";
import type { MeetingHttp } from "../../client/meetingClient";
import { ErrorNote } from "../../components/ErrorNote";
import { SpokenText } from "../../components/SpokenText";
import { TextField } from "../../components/TextField";
import { useCommand } from "../../meeting/useCommand";
import { Picture } from "../../pictures/Picture";
import { writeAccountHint } from "../account/accountHint";

interface SignInFormProps {
  http: MeetingHttp;
  onSignedIn(): void;
  /** Why this page needs a sign-in, and the button's words (the account and admin pages say their own). */
  intro?: string;
  submitLabel?: string;
}

/** Facilitator sign-in (email and password). The browser keeps the session cookie the Api sets. */
export function SignInForm({
  http,
  onSignedIn,
  intro = "Only facilitators with an account can start a meeting. Please sign in with your email and password.",
  submitLabel = "Sign in and start the meeting",
}: SignInFormProps) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const signIn = useCommand();

  async function submit(event: Event) {
    event.preventDefault();
    const answer: { isAdmin?: boolean } = {};
    const signedIn = await signIn.run(async () => {
      const { account } = await http.signIn({ email: email.trim(), password });
      answer.isAdmin = (account as { isAdmin?: unknown } | null)?.isAdmin === true;
    });
    if (!signedIn) return;
    // The start page then shows this account's links (and the admin pages' link to an administrator).
    writeAccountHint({ isAdmin: answer.isAdmin === true });
    onSignedIn();
  }

  return (
    <form class="panel sign-in" onSubmit={submit} aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">Please sign in first</h2>
      <SpokenText text={intro} before={<Picture word="safe" size="medium" />} />
      <TextField id="sign-in-email" label="Email" type="email" autoComplete="username" value={email} onChange={setEmail} />
      <TextField id="sign-in-password" label="Password" type="password" autoComplete="current-password" value={password} onChange={setPassword} />
      <ErrorNote error={signIn.error} />
      <button type="submit" class="button button-primary button-big" disabled={signIn.busy}>
        {signIn.busy ? "Signing in..." : submitLabel}
      </button>
    </form>
  );
}
