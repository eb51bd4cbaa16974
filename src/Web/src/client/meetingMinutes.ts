// One meeting's minutes over HTTP (docs/protocol.md 5.9), with that meeting's token: `client.minutes` of a
// MeetingClient, or `http.minutes(meetingId, token)`. Minutes need the token as a Bearer header, so a plain link cannot
// open them: the app fetches the pages here and shows them itself.
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
import type { Guid } from "./protocol.js";

/**
 * MeetingHttp's one fetch, already carrying the meeting's token: answers the JSON body, or the page's text when `text`.
 * Failures are ProblemDetails read into a MeetingError, like every other call.
 */
export type MinutesFetch = (method: "GET" | "POST", path: string, body?: unknown, text?: boolean) => Promise<unknown>;

export class MeetingMinutes {
  private readonly path: string;

  constructor(
    private readonly fetch: MinutesFetch,
    readonly meetingId: Guid,
  ) {
    this.path = `/api/meetings/${encodeURIComponent(meetingId)}/minutes`;
  }

  /** GET /minutes/: published or not, and every publication (anyone in the meeting). */
  status(): Promise<MinutesStatus> {
    return this.json("GET", "/");
  }

  /** GET /minutes/easy-read.html (or standard.html): the current publication, or `publication` n, as an HTML page. */
  read(kind: MinutesKind = "easyRead", publication?: number): Promise<string> {
    const query = publication === undefined ? "" : `?publication=${publication}`;
    return this.page(`/${MINUTES_KIND_PATH[kind]}.html${query}`);
  }

  /** POST /minutes/drafts (facilitator): a new version made from the meeting as it stands, with its check report. */
  generateDraft(nextMeeting: string | null = null): Promise<MinutesVersionView> {
    const body: GenerateMinutesBody = { nextMeeting };
    return this.json("POST", "/drafts", body);
  }

  /** GET /minutes/drafts (facilitator): every version, oldest first. */
  drafts(): Promise<MinutesVersionSummary[]> {
    return this.json("GET", "/drafts");
  }

  /** GET /minutes/drafts/{n} (facilitator): one version with its Markdown and check report. */
  draft(version: number): Promise<MinutesVersionView> {
    return this.json("GET", `/drafts/${version}`);
  }

  /**
   * POST /minutes/drafts/{n}/edits (facilitator): saves the changed words as a new version; n must be the latest. The
   * web app sends plain words per section ({ sections }); API clients may send Markdown ({ easyReadMarkdown }).
   */
  editDraft(
    basedOn: number,
    edit: { sections: PlainSectionEdit[] } | { easyReadMarkdown: string; standardMarkdown?: string | null },
  ): Promise<MinutesVersionView> {
    const body: EditMinutesBody = "sections" in edit
      ? { sections: edit.sections }
      : { easyReadMarkdown: edit.easyReadMarkdown, standardMarkdown: edit.standardMarkdown ?? null };
    return this.json("POST", `/drafts/${basedOn}/edits`, body);
  }

  /** GET /minutes/drafts/{n}/easy-read.html (facilitator): the draft as it will look, with a "This is a draft" notice. */
  previewDraft(version: number, kind: MinutesKind = "easyRead"): Promise<string> {
    return this.page(`/drafts/${version}/${MINUTES_KIND_PATH[kind]}.html`);
  }

  /** POST /minutes/check (facilitator): checks words that are not saved yet: plain words per section of draft basedOn, or Markdown. */
  check(words: string | { basedOn: number; sections: PlainSectionEdit[] }): Promise<CheckReport> {
    const body: CheckMinutesBody = typeof words === "string" ? { easyReadMarkdown: words } : { basedOn: words.basedOn, sections: words.sections };
    return this.json("POST", "/check", body);
  }

  /** POST /minutes/publish (facilitator, meeting closed): publishes a version once; everyone then gets MinutesReady. */
  publish(version: number, reviewedWithId: Guid | null = null): Promise<PublicationView> {
    const body: PublishMinutesBody = { version, reviewedWithId };
    return this.json("POST", "/publish", body);
  }

  /** POST /minutes/corrections (facilitator): publishes a later version as a correction, with a note of what changed. */
  correct(correction: { version: number; note: string; reviewedWithId?: Guid | null }): Promise<PublicationView> {
    const body: CorrectMinutesBody = { version: correction.version, note: correction.note, reviewedWithId: correction.reviewedWithId ?? null };
    return this.json("POST", "/corrections", body);
  }

  private json<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
    return this.fetch(method, this.path + path, body) as Promise<T>;
  }

  private page(path: string): Promise<string> {
    return this.fetch("GET", this.path + path, undefined, true) as Promise<string>;
  }
}
