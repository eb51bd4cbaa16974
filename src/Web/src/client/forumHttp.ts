// Forums (docs/protocol.md 5.11), typed, on MeetingHttp's one fetch: account calls use the browser's cookie, the
// meeting's list uses the facilitator's token, cards need nothing but the card's code.
import { newCommandId } from "./commandQueue.js";
import type {
  ForumCard,
  ForumMemberCreated,
  ForumMemberFields,
  ForumMemberView,
  ForumPage,
  ForumRecordView,
  PlannedMeetingCancelled,
  InvitationView,
  ListedMemberView,
  PlannedMeetingView,
} from "./forumProtocol.js";
import { MeetingHttp, type TokenSource } from "./meetingHttp.js";
import type { CreatedMeeting, Guid, JoinedMeeting } from "./protocol.js";

const id = (value: Guid) => encodeURIComponent(value);
const forum = (forumId: Guid) => `/api/forums/${id(forumId)}`;

export class ForumHttp extends MeetingHttp {
  getForum(forumId: Guid): Promise<ForumPage> {
    return this.call<ForumPage>("GET", `${forum(forumId)}/`);
  }

  addMember(forumId: Guid, kind: "member" | "listener", fields: ForumMemberFields): Promise<ForumMemberCreated> {
    return this.call<ForumMemberCreated>("POST", `${forum(forumId)}/members/`, { kind, ...fields });
  }

  changeMember(forumId: Guid, memberId: Guid, fields: ForumMemberFields): Promise<ForumMemberView> {
    return this.call<ForumMemberView>("POST", `${forum(forumId)}/members/${id(memberId)}/details`, fields);
  }

  /** A new card; the old one stops working. */
  issueCard(forumId: Guid, memberId: Guid): Promise<ForumCard> {
    return this.call<ForumCard>("POST", `${forum(forumId)}/members/${id(memberId)}/card`);
  }

  addNewcomer(forumId: Guid, meetingId: Guid, participantId: Guid, keepsRecord: boolean | null): Promise<ForumMemberCreated> {
    return this.call<ForumMemberCreated>("POST", `${forum(forumId)}/members/from-meeting`, { meetingId, participantId, keepsRecord });
  }

  planMeeting(forumId: Guid, request: { startsAt: string; place: string; about: string; invitationPublic: boolean }): Promise<PlannedMeetingView> {
    return this.call<PlannedMeetingView>("POST", `${forum(forumId)}/planned/`, request);
  }

  /** Every field, as on the form; refused with already_started once it has started. */
  changePlannedMeeting(forumId: Guid, plannedId: Guid, request: { startsAt: string; place: string; about: string; invitationPublic: boolean }): Promise<PlannedMeetingView> {
    return this.call<PlannedMeetingView>("POST", `${forum(forumId)}/planned/${id(plannedId)}/details`, request);
  }

  /** The planned meeting and its invitation link are gone. */
  cancelPlannedMeeting(forumId: Guid, plannedId: Guid): Promise<PlannedMeetingCancelled> {
    return this.call<PlannedMeetingCancelled>("POST", `${forum(forumId)}/planned/${id(plannedId)}/cancel`);
  }

  startPlannedMeeting(forumId: Guid, plannedId: Guid, commandId: Guid = newCommandId()): Promise<CreatedMeeting> {
    return this.call<CreatedMeeting>("POST", `${forum(forumId)}/planned/${id(plannedId)}/start`, { commandId });
  }

  getInvitation(key: string): Promise<InvitationView> {
    return this.call<InvitationView>("GET", `/api/invitations/${encodeURIComponent(key)}`);
  }

  joinWithCard(code: string, commandId: Guid = newCommandId()): Promise<JoinedMeeting> {
    return this.call<JoinedMeeting>("POST", "/api/forum-cards/join", { commandId, code });
  }

  invitationByCard(code: string): Promise<InvitationView> {
    return this.call<InvitationView>("POST", "/api/forum-cards/invitation", { code });
  }

  /** My forum record, with the card's code in the body (never in the address: it is a secret). */
  recordByCard(code: string): Promise<ForumRecordView> {
    return this.call<ForumRecordView>("POST", "/api/forum-cards/record", { code });
  }

  /** A member's forum record, for the forum's facilitator. */
  getRecord(forumId: Guid, memberId: Guid): Promise<ForumRecordView> {
    return this.call<ForumRecordView>("GET", `${forum(forumId)}/members/${id(memberId)}/record`);
  }

  listListedMembers(meetingId: Guid, token: TokenSource): Promise<ListedMemberView[]> {
    return this.call<ListedMemberView[]>("GET", `/api/meetings/${id(meetingId)}/forum-members/`, undefined, token);
  }

  addListedMember(meetingId: Guid, memberId: Guid, token: TokenSource, commandId: Guid = newCommandId()): Promise<{ seq: number; id: Guid }> {
    return this.call<{ seq: number; id: Guid }>("POST", `/api/meetings/${id(meetingId)}/forum-members/${id(memberId)}/add`, { commandId }, token);
  }

  private async call<T>(method: "GET" | "POST", path: string, body?: unknown, token?: TokenSource): Promise<T> {
    return (await this.send(method, path, { body: body ?? (method === "POST" ? {} : undefined), token })).body as T;
  }
}
