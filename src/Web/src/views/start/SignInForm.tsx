import { useState } from "preact/hooks";
import type { MeetingHttp } from "../../client/meetingClient";
import { ErrorNote } from "../../components/ErrorNote";
import { SpokenText } from "../../components/SpokenText";
import { useCommand } from "../../meeting/useCommand";
import { Picture } from "../../pictures/Picture";
import { rememberSignedIn } from "../../session/signedInHint";

interface SignInFormProps {
  http: MeetingHttp;
  onSignedIn(): void;
  /** What signing in is for (default: starting a meeting). */
  intro?: string;
  submitLabel?: string;
}

/** Facilitator sign-in (email and password). The browser keeps the session cookie the Api sets. */
export function SignInForm({ http, onSignedIn, intro, submitLabel }: SignInFormProps) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const signIn = useCommand();

  async function submit(event: Event) {
    event.preventDefault();
    if (await signIn.run(() => http.signIn({ email: email.trim(), password }))) {
      rememberSignedIn(true);
      onSignedIn();
    }
  }

  return (
    <form class="panel sign-in" onSubmit={submit} aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">Please sign in first</h2>
      <SpokenText text={intro ?? "Only facilitators with an account can start a meeting. Please sign in with your email and password."} before={<Picture word="safe" size="medium" />} />
      <label for="sign-in-email" class="field-label">
        Email
      </label>
      <input
        id="sign-in-email"
        class="text-box"
        type="email"
        autoComplete="username"
        value={email}
        onInput={(e) => setEmail((e.currentTarget as HTMLInputElement).value)}
      />
      <label for="sign-in-password" class="field-label">
        Password
      </label>
      <input
        id="sign-in-password"
        class="text-box"
        type="password"
        autoComplete="current-password"
        value={password}
        onInput={(e) => setPassword((e.currentTarget as HTMLInputElement).value)}
      />
      <ErrorNote error={signIn.error} />
      <button type="submit" class="button button-primary button-big" disabled={signIn.busy}>
        {signIn.busy ? "Signing in..." : (submitLabel ?? "Sign in and start the meeting")}
      </button>
    </form>
  );
}
