import { ActionsSection } from "../shared/ActionsSection";
import { AgendaSection } from "../shared/AgendaSection";
import { CardsSection } from "../shared/CardsSection";
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

/** A member, on a phone first: the vote and the current item at the top when there is one, cards always near. */
export function MemberView({ live, state, session, me, banner }: ViewProps) {
  const client = live.client;
  const offline = live.status !== "connected";
  return (
    <Page title={state.title} top={banner} class="page-member">
      <WhoAndWhere state={state} me={me} announcement={live.announcement} />
      <MinutesSection live={live} token={session.token} closed={state.phase === "closed"} />
      <VoteSection state={state} client={client} voterId={me.id} />
      <CurrentItemSection state={state} />
      {state.phase === "gathering" && (
        <QuestionsSection state={state} client={client} personId={me.id} questions={["whyAreYouHere", "whatDoYouWantToDo"]} offline={offline} />
      )}
      <ProposeItemSection state={state} client={client} personId={me.id} offline={offline} />
      {state.phase !== "gathering" && <AgendaSection state={state} />}
      <CardsSection state={state} client={client} personId={me.id} />
      <ActionsSection state={state} client={client} personIds={[me.id]} meId={me.id} title="My actions" />
      <DecisionsSection state={state} />
      <VoteHistorySection state={state} />
      {state.phase === "gathering" && <AgendaSection state={state} />}
    </Page>
  );
}
