import type { ComponentChildren } from "preact";
import type { FriendlyError } from "../words/friendlyError";
import { ErrorNote } from "./ErrorNote";

/** What a form found missing before sending anything, in plain words. Announced at once, as a refusal is. */
export function ProblemNote({ problem }: { problem: string | null }) {
  if (!problem) return null;
  return (
    <p class="note note-error" role="alert">
      {problem}
    </p>
  );
}

interface FormEndProps {
  problem: string | null;
  /** What the server refused or what failed, once sent. */
  error: FriendlyError | null;
  /** While it is sent, the button does nothing (one press, one command). */
  busy: boolean;
  buttonClass?: string;
  /** The submit button's words. */
  children: ComponentChildren;
}

/** The end of a form: what is missing, what was refused, and the submit button. */
export function FormEnd({ problem, error, busy, buttonClass = "button button-primary", children }: FormEndProps) {
  return (
    <>
      <ProblemNote problem={problem} />
      <ErrorNote error={error} />
      <button type="submit" class={buttonClass} disabled={busy}>
        {children}
      </button>
    </>
  );
}
