import { useId, useState } from "preact/hooks";
import { useDraft } from "../session/drafts";
import { FormEnd } from "./FormEnd";
import { PicturePicker } from "./PicturePicker";
import type { FriendlyError } from "../words/friendlyError";

export interface Said {
  text: string;
  picture: string | null;
}

interface SayFormProps {
  /** The label of the text box. */
  label: string;
  /** A short hint under the label. */
  hint?: string;
  /** Where the typed words are kept until the server has them (per meeting and box). */
  draftKey: string;
  /** The button's words, e.g. "Send my answer". */
  submitLabel: string;
  /** Picture words to offer; none: no picker. */
  pictures?: readonly string[];
  maxLength: number;
  /** Many lines (a textarea) rather than one. */
  multiline?: boolean;
  /** Sends; resolves true when the server has it (the box is then emptied). */
  onSay(said: Said): Promise<boolean>;
  busy: boolean;
  error: FriendlyError | null;
  /** Shown while offline: what is typed is kept and sent later. */
  offline?: boolean;
}

/**
 * Type words or pick a picture (or both), then send. The words stay in the box (and in sessionStorage) until the
 * server has them, so nothing is lost while offline or when the server says no.
 */
export function SayForm(props: SayFormProps) {
  const { label, hint, draftKey, submitLabel, pictures, maxLength, multiline, onSay, busy, error, offline } = props;
  const [text, setText] = useDraft(draftKey);
  const [picture, setPicture] = useState<string | null>(null);
  const [empty, setEmpty] = useState(false);
  const id = useId();
  const hintId = `${id}-hint`;
  const pictureOnly = picture !== null && text.trim() === "";

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    const words = text.trim() !== "" ? text.trim() : picture ? pictureWord(picture) : "";
    if (words === "") {
      setEmpty(true);
      return;
    }
    setEmpty(false);
    if (await onSay({ text: words, picture })) {
      setText("");
      setPicture(null);
    }
  }

  const Box = multiline ? "textarea" : "input";
  return (
    <form class="say-form" onSubmit={submit} noValidate>
      <label for={id} class="field-label">
        {label}
      </label>
      {hint && (
        <p id={hintId} class="hint">
          {hint}
        </p>
      )}
      <Box
        id={id}
        class="text-box"
        type={multiline ? undefined : "text"}
        rows={multiline ? 3 : undefined}
        maxLength={maxLength}
        aria-describedby={hint ? hintId : undefined}
        aria-invalid={empty ? true : undefined}
        value={text}
        onInput={(e: Event) => setText((e.currentTarget as HTMLInputElement).value)}
      />
      {pictures && pictures.length > 0 && (
        <details class="picture-details" open={picture !== null ? true : undefined}>
          <summary>Or pick a picture</summary>
          <PicturePicker legend="Pick a picture" words={pictures} value={picture} onChange={setPicture} />
        </details>
      )}
      <FormEnd problem={empty ? "Please type some words or pick a picture." : null} error={error} busy={busy}>
        {busy ? "Sending..." : submitLabel}
      </FormEnd>
      {offline && <p class="hint">You are offline for now. Your words are kept here.</p>}
      {pictureOnly && <p class="hint">We will use the word for the picture: {pictureWord(picture as string)}.</p>}
    </form>
  );
}

function pictureWord(word: string): string {
  const spaced = word.replace(/-/g, " ");
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
