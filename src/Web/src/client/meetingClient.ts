// The public entry of the client module, and MeetingClient: one person's live connection to one meeting. It keeps
// `state` in step with the server (snapshot + events, via meetingState.ts), survives drops (reconnect with jittered
// back-off, stateful reconnect, rejoin and resync from the last seq), and sends commands through a queue that retries
// them with the same commandId until the server acknowledges or refuses them. Its `http` and `minutes` reach the REST
// side (meetingHttp.ts, meetingMinutes.ts); the hub is reached only through the transport (meetingTransport.ts).
//
// Works in browsers and in Node 20+ (the e2e tests): fetch, the base URL, the token and the SignalR module are
// injected; @microsoft/signalr brings its own WebSocket support for Node.

import type * as SignalR from "@microsoft/signalr";
import { CommandQueue, DEFAULT_RECONNECT_BACKOFF, backoffDelay, defaultSleep, type Backoff, type QueuedCommand } from "./commandQueue.js";
import { MeetingError, toMeetingError } from "./errors.js";
import { MeetingHttp, type TokenSource } from "./meetingHttp.js";
import { minutesOf, type MeetingMinutes } from "./meetingMinutes.js";
import { applyEvent, applyEvents, fromSnapshot, type MeetingState } from "./meetingState.js";
import { signalRTransport, type MeetingTransport, type SignalRModule, type TransportFactory } from "./meetingTransport.js";
import {
  ApiErrorCodes,
  ClientErrorCodes,
  DomainErrorCodes,
  JOIN_METHOD,
  type CommandAck,
  type CommandArgs,
  type CommandName,
  type EventEnvelope,
  type Guid,
  type MeetingSnapshot,
  type MinutesReady,
  type TakeOverCodeAck,
  type UnknownEnvelope,
} from "./protocol.js";

export { MeetingHttp, type MeetingHttpOptions, type TokenSource } from "./meetingHttp.js";
export { minutesOf, type MeetingMinutes } from "./meetingMinutes.js";
export {
  signalRTransport,
  type MeetingTransport,
  type SignalRModule,
  type SignalRTransportOptions,
  type TransportFactory,
  type TransportHandlers,
} from "./meetingTransport.js";

type Fetch = typeof globalThis.fetch;

export type ClientStatus =
  /** Not started yet. */
  | "idle"
  /** Opening the connection (first time, or again after it closed). */
  | "connecting"
  /** Connected; fetching the snapshot / catching up. */
  | "joining"
  /** In step with the server; commands flow. */
  | "connected"
  /** Catching up after a gap in the live events. */
  | "resyncing"
  /** The connection dropped; trying again. */
  | "reconnecting"
  /** The meeting is closed and the connection ended. */
  | "ended"
  /** The server refused our access (removed, or the token was withdrawn): not trying again. */
  | "refused"
  /** stop() was called. */
  | "stopped";

export interface MeetingClientOptions {
  baseUrl: string;
  meetingId: Guid;
  /** The access token from create/join (or a function that returns the current one). */
  token: TokenSource;
  fetch?: Fetch;
  /** The @microsoft/signalr module to use (default: the one imported here). */
  signalR?: SignalRModule;
  signalRLogLevel?: SignalR.LogLevel;
  signalRLogger?: SignalR.ILogger;
  /** Replaces the SignalR connection (tests use a fake). */
  transport?: TransportFactory;
  /** Reconnect back-off (default 0.5 s doubling to 8 s, jittered). */
  reconnectBackoff?: Backoff;
  /** Back-off between retries of a command refused with a retriable code (default 0.2 s doubling to 5 s). */
  commandBackoff?: Backoff;
  /** More missed events than this: take a fresh snapshot instead of fetching events. Default 1000. */
  snapshotAfterGap?: number;
  /** Keep reconnecting after the meeting closed (default false: stop once it closed and the connection ends). */
  reconnectWhenClosed?: boolean;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Diagnostics (reconnects, resyncs, retries). */
  log?: (message: string) => void;
}

