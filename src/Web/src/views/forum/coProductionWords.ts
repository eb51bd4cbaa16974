// "Is co-production happening?" in Easy Read words and in rows for the chart and table (CoProductionPanel).
import type { CoProductionFigures } from "../../client/forumInsightsProtocol";
import { LEVEL_WORDS } from "../../words/plainWords";

/** One share: part of whole, and the whole-number percent the server worked out (null when whole is 0). */
export interface ShareRow {
  label: string;
  part: number;
  whole: number;
  percent: number | null;
}

export function shareRows(f: CoProductionFigures): ShareRow[] {
  return [
    { label: "Agenda items from members", part: f.agendaItemsFromMembers, whole: f.agendaItems, percent: f.agendaFromMembersPercent },
    { label: "Actions members took on", part: f.actionsOwnedByMembers, whole: f.actions, percent: f.memberActionsPercent },
    { label: "Members' actions done", part: f.memberActionsDone, whole: f.actionsOwnedByMembers, percent: f.memberActionsDonePercent },
    { label: "Listeners who answered", part: f.listenersAnswered, whole: f.listenersAsked, percent: f.listenersAnsweredPercent },
  ];
}

export interface StepRow {
  label: string;
  picture: string;
  meaning: string;
  decisions: number;
}

export function stepRows(f: CoProductionFigures): StepRow[] {
  return f.decisionSteps.map((s) => ({ ...LEVEL_WORDS[s.level], decisions: s.decisions }));
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function minutesWords(minutes: number): string {
  if (minutes < 1) return "less than 1 minute";
  const whole = Math.round(minutes);
  if (whole < 120) return plural(whole, "minute", "minutes");
  return plural(Math.round(minutes / 60), "hour", "hours");
}

/** Short Easy Read sentences, each with its picture word, in the order the page shows them. */
export function coProductionSentences(f: CoProductionFigures): { picture: string; text: string }[] {
  const said: { picture: string; text: string }[] = [];
  if (f.meetings === 0) {
    said.push({ picture: "calendar", text: `There were no meetings of this forum from ${f.fromWords} to ${f.toWords}.` });
    return said;
  }
  said.push({ picture: "calendar", text: `We looked at ${plural(f.meetings, "meeting", "meetings")}, from ${f.fromWords} to ${f.toWords}.` });
  if (f.meetingsWithoutRecords > 0)
    said.push({
      picture: "clock",
      text: `${plural(f.meetingsWithoutRecords, "meeting has", "meetings have")} no records left. We keep records only for a time, so we cannot count them.`,
    });
  said.push({
    picture: "agenda",
    text:
      f.agendaItems === 0
        ? "No meeting agreed an agenda."
        : `${f.agendaItemsFromMembers} of the ${plural(f.agendaItems, "thing", "things")} on the agenda came from members.`,
  });
  said.push({
    picture: "action",
    text:
      f.actions === 0
        ? "Nobody took on an action."
        : `Members took on ${f.actionsOwnedByMembers} of the ${plural(f.actions, "action", "actions")}. They have done ${f.memberActionsDone} of them.`,
  });
  const top = stepRows(f).filter((s) => s.decisions > 0);
  said.push({
    picture: "decision",
    text:
      top.length === 0
        ? "No decisions were written down."
        : `${plural(top.reduce((n, s) => n + s.decisions, 0), "decision was", "decisions were")} written down. ` +
          top.map((s) => `${s.decisions} at ${s.label}`).join(", ") + ".",
  });
  said.push({
    picture: "listener",
    text:
      f.listenersAsked === 0
        ? "Nobody asked a listener to answer."
        : `We asked listeners to answer ${plural(f.listenersAsked, "time", "times")}. They answered ${plural(f.listenersAnswered, "time", "times")}.` +
          (f.medianMinutesToAnswer === null ? "" : ` The usual time to answer was ${minutesWords(f.medianMinutesToAnswer)}.`),
  });
  return said;
}
