import { useId } from "preact/hooks";
import { CODE_ALPHABET, cleanCode } from "../app/routes";

interface KeypadProps {
  value: string;
  onChange(code: string): void;
  /** The label of the code box. */
  label: string;
}

/**
 * The join code: a big box to type in, and a big keypad with only the letters and numbers a code can have
 * (no look-alikes such as O and 0). Each key is a button with its character as its name.
 */
export function Keypad({ value, onChange, label }: KeypadProps) {
  const id = useId();
  const hint = `${id}-hint`;
  return (
    <div class="keypad">
      <label for={id} class="keypad-label">
        {label}
      </label>
      <p id={hint} class="hint">
        The code has 6 letters and numbers. A listener code has 8. A code for your own phone has 7.
      </p>
      <input
        id={id}
        class="code-box"
        type="text"
        inputMode="text"
        autoComplete="off"
        autoCapitalize="characters"
        spellcheck={false}
        maxLength={12}
        aria-describedby={hint}
        value={value}
        onInput={(e) => onChange(cleanCode((e.currentTarget as HTMLInputElement).value))}
      />
      <div class="keypad-keys" role="group" aria-label="Keypad">
        {[...CODE_ALPHABET].map((key) => (
          <button key={key} type="button" class="key" onClick={() => onChange(cleanCode(value + key))}>
            {key}
          </button>
        ))}
        <button type="button" class="key key-wide" onClick={() => onChange(value.slice(0, -1))} aria-label="Delete the last letter">
          Delete
        </button>
        <button type="button" class="key key-wide" onClick={() => onChange("")} aria-label="Clear the code">
          Clear
        </button>
      </div>
    </div>
  );
}