export type StateListener = (state: MeetingState) => void;
export type EventListener = (envelope: EventEnvelope, state: MeetingState) => void;
export type StatusListener = (status: ClientStatus, error?: MeetingError) => void;
export type MinutesListener = (message: MinutesReady) => void;

/** Errors that mean our access is gone: trying again will not help. */
const REFUSED_CODES = new Set<string>([
  ApiErrorCodes.unauthenticated,
  ApiErrorCodes.wrongMeeting,
  ApiErrorCodes.meetingNotFound,
  "participant_removed",
]);

function isRefusal(error: unknown): boolean {
  if (error instanceof MeetingError) return REFUSED_CODES.has(error.code) || error.status === 401 || error.status === 403;
  const message = error instanceof Error ? error.message : String(error ?? "");
  // SignalR reports a refused negotiate as "... Status code '401'" (an HttpError or inside FailedToNegotiateWithServerError).
  const status = (error as { statusCode?: number } | null)?.statusCode;
  return status === 401 || status === 403 || /Status code '(401|403)'/.test(message);
}

export class MeetingClient {
  /** REST calls; those naming a meeting need its id and token (`minutes` has them already). */
  readonly http: MeetingHttp;
  /** This meeting's minutes, with this client's token: `client.minutes.status()`, `client.minutes.publish(2)`. */
  readonly minutes: MeetingMinutes;
  readonly meetingId: Guid;
  private readonly token: TokenSource;
  private readonly options: MeetingClientOptions;
  private readonly random: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly queue: CommandQueue;
  private readonly transport: MeetingTransport;

  private currentState: MeetingState | null = null;
  private currentStatus: ClientStatus = "idle";
  /** Live events that arrived while joining or catching up; applied afterwards. */
  private buffer: UnknownEnvelope[] = [];
  /** True while a snapshot or resync is being fetched: live events wait in the buffer. */
  private catchingUp = false;
  /** Serialises joins and resyncs. */
  private work: Promise<void> = Promise.resolve();
  private started: Promise<MeetingState> | null = null;
  private stopped = false;
  private refusal: MeetingError | null = null;
  private connectLoopRunning = false;

  private readonly stateListeners = new Set<StateListener>();
  private readonly eventListeners = new Set<EventListener>();
  private readonly statusListeners = new Set<StatusListener>();
  private readonly minutesListeners = new Set<MinutesListener>();
  private seqWaiters: { seq: number; resolve: (s: MeetingState) => void; reject: (e: MeetingError) => void }[] = [];

  constructor(options: MeetingClientOptions) {
    this.options = options;
    this.meetingId = options.meetingId;
    this.token = options.token;
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? defaultSleep;
    this.http = new MeetingHttp({ baseUrl: options.baseUrl, fetch: options.fetch, random: this.random, sleep: this.sleep });
    this.minutes = minutesOf(this.http, options.meetingId, options.token);
    this.queue = new CommandQueue(
      { invoke: (method, command) => this.transport.invoke<CommandAck>(method, command) },
      {
        backoff: options.commandBackoff,
        random: this.random,
        sleep: this.sleep,
        onRetry: (command, error, delay) =>
          this.log(`retrying ${command.method} ${command.command.commandId} in ${delay} ms after ${error.code}`),
      },
    );
    const factory =
      options.transport ??
      signalRTransport({
        baseUrl: options.baseUrl,
        meetingId: options.meetingId,
        token: options.token,
        signalR: options.signalR,
        logLevel: options.signalRLogLevel,
        logger: options.signalRLogger,
      });
    this.transport = factory(
      {
        event: (envelope) => this.onLiveEvent(envelope),
        minutesReady: (message) => {
          for (const listener of this.minutesListeners) listener(message);
        },
        reconnecting: (error) => this.onReconnecting(error),
        reconnected: () => this.onReconnected(),
        closed: (error) => this.onClosed(error),
      },
      (count, reason) => this.reconnectDelay(count, reason),
    );
  }

