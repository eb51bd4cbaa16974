import { describe, expect, it } from "vitest";
import type { CoProductionFigures } from "../../client/forumInsightsProtocol";
import { PARTICIPATION_LEVELS } from "../../client/protocol";
import { coProductionSentences, minutesWords, shareRows } from "./coProductionWords";

// The fixture forum of tests/Api.Tests/Forums/CoProductionTests.cs, as the server answers it.
const figures: CoProductionFigures = {
  forumId: "f",
  forumName: "Riverside forum",
  from: "2026-01-01",
  to: "2026-03-31",
  fromWords: "Thursday 1 January 2026",
  toWords: "Tuesday 31 March 2026",
  meetings: 2,
  meetingsWithoutRecords: 0,
  itemsProposed: 5,
  itemsProposedByMembers: 3,
  agendaItems: 4,
  agendaItemsFromMembers: 3,
  actions: 4,
  actionsOwnedByMembers: 3,
  memberActionsDone: 1,
  decisionSteps: PARTICIPATION_LEVELS.map((level, i) => ({ level, decisions: [2, 0, 0, 1, 0, 0, 0][i]! })),
  listenersAsked: 2,
  listenersAnswered: 1,
  medianMinutesToAnswer: 0.2,
  agendaFromMembersPercent: 75,
  memberActionsPercent: 75,
  memberActionsDonePercent: 33,
  listenersAnsweredPercent: 50,
};

describe("co-production in Easy Read words", () => {
  it("says each figure in a short sentence", () => {
    expect(coProductionSentences(figures).map((s) => s.text)).toEqual([
      "We looked at 2 meetings, from Thursday 1 January 2026 to Tuesday 31 March 2026.",
      "3 of the 4 things on the agenda came from members.",
      "Members took on 3 of the 4 actions. They have done 1 of them.",
      "3 decisions were written down. 2 at Co-production, 1 at Consultation.",
      "We asked listeners to answer 2 times. They answered 1 time. The usual time to answer was less than 1 minute.",
    ]);
  });

  it("says when there were no meetings", () => {
    expect(coProductionSentences({ ...figures, meetings: 0 })).toHaveLength(1);
  });

  it("gives the chart and the table the same numbers", () => {
    expect(shareRows(figures).map((r) => [r.part, r.whole, r.percent])).toEqual([
      [3, 4, 75],
      [3, 4, 75],
      [1, 3, 33],
      [1, 2, 50],
    ]);
  });

  it("says times plainly", () => {
    expect([minutesWords(0.4), minutesWords(1), minutesWords(12.6), minutesWords(300)]).toEqual([
      "less than 1 minute",
      "1 minute",
      "13 minutes",
      "5 hours",
    ]);
  });
});
