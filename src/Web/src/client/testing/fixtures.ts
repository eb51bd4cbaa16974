// Test helpers: readable ids and an event log that numbers envelopes like the server does.
import type { EventEnvelope, Guid, MeetingEventData, MeetingEventType } from "../protocol.js";

/** A lower-case Guid whose last digits are n, so ids sort in the order of n. */
export function guid(n: number): Guid {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
}

export const ids = {
  meeting: guid(0x100),
  facilitator: guid(0x201),
  screen: guid(0x202),
  ann: guid(0x301),
  ben: guid(0x302),
  cat: guid(0x303),
  supporter: guid(0x401),
  listener: guid(0x501),
};

export const T0 = "2026-03-03T10:00:00+00:00";

/** "2026-03-03T10:00:<s>.<fraction>+00:00" */
export function at(seconds: number, fraction = ""): string {
  return `2026-03-03T10:00:${String(seconds).padStart(2, "0")}${fraction ? `.${fraction}` : ""}+00:00`;
}

export class EventLog {
  seq = 0;
  readonly events: EventEnvelope[] = [];

  constructor(start = 0) {
    this.seq = start;
  }

  add<T extends MeetingEventType>(type: T, data: MeetingEventData[T]): EventEnvelope {
    this.seq++;
    const envelope = { seq: this.seq, type, at: T0, data } as EventEnvelope;
    this.events.push(envelope);
    return envelope;
  }

  /** The events after seq `after`, as GET events?after= would page them. */
  page(after: number, size = 1000) {
    const events = this.events.filter((e) => e.seq > after).slice(0, size);
    const lastSeq = events.length > 0 ? (events[events.length - 1] as EventEnvelope).seq : after;
    return { events, lastSeq, complete: events.length < size };
  }
}

/** The first three events of every meeting: created, the facilitator and the shared screen joined (same instant). */
export function createdMeeting(log: EventLog = new EventLog()): EventLog {
  log.add("meetingCreated", { meetingId: ids.meeting, title: "North forum", at: T0 });
  log.add("participantJoined", {
    participantId: ids.facilitator, displayName: "Fay", role: "facilitator", picture: null, supportsMemberId: null, at: T0,
  });
  log.add("participantJoined", {
    participantId: ids.screen, displayName: "Shared screen", role: "screen", picture: "screen", supportsMemberId: null, at: T0,
  });
  return log;
}

/** Recursively freezes a value, so a test fails if anything mutates it. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
