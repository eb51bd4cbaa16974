// Words a person is typing are kept in sessionStorage as they type, so a dropped connection, a reload or a
// refused command never loses them. Cleared once the server has the words.
import { useCallback, useState } from "preact/hooks";

const PREFIX = "forumhub.draft.";

function storage(): Storage | null {
  try {
    return typeof sessionStorage === "undefined" ? null : sessionStorage;
  } catch {
    return null;
  }
}

export function readDraft(key: string): string {
  try {
    return storage()?.getItem(PREFIX + key) ?? "";
  } catch {
    return "";
  }
}

export function writeDraft(key: string, value: string): void {
  try {
    if (value === "") storage()?.removeItem(PREFIX + key);
    else storage()?.setItem(PREFIX + key, value);
  } catch {
    // storage full or blocked: the component state still has it
  }
}

/** Like useState for a text box, but kept across reloads (per meeting and box). */
export function useDraft(key: string): [string, (value: string) => void] {
  const [value, setValue] = useState(() => readDraft(key));
  const set = useCallback(
    (next: string) => {
      setValue(next);
      writeDraft(key, next);
    },
    [key],
  );
  return [value, set];
}
