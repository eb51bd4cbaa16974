// Pictures: the shared word -> OpenMoji map (src/Api/Features/Minutes/Writing/Pictures/pictures.json), bundled by vite.config.ts.
import { attribution, pictureUrls } from "virtual:forumhub-pictures";
import { pictureLabel } from "./pictureWords";

export { pictureLabel };
export { PERSON_PICTURES, TOPIC_PICTURES } from "./pictureWords";

/** The credit line for OpenMoji (CC BY-SA 4.0), shown in every page's footer. */
export const PICTURE_CREDIT = attribution;

/** The URL of a picture word's SVG, or null when the word is not in the map. */
export function pictureUrl(word: string | null | undefined): string | null {
  if (!word) return null;
  return pictureUrls[word.trim().toLowerCase()] ?? null;
}

export function isKnownPicture(word: string | null | undefined): boolean {
  return pictureUrl(word) !== null;
}

export { pictureLabel as labelOfPicture };
