import { ActionsSection } from "../shared/ActionsSection";
import { ReviewSection } from "../shared/ReviewSection";
import { AgendaSection } from "../shared/AgendaSection";
import { CardsBar } from "../shared/CardsBar";
import { CurrentItemSection } from "../shared/CurrentItemSection";
import { DecisionsSection } from "../shared/DecisionsSection";
import { ProposeItemSection } from "../shared/ProposeItemSection";
import { QuestionsSection } from "../shared/QuestionsSection";
import { VoteHistorySection } from "../shared/VoteHistorySection";
import { VoteSection } from "../shared/VoteSection";
import { WhoAndWhere } from "../shared/WhoAndWhere";
import { MinutesSection } from "../../minutes/MinutesSection";
import { Page } from "../Page";
import type { ViewProps } from "../viewProps";

/**
 * A member, on a phone first: what to do now comes first (an open vote above everything else, then the item we are
 * on); the cards are one tap away in a bar at the bottom; forms that no longer apply are gone.
 */
export function MemberView({ live, state, me, banner }: ViewProps) {
  const client = live.client;
  const offline = live.status !== "connected";
  const voteOpen = state.polls.some((p) => p.status === "open");
  const vote = <VoteSection state={state} client={client} voterId={me.id} />;
  return (
    <Page title={state.title} top={banner} class="page-member">
      {voteOpen && vote}
      <WhoAndWhere state={state} me={me} announcement={live.announcement} />
      <MinutesSection live={live} closed={state.phase === "closed"} />
      <CurrentItemSection state={state} />
      {!voteOpen && vote}
      {state.phase === "gathering" && <ReviewSection state={state} client={client} me={me} />}
      {state.phase === "gathering" && !state.reviewOpen && (
        <QuestionsSection state={state} client={client} personId={me.id} questions={["whyAreYouHere", "whatDoYouWantToDo"]} offline={offline} />
      )}
      <ProposeItemSection state={state} client={client} personId={me.id} offline={offline} />
      {state.phase !== "gathering" && <AgendaSection state={state} />}
      <ActionsSection state={state} client={client} personIds={[me.id]} meId={me.id} title="My actions" />
      <DecisionsSection state={state} />
      <VoteHistorySection state={state} />
      {state.phase === "gathering" && <AgendaSection state={state} />}
      <CardsBar state={state} client={client} personId={me.id} />
    </Page>
  );
}
