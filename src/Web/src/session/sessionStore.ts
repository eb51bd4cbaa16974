// What this device keeps about the meetings it is in: the access token (shown once by the server), who it is,
// and the codes (the snapshot has no codes). In localStorage, so a reload or a closed tab does not lose the meeting.
//
// One entry per meeting AND person: a second person joining in another tab of the same browser must never
// replace the first (a facilitator who let a member join on her laptop lost her console). Keys:
//   forumhub.session.<meetingId>.<participantId>   a person (member, supporter, listener, facilitator)
//   forumhub.session.<meetingId>.screen            the shared screen (its own slot)
//   forumhub.session.<meetingId>                   the old single entry: read, then moved to its person's key
// Which person a tab is travels in its address (/meeting/{id}/p/{participantId}, app/routes.ts).
import type { Guid, Role } from "../client/protocol";

export interface MeetingSession {
  meetingId: Guid;
  participantId: Guid;
  role: Role;
  token: string;
  /** The name this person joined with (for the "who are you?" chooser; the snapshot has it too once connected). */
  displayName?: string;
  /** Member join code (facilitator and screen keep it to show it). */
  joinCode?: string;
  /** Listener invite code (facilitator only). */
  listenerCode?: string;
  /** The shared screen's token (facilitator only, to open the screen). */
  screenToken?: string;
  /** The commandId of the join: repeating the join with it gets the same person back with a fresh token. */
  joinCommandId?: Guid;
  /** When this person was first kept on this device (ISO time): the chooser lists people in this order. */
  savedAt?: string;
}

const PREFIX = "forumhub.session.";
export const SCREEN_SLOT = "screen";

function meetingKey(meetingId: Guid): string {
  return PREFIX + meetingId.toLowerCase();
}

function keyOf(meetingId: Guid, slot: string): string {
  return meetingKey(meetingId) + (slot ? `.${slot.toLowerCase()}` : "");
}

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  /** localStorage has these; without them only the keys this page wrote can be listed. */
  readonly length?: number;
  key?(index: number): string | null;
}

function defaultStore(): KeyValueStore | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null; // storage blocked
  }
}

/** The facilitator first (her console must always be easy to find), then in the order they were kept. */
function byChooserOrder(a: MeetingSession, b: MeetingSession): number {
  const f = Number(b.role === "facilitator") - Number(a.role === "facilitator");
  if (f !== 0) return f;
  return (a.savedAt ?? "").localeCompare(b.savedAt ?? "");
}

/** Keeps sessions in `store`; falls back to memory when the browser blocks storage. */
export class SessionStore {
  private readonly memory = new Map<string, string>();

  constructor(
    private readonly store: KeyValueStore | null = defaultStore(),
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * A slot's session: "screen", or a participant id. Without a slot: the person this browser would open for the
   * meeting when the address does not say who (the only one, else the facilitator, else the first kept).
   */
  get(meetingId: Guid, slot = ""): MeetingSession | null {
    if (!slot) return this.people(meetingId)[0] ?? null;
    return this.parse(this.read(keyOf(meetingId, slot)), meetingId);
  }

  /** One person of the meeting on this device. */
  person(meetingId: Guid, participantId: Guid): MeetingSession | null {
    const session = this.get(meetingId, participantId || "-");
    return session && session.role !== "screen" ? session : null;
  }

  /** Every person this device holds for the meeting (not the screen), facilitator first. */
  people(meetingId: Guid): MeetingSession[] {
    this.moveOldEntry(meetingId);
    const prefix = meetingKey(meetingId) + ".";
    const found: MeetingSession[] = [];
    for (const key of this.keys()) {
      if (!key.startsWith(prefix) || key === prefix + SCREEN_SLOT) continue;
      const session = this.parse(this.read(key), meetingId);
      if (session && session.role !== "screen" && key === keyOf(meetingId, session.participantId)) found.push(session);
    }
    return found.sort(byChooserOrder);
  }

  /** The facilitator's session for the meeting on this device, if it holds one. */
  facilitator(meetingId: Guid): MeetingSession | null {
    return this.people(meetingId).find((s) => s.role === "facilitator") ?? null;
  }

  /**
   * Keeps a session. A person goes under their own participant id: saving another person never touches them, and
   * saving the same person again (a fresh token) replaces only their entry. `slot` "screen" keeps the shared screen.
   */
  save(session: MeetingSession, slot = ""): void {
    const key = keyOf(session.meetingId, slot || session.participantId);
    const earlier = this.parse(this.read(key), session.meetingId);
    const savedAt = earlier?.savedAt ?? session.savedAt ?? this.now().toISOString();
    this.write(key, JSON.stringify({ ...session, savedAt }));
  }

  /** Forgets one person (by participant id) or a slot ("screen"). */
  forget(meetingId: Guid, slot = ""): void {
    this.remove(keyOf(meetingId, slot));
  }

  /** The old one-entry-per-meeting key (a browser may still hold one): moved to its person's own key, never lost. */
  private moveOldEntry(meetingId: Guid): void {
    const old = meetingKey(meetingId);
    const session = this.parse(this.read(old), meetingId);
    if (!session) return;
    if (session.participantId && session.role !== "screen" && !this.read(keyOf(meetingId, session.participantId))) this.save(session);
    if (session.participantId) this.remove(old);
  }

  private parse(raw: string | null, meetingId: Guid): MeetingSession | null {
    if (!raw) return null;
    try {
      const session = JSON.parse(raw) as MeetingSession;
      return typeof session.token === "string" && session.meetingId?.toLowerCase() === meetingId.toLowerCase() ? session : null;
    } catch {
      return null;
    }
  }

  private keys(): string[] {
    const keys = new Set(this.memory.keys());
    try {
      const count = this.store?.length ?? 0;
      for (let i = 0; i < count; i++) {
        const key = this.store?.key?.(i);
        if (key) keys.add(key);
      }
    } catch {
      // blocked: memory only
    }
    return [...keys];
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

  private remove(key: string): void {
    this.memory.delete(key);
    try {
      this.store?.removeItem(key);
    } catch {
      // ignore
    }
  }
}

export const sessions = new SessionStore();
