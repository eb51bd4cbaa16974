// A fake ForumHub server for MeetingClient tests: a hub transport (start/stop/invoke, events, reconnects) and a
// fetch for GET snapshot / GET events, over one in-memory event log. Commands are applied once per commandId,
// like the real runtime, and may be scripted to fail.
import { applyEvents, emptyState } from "../meetingState.js";
import type { TransportFactory, TransportHandlers, MeetingTransport } from "../meetingTransport.js";
import type { CommandAck, CommandBase, EventEnvelope, MeetingSnapshot, UnknownEnvelope } from "../protocol.js";
import { EventLog, at, createdMeeting, guid, ids } from "./fixtures.js";

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

type CommandBehaviour = (method: string, command: CommandBase & Record<string, unknown>) => CommandAck | Error | "drop-after-apply";

export class FakeServer {
  readonly log: EventLog;
  handlers: TransportHandlers | null = null;
  retryDelay: ((count: number, reason?: Error) => number | null) | null = null;
  connected = false;
  inGroup = false;
  /** Live events are not delivered while true (simulates a lossy feed). */
  dropLiveEvents = false;
  pageSize = 1000;
  /** Scripted results for start(): an Error fails that attempt. */
  startResults: (Error | "ok")[] = [];
  /** Status GET events answers with instead of events (e.g. 404), when set. */
  eventsStatus: number | null = null;
  /** Runs for each command; default applies it by adding an itemProposed/cardRaised event. */
  behaviour: CommandBehaviour | null = null;
  /** Runs inside JoinMeeting after the caller joined the group and before the snapshot is taken. */
  duringJoin: (() => void) | null = null;

  readonly calls = { start: 0, stop: 0, join: 0, snapshot: 0, events: [] as number[], commands: [] as { method: string; command: CommandBase }[] };
  private readonly applied = new Map<string, CommandAck>();
  private nextId = 0xe00;

  constructor(log: EventLog = peopleMeeting()) {
    this.log = log;
  }

  snapshot(): MeetingSnapshot {
    const result = applyEvents(emptyState(), this.log.events);
    // Events this fake cannot build state for (unknown types) still count, as on a real server.
    return clone({ ...result.state, seq: this.log.seq });
  }

  /** Adds an event to the log and broadcasts it to the connected client (unless the feed is lossy). */
  emit(...args: Parameters<EventLog["add"]>): EventEnvelope {
    const envelope = this.log.add(...args);
    this.deliver(envelope);
    return envelope;
  }

  deliver(envelope: EventEnvelope | UnknownEnvelope): void {
    if (this.connected && this.inGroup && !this.dropLiveEvents) this.handlers?.event(clone(envelope));
  }

  /** Another participant did something: a card is raised. */
  someoneActs(): EventEnvelope {
    return this.emit("cardRaised", { cardId: guid(this.nextId++), participantId: ids.ben, kind: "question", at: at(30) });
  }

  /** The connection drops; SignalR starts reconnecting. */
  drop(): void {
    this.connected = false;
    this.inGroup = false;
    this.handlers?.reconnecting(new Error("WebSocket closed with status code: 1006."));
  }

  /** SignalR reconnected (a new connection, in no group yet). */
  reconnect(): void {
    this.connected = true;
    this.handlers?.reconnected();
  }

  /** The connection closed for good (automatic reconnect gave up, or the server closed it). */
  close(error?: Error): void {
    this.connected = false;
    this.inGroup = false;
    this.handlers?.closed(error);
  }

  readonly transport: TransportFactory = (handlers, retryDelay) => {
    this.handlers = handlers;
    this.retryDelay = retryDelay;
    const transport: MeetingTransport = {
      start: async () => {
        this.calls.start++;
        const result = this.startResults.shift() ?? "ok";
        if (result instanceof Error) throw result;
        this.connected = true;
      },
      stop: async () => {
        this.calls.stop++;
        const was = this.connected;
        this.connected = false;
        this.inGroup = false;
        if (was) handlers.closed(undefined);
      },
      invoke: async <T>(method: string, argument?: unknown): Promise<T> => {
        await Promise.resolve();
        if (!this.connected) throw new Error("Cannot send data if the connection is not in the 'Connected' State.");
        if (method === "JoinMeeting") {
          this.calls.join++;
          this.inGroup = true;
          this.duringJoin?.();
          return this.snapshot() as T;
        }
        const command = argument as CommandBase & Record<string, unknown>;
        this.calls.commands.push({ method, command: clone(command) });
        const earlier = this.applied.get(command.commandId);
        if (earlier) return clone(earlier) as T;
        const outcome = this.behaviour?.(method, command) ?? this.applyDefault(method, command);
        if (outcome instanceof Error) throw outcome;
        if (outcome === "drop-after-apply") {
          // Applied and broadcast, but the connection dies before the ack reaches the client.
          const ack = this.applyDefault(method, command);
          this.applied.set(command.commandId, ack);
          this.drop();
          throw new Error("Invocation canceled due to the underlying connection being closed.");
        }
        this.applied.set(command.commandId, outcome);
        return clone(outcome) as T;
      },
    };
    return transport;
  };

  /** Applies a command by raising one event for it. */
  applyDefault(method: string, command: CommandBase & Record<string, unknown>): CommandAck {
    const id = guid(this.nextId++);
    if (method === "ProposeItem") {
      this.emit("itemProposed", {
        itemId: id, title: String(command.title), picture: null, proposedById: ids.ann, enteredById: ids.ann, fromAnswerId: null,
      });
    } else {
      this.emit("cardRaised", { cardId: id, participantId: ids.ann, kind: "stop", at: at(40) });
    }
    return { seq: this.log.seq, id };
  }

  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    const auth = new Headers(init?.headers).get("Authorization");
    if (auth !== "Bearer token-1") return json(401, { title: "Please join the meeting again.", code: "unauthenticated", retriable: false });
    if (url.pathname.endsWith("/snapshot")) {
      this.calls.snapshot++;
      return json(200, this.snapshot());
    }
    if (url.pathname.endsWith("/events")) {
      const after = Number(url.searchParams.get("after"));
      this.calls.events.push(after);
      if (this.eventsStatus !== null) return json(this.eventsStatus, { title: "Gone.", code: "meeting_not_found", retriable: false });
      return json(200, this.log.page(after, this.pageSize));
    }
    return json(404, { title: "Not found", code: "not_found" });
  };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

/** created + facilitator + screen + Ann + Ben (seq 5). */
export function peopleMeeting(): EventLog {
  const log = createdMeeting();
  for (const [id, name, when] of [
    [ids.ann, "Ann", at(1)],
    [ids.ben, "Ben", at(2)],
  ] as const) {
    log.add("participantJoined", { participantId: id, displayName: name, role: "member", picture: null, supportsMemberId: null, at: when });
  }
  return log;
}
