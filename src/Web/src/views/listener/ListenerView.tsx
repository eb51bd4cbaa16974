import { SayForm } from "../../components/SayForm";
import { SpokenText } from "../../components/SpokenText";
import { isInvited } from "../../meeting/selectors";
import { useCommand } from "../../meeting/useCommand";
import { Picture } from "../../pictures/Picture";
import { ActionsSection } from "../shared/ActionsSection";
import { AgendaSection } from "../shared/AgendaSection";
import { AnswersWall } from "../shared/AnswersWall";
import { CardsBar } from "../shared/CardsBar";
import { CurrentItemSection } from "../shared/CurrentItemSection";
import { DecisionsSection } from "../shared/DecisionsSection";
import { QuestionsSection } from "../shared/QuestionsSection";
import { VoteHistorySection } from "../shared/VoteHistorySection";
import { VoteSection } from "../shared/VoteSection";
import { WhoAndWhere } from "../shared/WhoAndWhere";
import { MinutesSection } from "../../minutes/MinutesSection";
import { Page } from "../Page";
import type { ViewProps } from "../viewProps";

/** A listener (trustee, manager) sees everything; nothing to vote or propose; a respond box only when invited. */
export function ListenerView({ live, state, me, banner }: ViewProps) {
  const client = live.client;
  const invited = isInvited(state, me.id);
  const respond = useCommand();
  const offline = live.status !== "connected";
  return (
    <Page title={state.title} top={banner} class="page-member">
      <WhoAndWhere state={state} me={me} announcement={live.announcement} />
      <MinutesSection live={live} closed={state.phase === "closed"} />
      <div class="panel">
        <SpokenText
          text="You are a listener. You can see everything. The facilitator will ask you when to respond."
          before={<Picture word="listener" size="medium" />}
        />
      </div>
      {invited && (
        <section class="panel respond-panel" aria-labelledby="respond-heading">
          <h2 id="respond-heading" class="with-picture">
            <Picture word="talk" size="medium" />
            <span>The facilitator asks you to respond</span>
          </h2>
          <SayForm
            label="Your response"
            hint="Use short sentences and plain words."
            draftKey={`${state.meetingId}.${me.id}.response`}
            submitLabel="Send my response"
            maxLength={500}
            multiline
            busy={respond.busy}
            error={respond.error}
            offline={offline}
            onSay={(said) => respond.run(() => client.respondAsListener({ text: said.text }))}
          />
        </section>
      )}
      <VoteSection state={state} client={client} voterId={null} />
      <CurrentItemSection state={state} />
      {state.phase === "gathering" && <QuestionsSection state={state} client={client} personId={me.id} questions={["whyAreYouHere"]} offline={offline} />}
      <AnswersWall state={state} />
      <AgendaSection state={state} />
      <DecisionsSection state={state} />
      <VoteHistorySection state={state} />
      <ActionsSection state={state} client={client} personIds={[me.id]} meId={me.id} title="My actions" />
      <CardsBar state={state} client={client} personId={me.id} />
    </Page>
  );
}
