import { MinutesPanel } from "../../minutes/MinutesPanel";
import { ActionsSection } from "../shared/ActionsSection";
import { AgendaSection } from "../shared/AgendaSection";
import { AnswersWall } from "../shared/AnswersWall";
import { VoteHistorySection } from "../shared/VoteHistorySection";
import { DecisionsSection } from "../shared/DecisionsSection";
import { Page } from "../Page";
import type { ViewProps } from "../viewProps";
import { ActionsPanel } from "./ActionsPanel";
import { AgendaEditor } from "./AgendaEditor";
import { AnswersPanel } from "./AnswersPanel";
import { CardsQueue } from "./CardsQueue";
import { HelpMemberPanel } from "./HelpMemberPanel";
import { ListedMembersPanel } from "./ListedMembersPanel";
import { ItemsPanel } from "./ItemsPanel";
import { JoinInfoPanel } from "./JoinInfoPanel";
import { ListenersPanel } from "./ListenersPanel";
import { PeoplePanel } from "./PeoplePanel";
import { PhasePanel } from "./PhasePanel";
import { PollPanel } from "./PollPanel";
import { RolesPanel } from "./RolesPanel";
import { ReviewSection } from "../shared/ReviewSection";

/**
 * The facilitator's console (a laptop): raised cards in a bar at the top that stays in view; the meeting's steps and
 * what to do at each, on the left; the codes, people and "help a member" on the right. Everything is buttons and forms: no dragging.
 */
export function FacilitatorConsole({ live, state, session, me, banner }: ViewProps) {
  const client = live.client;
  const offline = live.status !== "connected";
  const phase = state.phase;
  return (
    <Page title={state.title} top={banner} class="page-wide page-console" aside={<p class="you-are">You are the facilitator, {me.displayName}.</p>}>
      <p class="latest" role="status" aria-live="polite">
        {live.announcement && <span>Just now: {live.announcement}</span>}
      </p>
      {(phase !== "closed" || state.cards.some((c) => c.clearedById === null)) && <CardsQueue state={state} client={client} />}
      <div class="console">
        <div class="console-main">
          <PhasePanel state={state} client={client} />
          {phase === "gathering" && <ReviewSection state={state} client={client} me={me} />}
          {phase === "closed" && <MinutesPanel state={state} client={client} />}
          {phase === "agenda" && <AgendaEditor state={state} client={client} />}
          {(phase === "gathering" || phase === "agenda") && <AnswersPanel state={state} client={client} />}
          {phase === "items" && <ItemsPanel state={state} client={client} offline={offline} />}
          {(phase === "agenda" || phase === "items") && <PollPanel state={state} client={client} />}
          {(phase === "agenda" || phase === "items") && <ActionsPanel state={state} client={client} meId={me.id} offline={offline} />}
          {phase === "closed" && (
            <>
              <AgendaSection state={state} />
              <ActionsSection state={state} client={client} personIds={null} meId={me.id} canChangeAll title="All actions" />
              <VoteHistorySection state={state} />
            </>
          )}
          <DecisionsSection state={state} />
          {phase === "closed" && <AnswersWall state={state} />}
        </div>
        <aside class="console-side" aria-label="Codes, cards and people">
          <JoinInfoPanel session={session} closed={phase === "closed"} />
          {phase !== "closed" && session.token && (
            <ListedMembersPanel meetingId={session.meetingId} token={session.token} peopleCount={state.participants.length} />
          )}
          {phase !== "closed" && <RolesPanel state={state} client={client} />}
          {phase !== "closed" && <HelpMemberPanel state={state} client={client} me={me} offline={offline} />}
          <ListenersPanel state={state} client={client} />
          <PeoplePanel state={state} client={client} meId={me.id} />
        </aside>
      </div>
    </Page>
  );
}
