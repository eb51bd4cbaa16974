// Facilitator accounts (/api/account) and administration (/api/admin), typed, on MeetingHttp's one fetch: the
// browser sends the facilitator's cookie itself (same origin); in Node pass it as headers.Cookie.
import type {
  AccessChange,
  AccountView,
  AuditEntryView,
  AuditQuery,
  FacilitatorChanged,
  FacilitatorCreated,
  ForumFollowUpList,
  ForumView,
  MyAccount,
} from "./accountProtocol.js";
import { MeetingHttp } from "./meetingHttp.js";
import type { Guid } from "./protocol.js";

const id = (value: Guid) => encodeURIComponent(value);

export class AccountHttp extends MeetingHttp {
  /** GET /api/account/me: who is signed in (401 unauthenticated when nobody is). */
  me(): Promise<MyAccount> {
    return this.call<MyAccount>("GET", "/api/account/me");
  }

  /** POST /api/account/set-up: a new (or reset) facilitator chooses a password with the one-time code; signs in. */
  setUp(request: { email: string; code: string; password: string }): Promise<AccountView> {
    return this.call<AccountView>("POST", "/api/account/set-up", request);
  }

  /** POST /api/account/password: every other session of the account ends; this one stays. */
  changePassword(request: { currentPassword: string; newPassword: string }): Promise<AccountView> {
    return this.call<AccountView>("POST", "/api/account/password", request);
  }

  /** POST /api/account/sign-out: ends this session. */
  async signOut(): Promise<void> {
    await this.call<void>("POST", "/api/account/sign-out");
  }

  /** POST /api/account/sign-out-everywhere: ends every session of the account, this one too. */
  async signOutEverywhere(): Promise<void> {
    await this.call<void>("POST", "/api/account/sign-out-everywhere");
  }

  /** GET /api/forums/: the organisation's forums, by name. */
  listForums(): Promise<ForumView[]> {
    return this.call<ForumView[]>("GET", "/api/forums/");
  }

  /** GET /api/forums/{forumId}/follow-ups: the forum's open "You said, we did" follow-ups (docs/protocol.md 5.12). */
  listForumFollowUps(forumId: Guid): Promise<ForumFollowUpList> {
    return this.call<ForumFollowUpList>("GET", `/api/forums/${id(forumId)}/follow-ups`);
  }

  // --- Administrators only (403 not_allowed for other accounts) ---

  listFacilitators(): Promise<AccountView[]> {
    return this.call<AccountView[]>("GET", "/api/admin/facilitators/");
  }

  createFacilitator(request: { email: string; displayName: string; isAdmin: boolean }): Promise<FacilitatorCreated> {
    return this.call<FacilitatorCreated>("POST", "/api/admin/facilitators/", request);
  }

  /** reset (a new set-up code, sessions end), unlock, disable (sessions end) or enable. */
  changeFacilitatorAccess(accountId: Guid, change: AccessChange): Promise<FacilitatorChanged> {
    return this.call<FacilitatorChanged>("POST", `/api/admin/facilitators/${id(accountId)}/${change}`);
  }

  createForum(name: string): Promise<ForumView> {
    return this.call<ForumView>("POST", "/api/admin/forums/", { name });
  }

  renameForum(forumId: Guid, name: string): Promise<ForumView> {
    return this.call<ForumView>("POST", `/api/admin/forums/${id(forumId)}/rename`, { name });
  }

  /** GET /api/admin/audit: newest first; the next page is `before` = the last id seen. */
  readAuditLog(query: AuditQuery = {}): Promise<AuditEntryView[]> {
    const params = new URLSearchParams();
    if (query.before !== undefined) params.set("before", String(query.before));
    if (query.limit !== undefined) params.set("limit", String(query.limit));
    if (query.accountId) params.set("accountId", query.accountId);
    if (query.action) params.set("action", query.action);
    const search = params.toString();
    return this.call<AuditEntryView[]>("GET", `/api/admin/audit${search ? `?${search}` : ""}`);
  }

  /** GET /api/admin/audit/actions: every action name in the log, A to Z. */
  listAuditActions(): Promise<string[]> {
    return this.call<string[]>("GET", "/api/admin/audit/actions");
  }

  private async call<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
    // A POST always carries a JSON body (the Api's endpoints read one, even if empty).
    return (await this.send(method, path, { body: body ?? (method === "POST" ? {} : undefined) })).body as T;
  }
}
