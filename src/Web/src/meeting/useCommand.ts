// Runs one command from a button or form: busy while it waits, plain words when it is refused.
import { useCallback, useRef, useState } from "preact/hooks";
import { friendlyError, type FriendlyError } from "../words/friendlyError";

export interface CommandRunner {
  /** Runs `action`; resolves true when it worked. Ignores presses while one is already running. */
  run(action: () => Promise<unknown>): Promise<boolean>;
  busy: boolean;
  error: FriendlyError | null;
  clearError(): void;
}

export function useCommand(): CommandRunner {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FriendlyError | null>(null);
  const running = useRef(false);

  const run = useCallback(async (action: () => Promise<unknown>) => {
    if (running.current) return false;
    running.current = true;
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (e) {
      setError(friendlyError(e));
      return false;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);

  return { run, busy, error, clearError: useCallback(() => setError(null), []) };
}