  // ------------------------------------------------------------------------------------------------------------
  // State and notifications

  /** The meeting as this client knows it (null until the first snapshot). Same shape as GET snapshot. */
  get state(): MeetingState | null {
    return this.currentState;
  }

  get status(): ClientStatus {
    return this.currentStatus;
  }

  /** Commands sent but not yet acknowledged or refused (e.g. while offline). */
  get pendingCommands(): readonly QueuedCommand[] {
    return this.queue.pending;
  }

  onState(listener: StateListener): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Each event applied, in order (also those fetched during a resync; not those folded into a fresh snapshot). */
  onEvent(listener: EventListener): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  onStatus(listener: StatusListener): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** "Your minutes are ready" (published or corrected). Keep reconnectWhenClosed on to hear it after a drop. */
  onMinutesReady(listener: MinutesListener): () => void {
    this.minutesListeners.add(listener);
    return () => this.minutesListeners.delete(listener);
  }

  /** Resolves once the state has reached `seq` (at once if it has). Rejects if the client stops first. */
  whenSeq(seq: number): Promise<MeetingState> {
    const state = this.currentState;
    if (state && state.seq >= seq) return Promise.resolve(state);
    if (this.stopped || this.currentStatus === "refused") {
      return Promise.reject(new MeetingError(ClientErrorCodes.stopped, "The meeting connection was stopped.", false));
    }
    return new Promise((resolve, reject) => this.seqWaiters.push({ seq, resolve, reject }));
  }

  // ------------------------------------------------------------------------------------------------------------
  // Lifecycle

  /** Connects, joins the live feed and resolves with the state. Keeps trying until connected, refused or stopped. */
  start(): Promise<MeetingState> {
    this.started ??= (async () => {
      await this.connectLoop();
      if (this.refusal) throw this.refusal;
      if (!this.currentState) throw new MeetingError(ClientErrorCodes.stopped, "The meeting connection was stopped.", false);
      return this.currentState;
    })();
    return this.started;
  }

  /** Closes the connection, stops reconnecting and refuses commands still waiting. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.queue.stop();
    this.rejectWaiters(new MeetingError(ClientErrorCodes.stopped, "The meeting connection was stopped.", false));
    this.setStatus(this.currentStatus === "refused" ? "refused" : "stopped");
    try {
      await this.transport.stop();
    } catch {
      // already closed
    }
  }

  /** Starts the connection and joins, again and again with back-off, until it works (or must not go on). */
  private async connectLoop(): Promise<void> {
    if (this.connectLoopRunning) return;
    this.connectLoopRunning = true;
    try {
      for (let attempt = 0; !this.stopped; attempt++) {
        this.setStatus("connecting");
        try {
          await this.transport.start();
        } catch (error) {
          if (this.stopped) return;
          if (isRefusal(error)) return this.refuse(error);
          const delay = backoffDelay(attempt, this.reconnectBackoff, this.random);
          this.log(`could not connect (${errorText(error)}); trying again in ${delay} ms`);
          await this.sleep(delay);
          continue;
        }
        try {
          await this.join();
          return;
        } catch (error) {
          if (this.stopped) return;
          if (isRefusal(error)) return this.refuse(error);
          // The connection may still be up (the join itself failed): drop it and start over.
          this.log(`joining failed (${errorText(error)}); starting over`);
          await this.transport.stop().catch(() => undefined);
          await this.sleep(backoffDelay(attempt, this.reconnectBackoff, this.random));
        }
      }
    } finally {
      this.connectLoopRunning = false;
    }
  }

  private get reconnectBackoff(): Backoff {
    return this.options.reconnectBackoff ?? DEFAULT_RECONNECT_BACKOFF;
  }

