interface TextFieldProps {
  id: string;
  label: string;
  type?: "text" | "email" | "password";
  value: string;
  onChange(value: string): void;
  autoComplete?: string;
  maxLength?: number;
  /** A sentence under the label, read by screen readers with the box. */
  hint?: string;
}

/** A labelled one-line box with an optional hint. */
export function TextField({ id, label, type = "text", value, onChange, autoComplete, maxLength, hint }: TextFieldProps) {
  return (
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
        type={type}
        maxLength={maxLength}
        autoComplete={autoComplete}
        aria-describedby={hint ? `${id}-hint` : undefined}
        value={value}
        onInput={(e) => onChange((e.currentTarget as HTMLInputElement).value)}
      />
    </>
  );
}
