import { useId } from "preact/hooks";
import type { MinutesSearchHit } from "../../client/forumInsightsProtocol";
import { Picture } from "../../pictures/Picture";
import { ReadAloudButton } from "../../speech/ReadAloudButton";

/**
 * One meeting found: its name, its date in words, and the words found in context. The snippet arrives as plain
 * parts (never HTML) and the found words are marked with <mark>, so nothing in the minutes can add markup here.
 */
export function SearchHit({ hit }: { hit: MinutesSearchHit }) {
  const headingId = useId();
  const snippetId = useId();
  const plain = hit.snippet.map((p) => p.text).join("");
  return (
    <li class="panel search-hit" aria-labelledby={headingId}>
      <h2 id={headingId} class="with-picture">
        <Picture word="meeting" size="medium" />
        <span>{hit.title}</span>
      </h2>
      <p class="with-picture search-hit-date">
        <Picture word="calendar" size="small" />
        <span>
          We met on <time dateTime={hit.date}>{hit.dateWords}</time>.
        </span>
      </p>
      <p id={snippetId} class="search-hit-words">
        {hit.snippet.map((part, i) => (part.found ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
      </p>
      <ReadAloudButton text={`${hit.title}. We met on ${hit.dateWords}. The minutes say: ${plain}`} describedBy={snippetId} />
    </li>
  );
}