  /** The automatic-reconnect policy: never gives up while the meeting is open, unless stopped or refused. */
  private reconnectDelay(previousRetryCount: number, reason?: Error): number | null {
    if (this.stopped || this.currentStatus === "refused") return null;
    if (reason && isRefusal(reason)) {
      void this.refuse(reason);
      return null;
    }
    if (this.meetingClosed && !this.options.reconnectWhenClosed) return null;
    return backoffDelay(previousRetryCount, this.reconnectBackoff, this.random);
  }

  private get meetingClosed(): boolean {
    return this.currentState?.phase === "closed";
  }

  private onReconnecting(error?: Error): void {
    this.queue.setReady(false);
    this.setStatus("reconnecting");
    this.log(`connection lost (${errorText(error)}); reconnecting`);
  }

  private onReconnected(): void {
    // A new connection: it is in no group yet, and events may have been missed. Join again, then catch up.
    this.log("reconnected; joining again");
    void this.join().catch((error) => {
      if (this.stopped) return;
      if (isRefusal(error)) return this.refuse(error);
      // Dropped again while joining: SignalR is already reconnecting and will call onReconnected again.
      if (toMeetingError(error).code === ClientErrorCodes.transport) return;
      // The join failed on a live connection: restart the connection, which joins again.
      this.log(`joining after reconnect failed (${errorText(error)})`);
      void this.transport.stop().catch(() => undefined);
    });
  }

  private onClosed(error?: Error): void {
    this.queue.setReady(false);
    if (this.stopped || this.currentStatus === "refused") return;
    if (error && isRefusal(error)) {
      void this.refuse(error);
      return;
    }
    if (this.meetingClosed && !this.options.reconnectWhenClosed) {
      this.setStatus("ended");
      return;
    }
    // Automatic reconnect gave up (or the server closed us without allowing a reconnect): start over.
    this.log(`connection closed (${errorText(error)}); starting again`);
    void this.connectLoop();
  }

  private async refuse(error: unknown): Promise<void> {
    if (this.currentStatus === "refused") return;
    const refusal = new MeetingError(ApiErrorCodes.unauthenticated, "Your access to this meeting has ended. Please join again.", false, 401);
    this.refusal = refusal;
    this.setStatus("refused", refusal);
    this.log(`refused (${errorText(error)})`);
    this.queue.stop();
    this.rejectWaiters(refusal);
    this.stopped = true;
    await this.transport.stop().catch(() => undefined);
  }

  // ------------------------------------------------------------------------------------------------------------
  // Joining and catching up

  /** JoinMeeting (adds this connection to the live feed) and catch up from its snapshot; then commands flow. */
  private join(): Promise<void> {
    return this.serially(async () => {
      this.queue.setReady(false);
      this.setStatus("joining");
      this.catchingUp = true;
      try {
        const snapshot = await this.invokeJoin();
        await this.catchUp(snapshot);
      } finally {
        this.catchingUp = false;
      }
      await this.drainBuffer();
      if (this.stopped) return;
      this.setStatus("connected");
      this.queue.setReady(true);
    });
  }

