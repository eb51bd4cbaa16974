import { Picture } from "../pictures/Picture";
import type { FriendlyError } from "../words/friendlyError";

/** A refused or failed action in plain words, with a picture. Announced at once (role="alert"). */
export function ErrorNote({ error }: { error: FriendlyError | null }) {
  if (!error) return null;
  return (
    <div class="note note-error" role="alert">
      <Picture word={error.picture} size="medium" />
      <p>{error.text}</p>
    </div>
  );
}
