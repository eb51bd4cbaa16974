interface ConsentChoiceProps {
  id: string;
  /** The person's name, so the question is about them. */
  name: string;
  value: boolean | null;
  onChange(value: boolean): void;
}

/**
 * The Easy Read consent question, asked of every member: may we keep a record of the meetings they come to? No
 * answer is not a yes (the server refuses consent_missing); no still lets them come to every meeting.
 */
export function ConsentChoice({ id, name, value, onChange }: ConsentChoiceProps) {
  const who = name.trim() || "this person";
  return (
    <fieldset class="consent-choice">
      <legend class="field-label">May we keep a record of the meetings {who} comes to?</legend>
      <p class="hint">Please ask {who}. They can say no. They can still come to every meeting.</p>
      <div class="button-row">
        <label class="check-row">
          <input type="radio" name={id} checked={value === true} onChange={() => onChange(true)} /> Yes, keep a record
        </label>
        <label class="check-row">
          <input type="radio" name={id} checked={value === false} onChange={() => onChange(false)} /> No record
        </label>
      </div>
    </fieldset>
  );
}
