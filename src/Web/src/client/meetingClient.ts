// The ONE place that talks to the server: every HTTP call and every hub invoke is a typed function here.
//
//   MeetingHttp      create a meeting, look up a code, join, GET snapshot, GET events, the minutes (no connection
//                    needed)
//   MeetingClient    one person's live connection to one meeting: keeps `state` in step with the server
//                    (snapshot + events, via meetingState.ts), survives drops (reconnect with jittered back-off,
//                    stateful reconnect, rejoin and resync from the last seq), and sends commands through a queue
//                    that retries them with the same commandId until the server acknowledges or refuses them.
//
// Works in browsers and in Node 20+ (the e2e tests): fetch, the base URL, the token and the SignalR module are
// injected; @microsoft/signalr brings its own WebSocket support for Node.

import * as SignalR from "@microsoft/signalr";
import { CommandQueue, DEFAULT_RECONNECT_BACKOFF, backoffDelay, defaultSleep, newCommandId, type Backoff, type QueuedCommand } from "./commandQueue.js";
import { MeetingError, problemToError, toMeetingError } from "./errors.js";
import { applyEvent, applyEvents, fromSnapshot, type MeetingState } from "./meetingState.js";
import {
  MINUTES_KIND_PATH,
  type CheckReport,
  type MinutesKind,
  type MinutesStatus,
  type MinutesVersionSummary,
  type MinutesVersionView,
  type PlainSectionEdit,
  type PublicationView,
} from "./minutesProtocol.js";
import {
  ApiErrorCodes,
  ClientErrorCodes,
  DomainErrorCodes,
  EVENT_METHOD,
  HUB_PATH,
  JOIN_METHOD,
  MINUTES_READY_METHOD,
  type CodeInfo,
  type CommandAck,
  type CommandArgs,
  type CommandName,
  type CreatedMeeting,
  type EventEnvelope,
  type EventPage,
  type FacilitatorAccess,
  type Guid,
  type JoinedMeeting,
  type JoinRequest,
  type MeetingSnapshot,
  type MinutesReady,
  type MyMeeting,
  type TakeOverCodeAck,
  type UnknownEnvelope,
} from "./protocol.js";

type Fetch = typeof globalThis.fetch;
type TokenSource = string | (() => string);

const tokenOf = (token: TokenSource) => (typeof token === "function" ? token() : token);
const minutesPath = (meetingId: Guid) => `/api/meetings/${encodeURIComponent(meetingId)}/minutes`;
const trimSlash = (url: string) => url.replace(/\/+$/, "");

// =================================================================================================================
// HTTP

/** GET /api/site (src/Api/Infrastructure/SiteEndpoints.cs). */
export interface SiteInfo {
  publicUrl: string | null;
}

