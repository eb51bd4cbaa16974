import { useState } from "preact/hooks";
import type { AccountHttp } from "../../client/accountHttp";
import { ErrorNote } from "../../components/ErrorNote";
import { useCommand } from "../../meeting/useCommand";

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

  const box = (id: string, label: string, value: string, set: (v: string) => void, autoComplete: string, hint?: string) => (
    <>
      <label for={id} class="field-label">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
      <input
        id={id}
        class="text-box"
        type="password"
        autoComplete={autoComplete}
        aria-describedby={hint ? `${id}-hint` : undefined}
        value={value}
        onInput={(e) => set((e.currentTarget as HTMLInputElement).value)}
      />
    </>
  );

  return (
    <form class="panel" onSubmit={submit} noValidate aria-labelledby="change-password-heading">
      <h2 id="change-password-heading">Change your password</h2>
      {box("current-password", "Your password now", current, setCurrent, "current-password")}
      {box("new-password", "New password", next, setNext, "new-password", "At least 12 characters. A few words together work well.")}
      {box("new-password-again", "New password again", again, setAgain, "new-password")}
      {problem && (
        <p class="note note-error" role="alert">
          {problem}
        </p>
      )}
      <ErrorNote error={change.error} />
      <p role="status">{done}</p>
      <button type="submit" class="button button-primary" disabled={change.busy}>
        {change.busy ? "Changing..." : "Change the password"}
      </button>
    </form>
  );
}
