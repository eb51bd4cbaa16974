import type { ComponentChildren } from "preact";
import { usePublicOrigin } from "../../app/publicOrigin";
import { joinPath } from "../../app/routes";
import type { MeetingState } from "../../client/meetingState";
import { PageFooter } from "../../components/PageFooter";
import { ReadAloudButtons } from "../../speech/readAloudSetting";
import { PHASE_WORDS } from "../../words/plainWords";
import { Picture } from "../../pictures/Picture";
import { AnswersWall } from "../shared/AnswersWall";
import { ScreenAgenda } from "./ScreenAgenda";
import { ScreenCards } from "./ScreenCards";
import { ScreenCurrentItem } from "./ScreenCurrentItem";
import { ScreenJoin } from "./ScreenJoin";
import { ScreenSummary } from "./ScreenSummary";

interface SharedScreenViewProps {
  state: MeetingState;
  joinCode: string;
  announcement: string;
  banner: ComponentChildren;
  /** After the close: the thank-you line, then the Easy Read minutes once they are published (ScreenMinutes). */
  minutes?: ComponentChildren;
}

/**
 * The shared screen: very large print, readable from the back of a room. Nothing to press. Changes are
 * announced politely (role="status") and nothing flashes or moves by itself.
 */
export function SharedScreenView({ state, joinCode, announcement, banner, minutes }: SharedScreenViewProps) {
  const phase = PHASE_WORDS[state.phase];
  const origin = usePublicOrigin(); // the address phones can reach (PublicUrl)
  const joinUrl = origin && joinCode ? `${origin}${joinPath(joinCode)}` : null;
  return (
    <ReadAloudButtons.Provider value={false}>
      {banner}
      <main class={state.phase !== "closed" && joinUrl ? "screen screen-with-join" : "screen"} id="content">
        <div class="screen-column">
          <header class="screen-header">
            <h1>{state.title}</h1>
            <p class="screen-phase">
              <Picture word={phase.picture} size="large" />
              <span>
                Step {phase.step}: {phase.label}
              </span>
            </p>
          </header>
          <p class="screen-latest" role="status" aria-live="polite">
            {announcement}
          </p>
          <ScreenCards state={state} />
          {state.phase === "closed" && (minutes ?? <p class="screen-big-words">Thank you for coming. The minutes will follow in Easy Read.</p>)}
          {state.phase === "gathering" && <AnswersWall state={state} large />}
          {state.phase === "items" && <ScreenCurrentItem state={state} />}
          {state.phase !== "gathering" && <ScreenAgenda state={state} />}
          {state.phase === "closed" && <ScreenSummary state={state} />}
        </div>
        {state.phase !== "closed" && joinUrl && <ScreenJoin joinCode={joinCode} joinUrl={joinUrl} />}
      </main>
      <PageFooter />
    </ReadAloudButtons.Provider>
  );
}