export interface MeetingHttpOptions {
  /** e.g. "http://127.0.0.1:5000" or "" (same origin in the browser). */
  baseUrl: string;
  fetch?: Fetch;
  /**
   * Extra headers for every request, e.g. a Cookie header in Node (browsers send the facilitator's cookie
   * themselves: requests are same-origin with credentials).
   */
  headers?: Record<string, string> | (() => Record<string, string>);
  /** Attempts for the idempotent POSTs (create, join) on retriable failures; same commandId each time. Default 5. */
  postAttempts?: number;
  backoff?: Backoff;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export class MeetingHttp {
  private readonly baseUrl: string;
  private readonly fetchFn: Fetch;
  private readonly extraHeaders: MeetingHttpOptions["headers"];
  private readonly postAttempts: number;
  private readonly backoff: Backoff;
  private readonly random: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(options: MeetingHttpOptions) {
    this.baseUrl = trimSlash(options.baseUrl);
    const fetchFn = options.fetch ?? globalThis.fetch;
    if (typeof fetchFn !== "function") throw new Error("No fetch: pass options.fetch.");
    this.fetchFn = fetchFn.bind(globalThis) as Fetch;
    this.extraHeaders = options.headers;
    this.postAttempts = Math.max(1, options.postAttempts ?? 5);
    this.backoff = options.backoff ?? { initialMs: 200, maxMs: 3_000 };
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? defaultSleep;
  }

  /** POST /api/meetings: starts a meeting; the caller becomes its facilitator. Tokens are shown only here. */
  createMeeting(request: { title: string; facilitatorName: string; commandId?: Guid }): Promise<CreatedMeeting> {
    const body = { commandId: request.commandId ?? newCommandId(), title: request.title, facilitatorName: request.facilitatorName };
    return this.retrying(() => this.request<CreatedMeeting>("POST", "/api/meetings", { body }));
  }

  /** GET /api/site: the address people reach this server at (PublicUrl; null when the page's own address is it). */
  getSite(): Promise<SiteInfo> {
    return this.request<SiteInfo>("GET", "/api/site");
  }

  /** GET /api/join/{code}: what a join page shows before joining. */
  lookUpCode(code: string): Promise<CodeInfo> {
    return this.request<CodeInfo>("GET", `/api/join/${encodeURIComponent(code)}`);
  }

  /** POST /api/join: joins with a code, a name and (optionally) a picture, role and the member a supporter supports. */
  join(request: Omit<JoinRequest, "commandId"> & { commandId?: Guid }): Promise<JoinedMeeting> {
    const body: JoinRequest = { ...request, commandId: request.commandId ?? newCommandId() };
    return this.retrying(() => this.request<JoinedMeeting>("POST", "/api/join", { body }));
  }

  /** GET /api/meetings/{id}/snapshot. */
  getSnapshot(meetingId: Guid, token: TokenSource): Promise<MeetingSnapshot> {
    return this.request<MeetingSnapshot>("GET", `/api/meetings/${meetingId}/snapshot`, { token });
  }

  /** GET /api/meetings/{id}/events?after=N: one page; complete=false means ask again from lastSeq. */
  getEvents(meetingId: Guid, token: TokenSource, after: number): Promise<EventPage> {
    return this.request<EventPage>("GET", `/api/meetings/${meetingId}/events?after=${after}`, { token });
  }

  /**
   * POST /api/account/sign-in: a facilitator account signs in (needed to create meetings when the Api has accounts).
   * Browsers keep the session cookie themselves; in Node pass the returned `cookie` as headers.Cookie.
   */
  async signIn(request: { email: string; password: string }): Promise<{ account: unknown; cookie: string | null }> {
    const { body, response } = await this.send("POST", "/api/account/sign-in", { body: request });
    const setCookies = typeof response.headers.getSetCookie === "function" ? response.headers.getSetCookie() : [];
    const cookie = setCookies.map((c) => c.split(";")[0]?.trim() ?? "").filter((c) => c.length > 0).join("; ");
    return { account: body, cookie: cookie === "" ? null : cookie };
  }

  /** GET /api/account/me: who is signed in (401 unauthenticated when no one is). */
  getMyAccount(): Promise<unknown> {
    return this.request<unknown>("GET", "/api/account/me");
  }

  /** GET /api/meetings/mine: "My meetings", the meetings the signed-in account started, newest first. */
  listMyMeetings(): Promise<MyMeeting[]> {
    return this.request<MyMeeting[]>("GET", "/api/meetings/mine");
  }

  /** POST /api/meetings/{id}/facilitator-access: fresh facilitator and screen tokens and the codes (the console again). */
  facilitatorAccess(meetingId: Guid): Promise<FacilitatorAccess> {
    return this.request<FacilitatorAccess>("POST", `/api/meetings/${meetingId}/facilitator-access`);
  }

  // --- Minutes (docs/protocol.md 5.9). They need the meeting token as a Bearer header, so a plain link cannot open
  // them: the app fetches the pages here and shows them itself.

  /** GET /minutes/: published or not, and every publication (anyone in the meeting). */
  getMinutesStatus(meetingId: Guid, token: TokenSource): Promise<MinutesStatus> {
    return this.request<MinutesStatus>("GET", `${minutesPath(meetingId)}/`, { token });
  }

  /** GET /minutes/easy-read.html (or standard.html): the current publication, or `publication` n, as an HTML page. */
  getPublishedMinutes(meetingId: Guid, token: TokenSource, kind: MinutesKind = "easyRead", publication?: number): Promise<string> {
    const query = publication === undefined ? "" : `?publication=${publication}`;
    return this.requestText(`${minutesPath(meetingId)}/${MINUTES_KIND_PATH[kind]}.html${query}`, token);
  }

  /** POST /minutes/drafts (facilitator): a new version made from the meeting as it stands, with its check report. */
  generateMinutesDraft(meetingId: Guid, token: TokenSource, nextMeeting: string | null = null): Promise<MinutesVersionView> {
    return this.request<MinutesVersionView>("POST", `${minutesPath(meetingId)}/drafts`, { token, body: { nextMeeting } });
  }

  /** GET /minutes/drafts (facilitator): every version, oldest first. */
  listMinutesDrafts(meetingId: Guid, token: TokenSource): Promise<MinutesVersionSummary[]> {
    return this.request<MinutesVersionSummary[]>("GET", `${minutesPath(meetingId)}/drafts`, { token });
  }

  /** GET /minutes/drafts/{n} (facilitator): one version with its Markdown and check report. */
  getMinutesDraft(meetingId: Guid, token: TokenSource, version: number): Promise<MinutesVersionView> {
    return this.request<MinutesVersionView>("GET", `${minutesPath(meetingId)}/drafts/${version}`, { token });
  }

  /**
   * POST /minutes/drafts/{n}/edits (facilitator): saves the changed words as a new version; n must be the latest. The
   * web app sends plain words per section ({ sections }); API clients may send Markdown ({ easyReadMarkdown }).
   */
  editMinutesDraft(
    meetingId: Guid,
    token: TokenSource,
    basedOn: number,
    edit: { sections: PlainSectionEdit[] } | { easyReadMarkdown: string; standardMarkdown?: string | null },
  ): Promise<MinutesVersionView> {
    const body = "sections" in edit
      ? { sections: edit.sections }
      : { easyReadMarkdown: edit.easyReadMarkdown, standardMarkdown: edit.standardMarkdown ?? null };
    return this.request<MinutesVersionView>("POST", `${minutesPath(meetingId)}/drafts/${basedOn}/edits`, { token, body });
  }

  /** GET /minutes/drafts/{n}/easy-read.html (facilitator): the draft as it will look, with a "This is a draft" notice. */
  previewMinutesDraft(meetingId: Guid, token: TokenSource, version: number, kind: MinutesKind = "easyRead"): Promise<string> {
    return this.requestText(`${minutesPath(meetingId)}/drafts/${version}/${MINUTES_KIND_PATH[kind]}.html`, token);
  }

  /** POST /minutes/check (facilitator): checks words that are not saved yet: plain words per section of draft basedOn, or Markdown. */
  checkMinutes(meetingId: Guid, token: TokenSource, words: string | { basedOn: number; sections: PlainSectionEdit[] }): Promise<CheckReport> {
    const body = typeof words === "string" ? { easyReadMarkdown: words } : { basedOn: words.basedOn, sections: words.sections };
    return this.request<CheckReport>("POST", `${minutesPath(meetingId)}/check`, { token, body });
  }

  /** POST /minutes/publish (facilitator, meeting closed): publishes a version once; everyone then gets MinutesReady. */
  publishMinutes(meetingId: Guid, token: TokenSource, version: number, reviewedWithId: Guid | null = null): Promise<PublicationView> {
    return this.request<PublicationView>("POST", `${minutesPath(meetingId)}/publish`, { token, body: { version, reviewedWithId } });
  }

  /** POST /minutes/corrections (facilitator): publishes a later version as a correction, with a note of what changed. */
  correctMinutes(
    meetingId: Guid,
    token: TokenSource,
    correction: { version: number; note: string; reviewedWithId?: Guid | null },
  ): Promise<PublicationView> {
    const body = { version: correction.version, note: correction.note, reviewedWithId: correction.reviewedWithId ?? null };
    return this.request<PublicationView>("POST", `${minutesPath(meetingId)}/corrections`, { token, body });
  }

  /** Every event after `after`, paging until complete. */
  async getAllEvents(meetingId: Guid, token: TokenSource, after = 0): Promise<EventEnvelope[]> {
    const events: EventEnvelope[] = [];
    for (let from = after; ; ) {
      const page = await this.getEvents(meetingId, token, from);
      events.push(...page.events);
      if (page.complete || page.events.length === 0) return events;
      from = page.lastSeq;
    }
  }

  private async retrying<T>(call: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        const e = toMeetingError(error);
        if (!e.retriable || attempt + 1 >= this.postAttempts) throw e;
        await this.sleep(backoffDelay(attempt, this.backoff, this.random));
      }
    }
  }

  private async request<T>(method: "GET" | "POST", path: string, options: { body?: unknown; token?: TokenSource } = {}): Promise<T> {
    return (await this.send(method, path, options)).body as T;
  }

  /** A GET that answers a page (minutes HTML); failures are ProblemDetails like everywhere else. */
  private async requestText(path: string, token: TokenSource): Promise<string> {
    return (await this.send("GET", path, { token, text: true })).body as string;
  }

  /** The one fetch of the client module (AccountHttp in accountHttp.ts builds on it). */
  protected async send(
    method: "GET" | "POST",
    path: string,
    options: { body?: unknown; token?: TokenSource; text?: boolean } = {},
  ): Promise<{ body: unknown; response: Response }> {
    const extra = typeof this.extraHeaders === "function" ? this.extraHeaders() : this.extraHeaders;
    const accept = options.text ? "text/html, application/problem+json" : "application/json";
    const headers: Record<string, string> = { ...extra, Accept: accept };
    if (options.body !== undefined) headers["Content-Type"] = "application/json";
    if (options.token !== undefined) headers["Authorization"] = `Bearer ${tokenOf(options.token)}`;
    let response: Response;
    try {
      response = await this.fetchFn(`${this.baseUrl}${path}`, {
        method,
        headers,
        credentials: "same-origin",
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new MeetingError(ClientErrorCodes.transport, `Could not reach the server (${message}).`, true);
    }
    const text = await response.text().catch(() => "");
    if (options.text && response.ok) return { body: text, response };
    let body: unknown = undefined;
    if (text !== "") {
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
    }
    if (!response.ok) throw problemToError(response.status, body);
    if (response.status === 204) return { body: undefined, response };
    if (body === undefined) throw new MeetingError(ClientErrorCodes.badResponse, `The server's answer to ${method} ${path} was not JSON.`, false, response.status);
    return { body, response };
  }
}

// =================================================================================================================
// Live transport: the hub connection. signalRTransport is the only code that calls HubConnection.invoke.

/** What the client tells a transport to do when things happen on the connection. */
export interface TransportHandlers {
  event(envelope: UnknownEnvelope): void;
  minutesReady(message: MinutesReady): void;
  reconnecting(error?: Error): void;
  reconnected(): void;
  closed(error?: Error): void;
}

/** One hub connection that can be started again after it closed. */
export interface MeetingTransport {
  start(): Promise<void>;
  stop(): Promise<void>;
  invoke<T>(method: string, argument?: unknown): Promise<T>;
}

/**
 * Makes the transport. `retryDelay` is the automatic-reconnect policy: the delay before reconnect attempt n, or
 * null to give up (the client then sees `closed`).
 */
export type TransportFactory = (
  handlers: TransportHandlers,
  retryDelay: (previousRetryCount: number, reason?: Error) => number | null,
) => MeetingTransport;

type SignalRModule = Pick<typeof SignalR, "HubConnectionBuilder" | "LogLevel">;

export interface SignalRTransportOptions {
  baseUrl: string;
  meetingId: Guid;
  token: TokenSource;
  /** The @microsoft/signalr module (default: the one this file imports). */
  signalR?: SignalRModule;
  /** Default: Warning. */
  logLevel?: SignalR.LogLevel;
  logger?: SignalR.ILogger;
  /** Extra builder settings (e.g. a transport type); runs before build(). */
  configure?: (builder: SignalR.HubConnectionBuilder) => SignalR.HubConnectionBuilder;
}

export function signalRTransport(options: SignalRTransportOptions): TransportFactory {
  // Named members, not the namespace object: a whole namespace used as a value keeps every export in the bundle.
  const lib: SignalRModule = options.signalR ?? { HubConnectionBuilder: SignalR.HubConnectionBuilder, LogLevel: SignalR.LogLevel };
  return (handlers, retryDelay) => {
    // ?meeting= lets a load balancer send every connection of one meeting to the same node (hash $arg_meeting).
    const url = `${trimSlash(options.baseUrl)}${HUB_PATH}?meeting=${encodeURIComponent(options.meetingId)}`;
    let builder = new lib.HubConnectionBuilder()
      .withUrl(url, { accessTokenFactory: () => tokenOf(options.token) })
      .withAutomaticReconnect({
        nextRetryDelayInMilliseconds: (context) => retryDelay(context.previousRetryCount, context.retryReason),
      })
      .withStatefulReconnect();
    builder = options.logger ? builder.configureLogging(options.logger) : builder.configureLogging(options.logLevel ?? lib.LogLevel.Warning);
    if (options.configure) builder = options.configure(builder);
    const connection = builder.build();
    connection.on(EVENT_METHOD, (envelope: UnknownEnvelope) => handlers.event(envelope));
    connection.on(MINUTES_READY_METHOD, (message: MinutesReady) => handlers.minutesReady(message));
    connection.onreconnecting((error) => handlers.reconnecting(error));
    connection.onreconnected(() => handlers.reconnected());
    connection.onclose((error) => handlers.closed(error));
    return {
      start: () => connection.start(),
      stop: () => connection.stop(),
      invoke: <T>(method: string, argument?: unknown) =>
        argument === undefined ? connection.invoke<T>(method) : connection.invoke<T>(method, argument),
    };
  };
}

// =================================================================================================================
// MeetingClient

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
  readonly http: MeetingHttp;
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
      this.adopt(fresh ?? (await this.http.getSnapshot(this.meetingId, this.token)));
      return;
    }
    if (target <= state.seq) return;
    if (target - state.seq > (this.options.snapshotAfterGap ?? 1000)) {
      this.log(`missed ${target - state.seq} events: taking a fresh snapshot`);
      this.adopt(fresh && fresh.seq >= target ? fresh : await this.http.getSnapshot(this.meetingId, this.token));
      return;
    }
    try {
      await this.fetchEventsFrom(state.seq, target);
    } catch (error) {
      const e = toMeetingError(error);
      // 404/410: the events are not to be had (any more); the snapshot says whether the meeting itself is gone.
      if (isRefusal(e) && e.status !== 404 && e.status !== 410) throw e;
      this.log(`GET events failed (${e.code}${e.status ? ` ${e.status}` : ""}): taking a fresh snapshot`);
      this.adopt(fresh && fresh.seq >= target ? fresh : await this.http.getSnapshot(this.meetingId, this.token));
    }
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
          this.adopt(await this.http.getSnapshot(this.meetingId, this.token));
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
