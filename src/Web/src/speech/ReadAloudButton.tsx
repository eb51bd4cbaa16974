import { useContext } from "preact/hooks";
import { Picture } from "../pictures/Picture";
import { ReadAloudButtons } from "./readAloudSetting";
import { canReadAloud, readAloud } from "./readAloud";

interface ReadAloudButtonProps {
  /** The words to read. */
  text: string;
  /** The id of the element that shows the words (the button's description for screen readers). */
  describedBy?: string;
}

/** "Listen": reads the text aloud with the browser's voice. Hidden where the browser has no voice. */
export function ReadAloudButton({ text, describedBy }: ReadAloudButtonProps) {
  const shown = useContext(ReadAloudButtons);
  if (!shown || !canReadAloud() || text.trim() === "") return null;
  return (
    <button type="button" class="listen-button" aria-describedby={describedBy} onClick={() => readAloud(text)}>
      <Picture word="listen" size="small" />
      <span>Listen</span>
    </button>
  );
}
