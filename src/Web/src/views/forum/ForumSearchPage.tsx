import { useEffect, useMemo, useState } from "preact/hooks";
import { ForumInsightsHttp } from "../../client/forumInsightsHttp";
import { SEARCH_MAX_LETTERS, type MinutesSearchResults } from "../../client/forumInsightsProtocol";
import { FormEnd } from "../../components/FormEnd";
import { SpokenText } from "../../components/SpokenText";
import { TextField } from "../../components/TextField";
import { useCommand } from "../../meeting/useCommand";
import { Picture } from "../../pictures/Picture";
import { Page } from "../Page";
import { SearchHit } from "./SearchHit";
import { ForumGate } from "./ForumGate";
import { useForum } from "./useForum";

/**
 * /forums/{forumId}/search: a facilitator looks for words in the forum's published minutes (GET
 * /api/forums/{forumId}/search). The words searched stay in the address (?q=), so a reload or a shared link
 * shows the same results.
 */
export function ForumSearchPage({ forumId }: { forumId: string }) {
  const forum = useForum(forumId);
  const http = useMemo(() => new ForumInsightsHttp({ baseUrl: location.origin }), []);
  const [words, setWords] = useState(() => new URLSearchParams(location.search).get("q") ?? "");
  const [problem, setProblem] = useState<string | null>(null);
  const [results, setResults] = useState<MinutesSearchResults | null>(null);
  const search = useCommand();

  async function run(asked: string) {
    const trimmed = asked.trim();
    if (trimmed === "") {
      setProblem("Please type a word to look for.");
      return;
    }
    setProblem(null);
    await search.run(async () => {
      setResults(await http.searchMinutes(forumId, trimmed));
      history.replaceState(null, "", `${location.pathname}?q=${encodeURIComponent(trimmed)}`);
    });
  }

  useEffect(() => {
    if (forum.forum && words.trim() !== "") void run(words);
  }, [forum.forum]);

  function submit(event: Event) {
    event.preventDefault();
    void run(words);
  }

  const found = results?.hits.length ?? 0;
  return (
    <Page title={forum.forum ? `Search the minutes of ${forum.forum.name}` : "Search the minutes"}>
      <ForumGate forum={forum} intro="Please sign in to search the minutes of your forum.">
        <SpokenText
          text="Look for words in the minutes of this forum. You will see each meeting that used the words, and its date."
          before={<Picture word="book" size="medium" />}
        />
        <form class="panel" onSubmit={submit} role="search" aria-label="Search the minutes">
          <TextField
            id="search-words"
            label="Words to look for"
            hint={`For example: buses. You can type up to ${SEARCH_MAX_LETTERS} letters.`}
            maxLength={SEARCH_MAX_LETTERS}
            value={words}
            onChange={setWords}
          />
          <FormEnd problem={problem} error={search.error} busy={search.busy} buttonClass="button button-primary button-big">
            Look for the words
          </FormEnd>
        </form>
        <div role="status">
          {results && (
            <SpokenText
              text={
                found === 0
                  ? `We did not find "${results.words}" in the minutes.`
                  : `We found "${results.words}" in the minutes of ${found} ${found === 1 ? "meeting" : "meetings"}. The best match is first.`
              }
              before={<Picture word={found === 0 ? "not-sure" : "check"} size="medium" />}
            />
          )}
        </div>
        {results && found > 0 && (
          <ol class="search-hits" aria-label="Meetings with these words">
            {results.hits.map((hit) => (
              <SearchHit key={hit.meetingId} hit={hit} />
            ))}
          </ol>
        )}
      </ForumGate>
    </Page>
  );
}
