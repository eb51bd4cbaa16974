// Commands wait here until the server acknowledges them or refuses them for good. While the connection is down
// they stay queued; a retriable failure (conflict, storage_unavailable, rate_limited, a dropped connection) sends
// the SAME command again (same commandId), so the server applies it at most once. Commands go one at a time, in
// the order they were made.

import { MeetingError, toMeetingError } from "./errors.js";
import { ClientErrorCodes, type CommandAck, type CommandArgs, type CommandBase, type CommandName, type Guid } from "./protocol.js";

export interface Backoff {
  /** Delay before the first retry. */
  initialMs: number;
  /** The longest delay. */
  maxMs: number;
}

export const DEFAULT_COMMAND_BACKOFF: Backoff = { initialMs: 200, maxMs: 5_000 };
/**
 * Reconnecting: at most 8 s between tries (4-8 s with jitter), so whenever the server comes back, every client is back
 * within about 10 s however long it was away (tests/e2e/reliability/server-crash.test.mjs allows 15 s).
 */
export const DEFAULT_RECONNECT_BACKOFF: Backoff = { initialMs: 500, maxMs: 8_000 };

/**
 * Exponential back-off with jitter: retry n waits between half and all of min(maxMs, initialMs * 2^n), so that
 * a room full of phones that lost Wi-Fi together does not come back in the same millisecond.
 */
export function backoffDelay(attempt: number, backoff: Backoff, random: () => number = Math.random): number {
  const ceiling = Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** What the queue needs from the connection. */
export interface CommandSender {
  invoke(method: CommandName, command: CommandBase): Promise<CommandAck>;
}

export interface QueuedCommand {
  readonly method: CommandName;
  readonly command: CommandBase;
  /** How many times it was sent and failed in a retriable way. */
  attempts: number;
  lastError?: MeetingError;
}

export interface CommandQueueOptions {
  backoff?: Backoff;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Told whenever the queue's length changes (for a "sending…" indicator). */
  onChange?: (pending: readonly QueuedCommand[]) => void;
  /** Told about each retriable failure before the retry. */
  onRetry?: (command: QueuedCommand, error: MeetingError, delayMs: number) => void;
}

interface Entry extends QueuedCommand {
  resolve: (ack: CommandAck) => void;
  reject: (error: MeetingError) => void;
}

export const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A random (version 4) UUID. crypto.randomUUID exists only in secure contexts (HTTPS or localhost); a phone on the
 * room's Wi-Fi may reach the server over plain http://<address>, so fall back to crypto.getRandomValues.
 */
export function newCommandId(): Guid {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === "function") return c.randomUUID();
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export class CommandQueue {
  private readonly entries: Entry[] = [];
  private ready = false;
  private stopped = false;
  private pumping = false;
  private readonly backoff: Backoff;
  private readonly random: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** Wakes a retry wait early when the connection comes back. */
  private wake: (() => void) | null = null;

  constructor(
    private readonly sender: CommandSender,
    private readonly options: CommandQueueOptions = {},
  ) {
    this.backoff = options.backoff ?? DEFAULT_COMMAND_BACKOFF;
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? defaultSleep;
  }

  /** Commands not yet acknowledged or refused, oldest first. */
  get pending(): readonly QueuedCommand[] {
    return this.entries;
  }

  get isReady(): boolean {
    return this.ready;
  }

  /** Queues a command; resolves with its ack, or rejects with a non-retriable MeetingError (or "stopped"). */
  enqueue<M extends CommandName>(method: M, args: CommandArgs[M], commandId: Guid = newCommandId()): Promise<CommandAck> {
    if (this.stopped) return Promise.reject(new MeetingError(ClientErrorCodes.stopped, "The meeting connection was stopped.", false));
    return new Promise<CommandAck>((resolve, reject) => {
      this.entries.push({ method, command: { ...args, commandId }, attempts: 0, resolve, reject });
      this.changed();
      void this.pump();
    });
  }

  /** The connection is up and the state is in step: send what waits. */
  setReady(ready: boolean): void {
    this.ready = ready;
    if (ready) {
      this.wake?.();
      void this.pump();
    }
  }

  /** Refuses everything still waiting with "stopped"; later enqueues are refused at once. */
  stop(): void {
    this.stopped = true;
    this.ready = false;
    this.wake?.();
    const error = new MeetingError(ClientErrorCodes.stopped, "The meeting connection was stopped.", false);
    for (const entry of this.entries.splice(0)) entry.reject(error);
    this.changed();
  }

  private changed(): void {
    this.options.onChange?.(this.entries.slice());
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (!this.stopped && this.ready && this.entries.length > 0) {
        const entry = this.entries[0] as Entry;
        try {
          const ack = await this.sender.invoke(entry.method, entry.command);
          this.finish(entry);
          entry.resolve(ack);
        } catch (thrown) {
          if (this.stopped) break;
          const error = toMeetingError(thrown);
          if (!error.retriable) {
            this.finish(entry);
            entry.reject(error);
            continue;
          }
          entry.lastError = error;
          const delay = backoffDelay(entry.attempts, this.backoff, this.random);
          entry.attempts++;
          this.options.onRetry?.(entry, error, delay);
          // A transport failure usually means the connection is going down: the client will mark the queue not
          // ready and ready again after it rejoined. Either way wait a little before sending it again.
          await this.waitOrWake(delay);
        }
      }
    } finally {
      this.pumping = false;
    }
    // Something may have been queued (or the connection come back) while the last send was finishing.
    if (!this.stopped && this.ready && this.entries.length > 0) void this.pump();
  }

  private finish(entry: Entry): void {
    const index = this.entries.indexOf(entry);
    if (index >= 0) this.entries.splice(index, 1);
    this.changed();
  }

  private async waitOrWake(ms: number): Promise<void> {
    let woken: () => void = () => {};
    const wakeUp = new Promise<void>((resolve) => {
      woken = resolve;
    });
    this.wake = woken;
    try {
      await Promise.race([this.sleep(ms), wakeUp]);
    } finally {
      if (this.wake === woken) this.wake = null;
    }
  }
}
