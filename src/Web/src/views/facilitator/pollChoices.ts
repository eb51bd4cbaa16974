import type { OptionInput } from "../../client/protocol";
import { isKnownPicture } from "../../pictures/pictures";

/** One choice per line; a choice whose word is a picture word (e.g. "Bus") gets that picture. */
export function parseChoices(text: string): OptionInput[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .map((label) => {
      const word = label.toLowerCase().replace(/\s+/g, "-");
      return { label, picture: isKnownPicture(word) ? word : null };
    });
}
