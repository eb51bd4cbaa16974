// MeetingHttp: every REST call of the client module (create a meeting, look up a code, join, the snapshot and events,
// accounts, the minutes). None needs a live connection; MeetingClient uses one for its snapshot and catch-up.
import { backoffDelay, defaultSleep, newCommandId, type Backoff } from "./commandQueue.js";
import { MeetingError, problemToError, toMeetingError } from "./errors.js";
import {
  MINUTES_KIND_PATH,
  type CheckMinutesBody,
  type CheckReport,
  type CorrectMinutesBody,
  type EditMinutesBody,
  type GenerateMinutesBody,
  type MinutesKind,
  type MinutesStatus,
  type MinutesVersionSummary,
  type MinutesVersionView,
  type PlainSectionEdit,
  type PublicationView,
  type PublishMinutesBody,
} from "./minutesProtocol.js";
import {
  ClientErrorCodes,
  type CodeInfo,
  type CreatedMeeting,
  type EventEnvelope,
  type EventPage,
  type FacilitatorAccess,
  type Guid,
  type JoinedMeeting,
  type JoinRequest,
  type MeetingSnapshot,
  type MyMeeting,
  type SiteInfo,
} from "./protocol.js";

type Fetch = typeof globalThis.fetch;
/** An access token, or a function that answers the current one (asked again for each request). */
export type TokenSource = string | (() => string);

export const tokenOf = (token: TokenSource) => (typeof token === "function" ? token() : token);
export const trimSlash = (url: string) => url.replace(/\/+$/, "");
const minutesPath = (meetingId: Guid) => `/api/meetings/${encodeURIComponent(meetingId)}/minutes`;

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

  /** GET /api/meetings/mine: "My meetings", the meetings the signed-in account started, newest first. */
  listMyMeetings(): Promise<MyMeeting[]> {
    return this.request<MyMeeting[]>("GET", "/api/meetings/mine");
  }

  /** POST /api/meetings/{id}/facilitator-access: fresh facilitator and screen tokens and the codes (the console again). */
  facilitatorAccess(meetingId: Guid): Promise<FacilitatorAccess> {
    return this.request<FacilitatorAccess>("POST", `/api/meetings/${meetingId}/facilitator-access`);
  }

  // --- Minutes (docs/protocol.md 5.9). They need the meeting token as a Bearer header, so a plain link cannot open
  // them: the app fetches the pages here and shows them itself. A MeetingClient has them bound to its meeting and
  // token as `client.minutes` (meetingMinutes.ts).

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
    const body: GenerateMinutesBody = { nextMeeting };
    return this.request<MinutesVersionView>("POST", `${minutesPath(meetingId)}/drafts`, { token, body });
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
    const body: EditMinutesBody = "sections" in edit
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
    const body: CheckMinutesBody = typeof words === "string" ? { easyReadMarkdown: words } : { basedOn: words.basedOn, sections: words.sections };
    return this.request<CheckReport>("POST", `${minutesPath(meetingId)}/check`, { token, body });
  }

  /** POST /minutes/publish (facilitator, meeting closed): publishes a version once; everyone then gets MinutesReady. */
  publishMinutes(meetingId: Guid, token: TokenSource, version: number, reviewedWithId: Guid | null = null): Promise<PublicationView> {
    const body: PublishMinutesBody = { version, reviewedWithId };
    return this.request<PublicationView>("POST", `${minutesPath(meetingId)}/publish`, { token, body });
  }

  /** POST /minutes/corrections (facilitator): publishes a later version as a correction, with a note of what changed. */
  correctMinutes(
    meetingId: Guid,
    token: TokenSource,
    correction: { version: number; note: string; reviewedWithId?: Guid | null },
  ): Promise<PublicationView> {
    const body: CorrectMinutesBody = { version: correction.version, note: correction.note, reviewedWithId: correction.reviewedWithId ?? null };
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
