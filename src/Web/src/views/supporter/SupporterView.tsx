import { useState } from "preact/hooks";
import { SpokenText } from "../../components/SpokenText";
import { supportedMember } from "../../meeting/selectors";
import { Picture } from "../../pictures/Picture";
import { ActionsSection } from "../shared/ActionsSection";
import { AgendaSection } from "../shared/AgendaSection";
import { CardsBar } from "../shared/CardsBar";
import { CurrentItemSection } from "../shared/CurrentItemSection";
import { DecisionsSection } from "../shared/DecisionsSection";
import { MemberQuestions } from "../shared/EnterForMember";
import { ProposeItemSection } from "../shared/ProposeItemSection";
import { QuestionsSection } from "../shared/QuestionsSection";
import { VoteHistorySection } from "../shared/VoteHistorySection";
import { VoteSection } from "../shared/VoteSection";
import { WhoAndWhere } from "../shared/WhoAndWhere";
import { MinutesSection } from "../../minutes/MinutesSection";
import { Page } from "../Page";
import { HelpWithoutPhone } from "./HelpWithoutPhone";
import type { ViewProps } from "../viewProps";

/**
 * A supporter acts WITH their member: answers, ideas, votes and cards are the member's, recorded
 * "with support from" the supporter. Only "Why are you here?" can also be answered for themself.
 */
export function SupporterView({ live, state, me, banner }: ViewProps) {
  const client = live.client;
  const member = supportedMember(state, me);
  const offline = live.status !== "connected";
  const [ownAnswer, setOwnAnswer] = useState(false);
  const voteOpen = state.polls.some((p) => p.status === "open");
  if (!member) {
    return (
      <Page title={state.title} top={banner}>
        <SpokenText text="We cannot find the person you support in this meeting." before={<Picture word="question" size="large" />} />
      </Page>
    );
  }
  const vote = <VoteSection state={state} client={client} voterId={member.id} forMemberId={member.id} voterName={member.displayName} />;
  return (
    <Page title={state.title} top={banner} class="page-member">
      <WhoAndWhere state={state} me={me} extra={`You are helping ${member.displayName}.`} helping={member} announcement={live.announcement} />
      <MinutesSection live={live} closed={state.phase === "closed"} />
      <div class="panel support-banner">
        <SpokenText
          text={`What you do here counts for ${member.displayName}. It is saved as "with support from ${me.displayName}".`}
          before={<Picture word="supporter" size="medium" />}
        />
      </div>
      {voteOpen && vote}
      <CurrentItemSection state={state} />
      {!voteOpen && vote}
      {state.phase === "gathering" && (
        <>
          <div class="panel">
            <fieldset>
              <legend>Who is answering "Why are you here?"</legend>
              <div class="tile-row">
                <label class={!ownAnswer ? "choice-tile is-chosen" : "choice-tile"}>
                  <input type="radio" name="answer-who" checked={!ownAnswer} onChange={() => setOwnAnswer(false)} />
                  <span>{member.displayName}, with my support</span>
                </label>
                <label class={ownAnswer ? "choice-tile is-chosen" : "choice-tile"}>
                  <input type="radio" name="answer-who" checked={ownAnswer} onChange={() => setOwnAnswer(true)} />
                  <span>Me ({me.displayName})</span>
                </label>
              </div>
            </fieldset>
          </div>
          {ownAnswer ? (
            <QuestionsSection state={state} client={client} personId={me.id} questions={["whyAreYouHere"]} offline={offline} />
          ) : (
            <MemberQuestions state={state} client={client} member={member} offline={offline} />
          )}
        </>
      )}
      <ProposeItemSection state={state} client={client} personId={member.id} forMemberId={member.id} offline={offline} />
      <AgendaSection state={state} />
      <ActionsSection state={state} client={client} personIds={[me.id, member.id]} meId={me.id} title={`Actions for ${member.displayName} and me`} />
      <HelpWithoutPhone state={state} client={client} me={me} offline={offline} />
      <DecisionsSection state={state} />
      <VoteHistorySection state={state} />
      <CardsBar state={state} client={client} personId={member.id} forMemberId={member.id} heading={`Show a card for ${member.displayName}`} whose={member.displayName} />
    </Page>
  );
}
