import { useId } from "preact/hooks";
import { Picture } from "../pictures/Picture";
import { pictureLabel } from "../pictures/pictures";

interface PicturePickerProps {
  legend: string;
  words: readonly string[];
  value: string | null;
  onChange(word: string | null): void;
  /** Offer "No picture" first. */
  allowNone?: boolean;
}

/** Pick one picture: a group of radio buttons drawn as big picture tiles, each with its word. */
export function PicturePicker({ legend, words, value, onChange, allowNone = true }: PicturePickerProps) {
  const name = useId();
  return (
    <fieldset class="picture-picker">
      <legend>{legend}</legend>
      <div class="picture-grid">
        {allowNone && (
          <label class={value === null ? "picture-tile is-chosen" : "picture-tile"}>
            <input type="radio" name={name} checked={value === null} onChange={() => onChange(null)} />
            <span class="picture-none" aria-hidden="true">
              —
            </span>
            <span>No picture</span>
          </label>
        )}
        {words.map((word) => (
          <label key={word} class={value === word ? "picture-tile is-chosen" : "picture-tile"}>
            <input type="radio" name={name} value={word} checked={value === word} onChange={() => onChange(word)} />
            <Picture word={word} size="medium" />
            <span>{pictureLabel(word)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
