// One meeting's minutes calls (docs/protocol.md 5.9), bound to its id and token: a MeetingClient's `client.minutes`,
// so views call `client.minutes.status()` or `client.minutes.publish(2)`. The calls themselves are MeetingHttp's
// (getMinutesStatus, ...: one place for paths and bodies), which name the meeting and token each time.
import type { MeetingHttp, TokenSource } from "./meetingHttp.js";
import type { Guid } from "./protocol.js";

/** A MeetingHttp minutes call without its first two arguments (the meeting and its token). */
type Bound<K extends keyof MeetingHttp> = MeetingHttp[K] extends (meetingId: Guid, token: TokenSource, ...rest: infer A) => infer R
  ? (...rest: A) => R
  : never;

export interface MeetingMinutes {
  /** GET /minutes/: published or not, and every publication (anyone in the meeting). */
  status: Bound<"getMinutesStatus">;
  /** The current publication (or publication n) as an HTML page: Easy Read unless "standard". */
  read: Bound<"getPublishedMinutes">;
  /** The facilitator's calls (MeetingHttp has each one's details). */
  generateDraft: Bound<"generateMinutesDraft">;
  drafts: Bound<"listMinutesDrafts">;
  draft: Bound<"getMinutesDraft">;
  editDraft: Bound<"editMinutesDraft">;
  previewDraft: Bound<"previewMinutesDraft">;
  check: Bound<"checkMinutes">;
  publish: Bound<"publishMinutes">;
  correct: Bound<"correctMinutes">;
}

export function minutesOf(http: MeetingHttp, meetingId: Guid, token: TokenSource): MeetingMinutes {
  const bind =
    <A extends unknown[], R>(call: (meetingId: Guid, token: TokenSource, ...rest: A) => R) =>
    (...rest: A) =>
      call.call(http, meetingId, token, ...rest);
  return {
    status: bind(http.getMinutesStatus),
    read: bind(http.getPublishedMinutes),
    generateDraft: bind(http.generateMinutesDraft),
    drafts: bind(http.listMinutesDrafts),
    draft: bind(http.getMinutesDraft),
    editDraft: bind(http.editMinutesDraft),
    previewDraft: bind(http.previewMinutesDraft),
    check: bind(http.checkMinutes),
    publish: bind(http.publishMinutes),
    correct: bind(http.correctMinutes),
  };
}
