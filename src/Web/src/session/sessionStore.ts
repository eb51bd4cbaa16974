// What this device keeps about the meetings it is in: the access token (shown once by the server), who it is,
// and the codes (the snapshot has no codes). In localStorage, so a reload or a closed tab does not lose the meeting.
import type { Guid, Role } from "../client/protocol";

export interface MeetingSession {
  meetingId: Guid;
  participantId: Guid;
  role: Role;
  token: string;
  /** Member join code (facilitator and screen keep it to show it). */
  joinCode?: string;
  /** Listener invite code (facilitator only). */
  listenerCode?: string;
  /** The shared screen's token (facilitator only, to open the screen). */
  screenToken?: string;
  /** The commandId of the join: repeating the join with it gets the same person back with a fresh token. */
  joinCommandId?: Guid;
}

const PREFIX = "forumhub.session.";

function keyOf(meetingId: Guid, slot: string): string {
  return PREFIX + meetingId.toLowerCase() + (slot ? `.${slot}` : "");
}

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

function defaultStore(): KeyValueStore | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null; // storage blocked
  }
}

/** Keeps sessions in `store`; falls back to memory when the browser blocks storage. */
export class SessionStore {
  private readonly memory = new Map<string, string>();

  constructor(private readonly store: KeyValueStore | null = defaultStore()) {}

  /** `slot` keeps a second session for the same meeting apart, e.g. "screen" on a facilitator's laptop. */
  get(meetingId: Guid, slot = ""): MeetingSession | null {
    const raw = this.read(keyOf(meetingId, slot));
    if (!raw) return null;
    try {
      const session = JSON.parse(raw) as MeetingSession;
      return typeof session.token === "string" && session.meetingId?.toLowerCase() === meetingId.toLowerCase() ? session : null;
    } catch {
      return null;
    }
  }

  save(session: MeetingSession, slot = ""): void {
    this.write(keyOf(session.meetingId, slot), JSON.stringify(session));
  }

  forget(meetingId: Guid, slot = ""): void {
    const key = keyOf(meetingId, slot);
    this.memory.delete(key);
    try {
      this.store?.removeItem(key);
    } catch {
      // ignore
    }
  }

  private read(key: string): string | null {
    try {
      return this.store?.getItem(key) ?? this.memory.get(key) ?? null;
    } catch {
      return this.memory.get(key) ?? null;
    }
  }

  private write(key: string, value: string): void {
    this.memory.set(key, value);
    try {
      this.store?.setItem(key, value);
    } catch {
      // full or blocked: memory keeps it for this page
    }
  }
}

export const sessions = new SessionStore();
