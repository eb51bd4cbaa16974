import type { MeetingState } from "../../client/meetingState";
import { SpokenText } from "../../components/SpokenText";
import { itemTitle } from "../../meeting/selectors";
import { Picture } from "../../pictures/Picture";
import { LEVEL_WORDS } from "../../words/plainWords";
import { PictureSection } from "../../components/PictureSection";

/** Every decision so far, each with how much say people had (the participation level, in plain words). */
export function DecisionsSection({ state }: { state: MeetingState }) {
  if (state.decisions.length === 0) return null;
  return (
    <PictureSection class="panel" headingId="decisions-heading" picture="decision" title="What we decided">
      <ul class="said-list">
        {state.decisions.map((d) => {
          const level = LEVEL_WORDS[d.level];
          const about = itemTitle(state, d.itemId);
          return (
            <li key={d.id}>
              <SpokenText
                text={d.text}
                spoken={`${d.text} ${level.meaning}`}
                before={<Picture word={level.picture} size="medium" />}
                after={
                  <span class="level-note">
                    {about && <span>About: {about}. </span>}
                    {level.label}: {level.meaning}
                  </span>
                }
              />
            </li>
          );
        })}
      </ul>
    </PictureSection>
  );
}