  /** JoinMeeting, tried again a few times on a retriable refusal (rate_limited, storage_unavailable, conflict). */
  private async invokeJoin(): Promise<MeetingSnapshot> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.transport.invoke<MeetingSnapshot>(JOIN_METHOD);
      } catch (error) {
        const e = toMeetingError(error);
        // A transport failure means the connection is gone: the reconnect logic takes over.
        if (this.stopped || !e.retriable || e.code === ClientErrorCodes.transport || attempt >= 5) throw e;
        const delay = backoffDelay(attempt, this.options.commandBackoff ?? { initialMs: 250, maxMs: 4_000 }, this.random);
        this.log(`JoinMeeting refused with ${e.code}; trying again in ${delay} ms`);
        await this.sleep(delay);
      }
    }
  }

  /**
   * Brings the state up to the server's: adopts `fresh` when there is no state yet or the gap is huge; otherwise
   * fetches the missed events (GET events?after=seq, page by page) so each one is seen; falls back to a snapshot
   * when the events cannot be had (404/410 or another failure).
   */
  private async catchUp(fresh?: MeetingSnapshot): Promise<void> {
    const state = this.currentState;
    const target = Math.max(fresh?.seq ?? 0, ...this.buffer.map((e) => e.seq));
    if (!state || state.meetingId !== this.meetingId) {
      this.adopt(fresh ?? (await this.fetchSnapshot()));
      return;
    }
    if (target <= state.seq) return;
    if (target - state.seq > (this.options.snapshotAfterGap ?? 1000)) {
      this.log(`missed ${target - state.seq} events: taking a fresh snapshot`);
      this.adopt(fresh && fresh.seq >= target ? fresh : await this.fetchSnapshot());
      return;
    }
    try {
      await this.fetchEventsFrom(state.seq, target);
    } catch (error) {
      const e = toMeetingError(error);
      // 404/410: the events are not to be had (any more); the snapshot says whether the meeting itself is gone.
      if (isRefusal(e) && e.status !== 404 && e.status !== 410) throw e;
      this.log(`GET events failed (${e.code}${e.status ? ` ${e.status}` : ""}): taking a fresh snapshot`);
      this.adopt(fresh && fresh.seq >= target ? fresh : await this.fetchSnapshot());
    }
  }

  private fetchSnapshot(): Promise<MeetingSnapshot> {
    return this.http.getSnapshot(this.meetingId, this.token);
  }

  /** Pages through GET events?after= until complete (or past `target`), applying each event. */
  private async fetchEventsFrom(after: number, target: number): Promise<void> {
    for (let from = after; ; ) {
      const page = await this.http.getEvents(this.meetingId, this.token, from);
      const state = this.currentState as MeetingState;
      const result = applyEvents(state, page.events);
      this.publish(result.state, result.applied);
      if (result.kind !== "applied") {
        throw new MeetingError("resync_failed", `The events the server sent do not follow on (${result.kind}).`, false, 410);
      }
      if (page.complete || page.events.length === 0) {
        if (result.state.seq < target) {
          throw new MeetingError("resync_failed", "The server sent fewer events than expected.", false, 410);
        }
        return;
      }
      from = page.lastSeq;
    }
  }

  /** Applies the live events that waited; a gap left over triggers another catch-up. */
  private async drainBuffer(): Promise<void> {
    for (let round = 0; this.buffer.length > 0 && this.currentState && !this.stopped; round++) {
      const waiting = this.buffer;
      this.buffer = [];
      const result = applyEvents(this.currentState, waiting);
      this.publish(result.state, result.applied);
      if (result.kind === "applied") continue;
      // Keep what could not be applied yet, and catch up to it.
      this.buffer = waiting.filter((e) => e.seq > result.state.seq);
      this.catchingUp = true;
      try {
        if (result.kind === "unknown") {
          this.log(`unknown event type ${result.type}: taking a fresh snapshot`);
          this.adopt(await this.fetchSnapshot());
        } else {
          this.log(`gap: expected ${result.expected}, received ${result.received}; fetching the missing events`);
          await this.catchUp();
        }
      } finally {
        this.catchingUp = false;
      }
      if (round > 20) await this.sleep(backoffDelay(round - 20, this.reconnectBackoff, this.random));
    }
  }

  private onLiveEvent(envelope: UnknownEnvelope): void {
    if (this.stopped) return;
    if (this.catchingUp || !this.currentState) {
      this.buffer.push(envelope);
      return;
    }
    const result = applyEvent(this.currentState, envelope);
    switch (result.kind) {
      case "applied":
        this.publish(result.state, [envelope as EventEnvelope]);
        return;
      case "duplicate":
        return;
      case "gap":
      case "unknown":
        this.buffer.push(envelope);
        this.setStatus("resyncing");
        void this.serially(async () => {
          await this.drainBuffer();
          if (!this.stopped && this.currentStatus === "resyncing") this.setStatus("connected");
        }).catch((error) => {
          if (isRefusal(error)) return this.refuse(error);
          this.log(`resync failed (${errorText(error)}); reconnecting to start over`);
          // Starting the connection over joins again, which catches up from a snapshot.
          void this.transport.stop().catch(() => undefined);
        });
        return;
    }
  }

  private adopt(snapshot: MeetingSnapshot): void {
    const state = this.currentState;
    if (state && state.meetingId === snapshot.meetingId && snapshot.seq < state.seq) return; // never go back
    this.publish(fromSnapshot(snapshot), []);
  }

  private publish(state: MeetingState, applied: readonly EventEnvelope[]): void {
    if (state === this.currentState && applied.length === 0) return;
    this.currentState = state;
    for (const envelope of applied) for (const listener of this.eventListeners) listener(envelope, state);
    for (const listener of this.stateListeners) listener(state);
    const ready = this.seqWaiters.filter((w) => w.seq <= state.seq);
    if (ready.length > 0) {
      this.seqWaiters = this.seqWaiters.filter((w) => w.seq > state.seq);
      for (const waiter of ready) waiter.resolve(state);
    }
  }

  private rejectWaiters(error: MeetingError): void {
    const waiters = this.seqWaiters;
    this.seqWaiters = [];
    for (const waiter of waiters) waiter.reject(error);
  }

  private serially(task: () => Promise<void>): Promise<void> {
    const run = this.work.then(task, task);
    this.work = run.catch(() => undefined);
    return run;
  }

  private setStatus(status: ClientStatus, error?: MeetingError): void {
    if (this.currentStatus === status) return;
    if ((this.currentStatus === "stopped" || this.currentStatus === "refused") && status !== "refused") return;
    this.currentStatus = status;
    for (const listener of this.statusListeners) listener(status, error);
  }

  private log(message: string): void {
    this.options.log?.(`[meeting ${this.meetingId.slice(0, 8)}] ${message}`);
  }

  // ------------------------------------------------------------------------------------------------------------
  // Commands. Each resolves with the server's ack once this client's state includes the command's events, or
  // rejects with a MeetingError carrying the server's code (e.g. "not_allowed", "already_voted").

  /** Sends any command; `commandId` defaults to a fresh UUID (pass one to make a retry of your own idempotent). */
  async send<M extends CommandName>(method: M, args: CommandArgs[M], commandId?: Guid): Promise<CommandAck> {
    let ack: CommandAck;
    try {
      ack = await this.queue.enqueue(method, args, commandId);
    } catch (error) {
      // Our access was withdrawn: stop rather than carry on as if still in it. Not on participant_removed: a command
      // gets it when the person it NAMES has left (e.g. removing someone another laptop removed first); when it is
      // us, the server also closes our connections and the reconnect is refused with 401, which stops us then.
      if (error instanceof MeetingError && REFUSED_CODES.has(error.code) && error.code !== DomainErrorCodes.participantRemoved) {
        void this.refuse(error);
      }
      throw error;
    }
    await this.whenSeq(ack.seq);
    return ack;
  }

  answerQuestion(args: CommandArgs["AnswerQuestion"], commandId?: Guid) {
    return this.send("AnswerQuestion", args, commandId);
  }
  proposeItem(args: CommandArgs["ProposeItem"], commandId?: Guid) {
    return this.send("ProposeItem", args, commandId);
  }
  promoteAnswer(args: CommandArgs["PromoteAnswer"], commandId?: Guid) {
    return this.send("PromoteAnswer", args, commandId);
  }
  agreeAgenda(args: CommandArgs["AgreeAgenda"], commandId?: Guid) {
    return this.send("AgreeAgenda", args, commandId);
  }
  moveToPhase(args: CommandArgs["MoveToPhase"], commandId?: Guid) {
    return this.send("MoveToPhase", args, commandId);
  }
  startItem(args: CommandArgs["StartItem"], commandId?: Guid) {
    return this.send("StartItem", args, commandId);
  }
  finishItem(args: CommandArgs["FinishItem"], commandId?: Guid) {
    return this.send("FinishItem", args, commandId);
  }
  carryItemForward(args: CommandArgs["CarryItemForward"], commandId?: Guid) {
    return this.send("CarryItemForward", args, commandId);
  }
  addNote(args: CommandArgs["AddNote"], commandId?: Guid) {
    return this.send("AddNote", args, commandId);
  }
  openPoll(args: CommandArgs["OpenPoll"], commandId?: Guid) {
    return this.send("OpenPoll", args, commandId);
  }
  castBallot(args: CommandArgs["CastBallot"], commandId?: Guid) {
    return this.send("CastBallot", args, commandId);
  }
  recordHandCount(args: CommandArgs["RecordHandCount"], commandId?: Guid) {
    return this.send("RecordHandCount", args, commandId);
  }
  closePoll(args: CommandArgs["ClosePoll"], commandId?: Guid) {
    return this.send("ClosePoll", args, commandId);
  }
  recordDecision(args: CommandArgs["RecordDecision"], commandId?: Guid) {
    return this.send("RecordDecision", args, commandId);
  }
  addAction(args: CommandArgs["AddAction"], commandId?: Guid) {
    return this.send("AddAction", args, commandId);
  }
  setActionStatus(args: CommandArgs["SetActionStatus"], commandId?: Guid) {
    return this.send("SetActionStatus", args, commandId);
  }
  inviteListener(args: CommandArgs["InviteListener"], commandId?: Guid) {
    return this.send("InviteListener", args, commandId);
  }
  respondAsListener(args: CommandArgs["RespondAsListener"], commandId?: Guid) {
    return this.send("RespondAsListener", args, commandId);
  }
  raiseCard(args: CommandArgs["RaiseCard"], commandId?: Guid) {
    return this.send("RaiseCard", args, commandId);
  }
  clearCard(args: CommandArgs["ClearCard"], commandId?: Guid) {
    return this.send("ClearCard", args, commandId);
  }
  removeParticipant(args: CommandArgs["RemoveParticipant"], commandId?: Guid) {
    return this.send("RemoveParticipant", args, commandId);
  }
  /** Gives a member a role in the meeting (facilitator); refused with role_taken while someone else holds it. */
  giveRole(args: CommandArgs["GiveRole"], commandId?: Guid) {
    return this.send("GiveRole", args, commandId);
  }
  /** Takes a role back from the member who holds it (facilitator). */
  takeRole(args: CommandArgs["TakeRole"], commandId?: Guid) {
    return this.send("TakeRole", args, commandId);
  }
  /** Adds a member who is in the room without a phone or tablet (facilitator, supporter); ack id = the new member. */
  addMemberWithoutDevice(args: CommandArgs["AddMemberWithoutDevice"], commandId?: Guid) {
    return this.send("AddMemberWithoutDevice", args, commandId);
  }
  /** A one-use code for a member without a device to take over on one; the code is only in this answer. */
  async issueTakeOverCode(args: CommandArgs["IssueTakeOverCode"], commandId?: Guid): Promise<TakeOverCodeAck> {
    const ack = (await this.send("IssueTakeOverCode", args, commandId)) as Partial<TakeOverCodeAck>;
    if (typeof ack.code !== "string" || ack.code === "") {
      throw new MeetingError(ClientErrorCodes.badResponse, "The server did not send a code. Please try again.", false);
    }
    return ack as TakeOverCodeAck;
  }
}

function errorText(error: unknown): string {
  if (error === undefined || error === null) return "no error";
  return error instanceof Error ? error.message : String(error);
}
