// Builds meeting states for view tests by applying real events through client/meetingState (never by hand).
import { applyEvents, emptyState, type MeetingState } from "../../client/meetingState";
import type { EventEnvelope, MeetingEventData, MeetingEventType } from "../../client/protocol";

export const ID = {
  meeting: "00000000-0000-4000-8000-000000000001",
  fay: "00000000-0000-4000-8000-0000000000f1",
  ann: "00000000-0000-4000-8000-0000000000a1",
  cat: "00000000-0000-4000-8000-0000000000c1",
  sam: "00000000-0000-4000-8000-0000000000b1",
  lee: "00000000-0000-4000-8000-0000000000e1",
  screen: "00000000-0000-4000-8000-0000000000d1",
};

export class MeetingBuilder {
  private readonly events: EventEnvelope[] = [];
  private minute = 0;

  constructor() {
    this.add("meetingCreated", { meetingId: ID.meeting, title: "North forum", at: this.at() });
    this.join(ID.fay, "Fay", "facilitator");
    this.join(ID.screen, "Screen", "screen");
    this.join(ID.ann, "Ann", "member", "star");
    this.join(ID.cat, "Cat", "member", "cat");
    this.join(ID.sam, "Sam", "supporter", null, ID.cat);
    this.join(ID.lee, "Lee", "listener");
  }

  at(): string {
    this.minute++;
    return `2026-03-03T10:${String(this.minute).padStart(2, "0")}:00+00:00`;
  }

  add<T extends MeetingEventType>(type: T, data: MeetingEventData[T]): this {
    this.events.push({ seq: this.events.length + 1, type, at: this.at(), data } as EventEnvelope);
    return this;
  }

  join(id: string, name: string, role: MeetingEventData["participantJoined"]["role"], picture: string | null = null, supports: string | null = null): this {
    return this.add("participantJoined", { participantId: id, displayName: name, role, picture, supportsMemberId: supports, at: this.at() });
  }

  get envelopes(): readonly EventEnvelope[] {
    return this.events;
  }

  build(): MeetingState {
    const result = applyEvents(emptyState(), this.events);
    if (result.kind !== "applied") throw new Error(`events did not apply: ${result.kind}`);
    return result.state;
  }
}
