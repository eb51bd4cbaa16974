import type { MeetingState } from "../../client/meetingState";
import { SpokenText } from "../../components/SpokenText";
import { nameOf } from "../../meeting/selectors";
import { Picture } from "../../pictures/Picture";
import { LEVEL_WORDS } from "../../words/plainWords";

/** The item we are talking about now: its notes, decisions and listeners' responses. */
export function CurrentItemSection({ state }: { state: MeetingState }) {
  const item = state.items.find((i) => i.status === "current");
  if (!item) return null;
  const decisions = state.decisions.filter((d) => d.itemId === item.id);
  const responses = state.responses.filter((r) => r.itemId === item.id);
  return (
    <section class="panel current-item" aria-labelledby="current-item-heading">
      <h2 id="current-item-heading">Now we talk about</h2>
      <SpokenText as="p" class="current-title" text={item.title} before={<Picture word={item.picture ?? "talk"} size="large" />} />
      {item.notes.length > 0 && (
        <>
          <h3 class="with-picture">
            <Picture word="notes" size="small" />
            <span>Notes</span>
          </h3>
          <ul class="said-list">
            {item.notes.map((n) => (
              <li key={n.id}>
                <SpokenText text={n.text} />
              </li>
            ))}
          </ul>
        </>
      )}
      {decisions.length > 0 && (
        <>
          <h3 class="with-picture">
            <Picture word="decision" size="small" />
            <span>Decisions</span>
          </h3>
          <ul class="said-list">
            {decisions.map((d) => (
              <li key={d.id}>
                <SpokenText
                  text={d.text}
                  spoken={`${d.text} ${LEVEL_WORDS[d.level].meaning}`}
                  after={<span class="level-note">How we decided: {LEVEL_WORDS[d.level].meaning}</span>}
                />
              </li>
            ))}
          </ul>
        </>
      )}
      {responses.length > 0 && (
        <>
          <h3 class="with-picture">
            <Picture word="listener" size="small" />
            <span>Listeners said</span>
          </h3>
          <ul class="said-list">
            {responses.map((r) => (
              <li key={r.id}>
                <SpokenText text={r.text} spoken={`${nameOf(state, r.listenerId)} said: ${r.text}`} after={<span class="support-note">{nameOf(state, r.listenerId)}</span>} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
