import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { usePublicOrigin } from "../../app/publicOrigin";
import { joinPath } from "../../app/routes";
import type { MeetingState } from "../../client/meetingState";
import { PageFooter } from "../../components/PageFooter";
import { ReadAloudButtons } from "../../speech/readAloudSetting";
import { PHASE_WORDS } from "../../words/plainWords";
import { Picture } from "../../pictures/Picture";
import { ScreenAgenda, ScreenIdeas } from "./ScreenAgenda";
import { ScreenAnswers } from "./ScreenAnswers";
import { ScreenReview } from "./ScreenReview";
import { ScreenRoles } from "./ScreenRoles";
import { ScreenCards } from "./ScreenCards";
import { ScreenCurrentItem } from "./ScreenCurrentItem";
import { ScreenJoin } from "./ScreenJoin";
import { ScreenSummary } from "./ScreenSummary";
import { ScreenTurn, useTurns } from "./usePages";

interface SharedScreenViewProps {
  state: MeetingState;
  joinCode: string;
  announcement: string;
  banner: ComponentChildren;
  /** After the close: the thank-you line, then the Easy Read minutes once they are published (ScreenMinutes). */
  minutes?: ComponentChildren;
}

/**
 * The shared screen: very large print, readable from the back of a room, and never more than the screen holds (a TV
 * cannot be scrolled). Each phase shows what the room needs now, the current thing first; long lists turn their
 * pages slowly ("Page 2 of 3"; a key press holds the page). Nothing to press, nothing flashes; changes are announced
 * politely (role="status").
 */
export function SharedScreenView({ state, joinCode, announcement, banner, minutes }: SharedScreenViewProps) {
  const phase = PHASE_WORDS[state.phase];
  const origin = usePublicOrigin(); // the address phones can reach (PublicUrl)
  const joinUrl = origin && joinCode ? `${origin}${joinPath(joinCode)}` : null;
  const [held, setHeld] = useState(false);
  const turn = useTurns(held, state.phase);
  useEffect(() => {
    // WCAG 2.2.2: whoever has the keyboard can hold the turning pages (Space or P), and let them turn again.
    const onKey = (e: KeyboardEvent) => {
      if (e.key === " " || e.key.toLowerCase() === "p") {
        e.preventDefault();
        setHeld((h) => !h);
      }
    };
    addEventListener("keydown", onKey);
    return () => removeEventListener("keydown", onKey);
  }, []);
  const gathering = state.phase === "gathering";
  return (
    <ReadAloudButtons.Provider value={false}>
      <ScreenTurn.Provider value={turn}>
        <div class={`screen-frame screen-phase-${state.phase}`}>
          {banner}
          <main class="screen" id="content">
            <header class="screen-header">
              <h1>{state.title}</h1>
              <p class="screen-phase">
                <Picture word={phase.picture} size="medium" />
                <span>
                  Step {phase.step}: {phase.label}
                </span>
              </p>
              {!gathering && state.phase !== "closed" && joinUrl && <ScreenJoin joinCode={joinCode} joinUrl={joinUrl} small />}
            </header>
            <p class="screen-latest" role="status" aria-live="polite">
              {announcement}
              {held && <span class="screen-held"> (Pages held. Press Space to turn them again.)</span>}
            </p>
            <ScreenRoles state={state} />
            <ScreenCards state={state} />
            <div class="screen-body">
              {gathering && state.reviewOpen && <ScreenReview state={state} />}
              {gathering && !state.reviewOpen && <ScreenAnswers state={state} />}
              {gathering && joinUrl && <ScreenJoin joinCode={joinCode} joinUrl={joinUrl} />}
              {state.phase === "agenda" && <ScreenAgenda state={state} />}
              {state.phase === "agenda" && <ScreenIdeas state={state} />}
              {state.phase === "items" && <ScreenCurrentItem state={state} />}
              {state.phase === "items" && <ScreenAgenda state={state} />}
              {state.phase === "closed" && (minutes ?? <ClosedWithoutMinutes state={state} />)}
              {state.phase === "closed" && <ScreenAgenda state={state} />}
            </div>
          </main>
          <PageFooter />
        </div>
      </ScreenTurn.Provider>
    </ReadAloudButtons.Provider>
  );
}

function ClosedWithoutMinutes({ state }: { state: MeetingState }) {
  return (
    <>
      <p class="screen-thanks">Thank you for coming. The minutes will follow in Easy Read.</p>
      <ScreenSummary state={state} />
    </>
  );
}
