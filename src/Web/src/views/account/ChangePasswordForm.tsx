import { useState } from "preact/hooks";
import type { AccountHttp } from "../../client/accountHttp";
import { ErrorNote } from "../../components/ErrorNote";
import { TextField } from "../../components/TextField";
import { useCommand } from "../../meeting/useCommand";
import { ProblemNote } from "../../components/FormEnd";

/** Change your own password: the old one, then the new one twice. Every other session of the account ends. */
export function ChangePasswordForm({ http }: { http: AccountHttp }) {
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [again, setAgain] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const change = useCommand();

  async function submit(event: Event) {
    event.preventDefault();
    setDone(null);
    if (next !== again) return setProblem("The two new passwords are not the same. Please type them again.");
    setProblem(null);
    if (await change.run(() => http.changePassword({ currentPassword: current, newPassword: next }))) {
      setCurrent("");
      setNext("");
      setAgain("");
      setDone("Your password is changed. You are signed out on every other computer and phone.");
    }
  }

  return (
    <form class="panel" onSubmit={submit} noValidate aria-labelledby="change-password-heading">
      <h2 id="change-password-heading">Change your password</h2>
      <TextField id="current-password" label="Your password now" type="password" value={current} onChange={setCurrent} autoComplete="current-password" />
      <TextField id="new-password" label="New password" type="password" value={next} onChange={setNext} autoComplete="new-password" hint="At least 12 characters. A few words together work well." />
      <TextField id="new-password-again" label="New password again" type="password" value={again} onChange={setAgain} autoComplete="new-password" />
      <ProblemNote problem={problem} />
      <ErrorNote error={change.error} />
      <p role="status">{done}</p>
      <button type="submit" class="button button-primary" disabled={change.busy}>
        {change.busy ? "Changing..." : "Change the password"}
      </button>
    </form>
  );
}
