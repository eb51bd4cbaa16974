// The app's addresses. The Api serves index.html for every one of them (MapFallbackToFile).
//
//   /                         home: join a meeting, or start one
//   /join  /join/ABC123       join with a code (the QR code and the link carry the code)
//   /start                    a facilitator starts a meeting (signs in first when the Api asks)
//   /meeting/{meetingId}      the meeting, in the view for this device's role (a chooser when it holds several people)
//   /meeting/{meetingId}/p/{participantId}   the meeting as that person (each tab knows who it is after a reload)
//   /my-meetings              a signed-in facilitator's meetings: open the console or the shared screen again
//   /screen/{meetingId}       the shared screen (its access arrives in the address fragment, see screenLink)
//   /admin  /admin/facilitators  /admin/forums  /admin/audit
//                             administrators: facilitator accounts, forums, the audit log
//   /account                  a signed-in facilitator's own account: password, sign out (everywhere)
//   /set-up                   a new facilitator chooses a password (email and code in the fragment, see setUpLink)
//   /forums/{forumId}         a forum's page: members, listeners, cards, past and planned meetings (facilitators)
//   /card                     join the forum's meeting with a forum card (the QR carries the code in the fragment)
//   /invitations/{key}        the Easy Read invitation to a planned meeting
//   /forums/{forumId}/you-said-we-did   a forum's open "You said, we did" follow-ups (signed-in facilitators)
//   /forums/{forumId}/search  a facilitator searches the forum's published minutes
//   /forums/{forumId}/co-production   a facilitator sees whether co-production is happening in the forum
//   /record                   My forum record: a member with their forum card (the code may come in the fragment)
//   /forums/{forumId}/members/{memberId}/record   a member's forum record, for the facilitator to print with them

export type Route =
  | { page: "home" }
  | { page: "join"; code: string }
  | { page: "start" }
  | { page: "meeting"; meetingId: string; participantId: string | null }
  | { page: "myMeetings" }
  | { page: "screen"; meetingId: string }
  | { page: "admin"; section: AdminSection }
  | { page: "account" }
  | { page: "setUp" }
  | { page: "forum"; forumId: string }
  | { page: "card" }
  | { page: "invitation"; key: string }
  | { page: "youSaidWeDid"; forumId: string }
  | { page: "forumSearch"; forumId: string }
  | { page: "forumCoProduction"; forumId: string }
  | { page: "myRecord" }
  | { page: "memberRecord"; forumId: string; memberId: string }
  | { page: "notFound" };

export const ADMIN_SECTIONS = ["home", "facilitators", "forums", "audit"] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];

export function adminPath(section: AdminSection): string {
  return section === "home" ? "/admin" : `/admin/${section}`;
}

const GUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, "") || "/";
  if (path === "/") return { page: "home" };
  if (path === "/start") return { page: "start" };
  if (path === "/my-meetings") return { page: "myMeetings" };
  if (path === "/account") return { page: "account" };
  if (path === "/set-up") return { page: "setUp" };
  const admin = /^\/admin(?:\/([a-z]+))?$/.exec(path);
  if (admin) {
    const section = (admin[1] ?? "home") as AdminSection;
    if (admin[1] !== "home" && ADMIN_SECTIONS.includes(section)) return { page: "admin", section };
  }
  const forum = new RegExp(`^/forums/(${GUID})$`).exec(path);
  if (forum) return { page: "forum", forumId: (forum[1] as string).toLowerCase() };
  if (path === "/card") return { page: "card" };
  if (path === "/record") return { page: "myRecord" };
  const memberRecord = new RegExp(`^/forums/(${GUID})/members/(${GUID})/record$`).exec(path);
  if (memberRecord) return { page: "memberRecord", forumId: (memberRecord[1] as string).toLowerCase(), memberId: (memberRecord[2] as string).toLowerCase() };
  const invitation = /^\/invitations\/([A-Za-z0-9_-]{10,60})$/.exec(path);
  if (invitation) return { page: "invitation", key: invitation[1] as string };
  const join = /^\/join(?:\/([^/]*))?$/.exec(path);
  if (join) return { page: "join", code: cleanCode(decodeURIComponent(join[1] ?? "")) };
  const meeting = new RegExp(`^/meeting/(${GUID})(?:/p/(${GUID}))?$`).exec(path);
  if (meeting) return { page: "meeting", meetingId: (meeting[1] as string).toLowerCase(), participantId: meeting[2]?.toLowerCase() ?? null };
  const youSaid = new RegExp(`^/forums/(${GUID})/you-said-we-did$`).exec(path);
  if (youSaid) return { page: "youSaidWeDid", forumId: (youSaid[1] as string).toLowerCase() };
  const forumPart = new RegExp(`^/forums/(${GUID})/(search|co-production)$`).exec(path);
  if (forumPart) return { page: forumPart[2] === "search" ? "forumSearch" : "forumCoProduction", forumId: (forumPart[1] as string).toLowerCase() };
  const screen = new RegExp(`^/screen/(${GUID})$`).exec(path);
  if (screen) return { page: "screen", meetingId: (screen[1] as string).toLowerCase() };
  return { page: "notFound" };
}

/** The letters and digits a join code can have (src/Api/Access/JoinCodes.cs: no look-alikes). */
export const CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY3479";

/** Upper case, only characters of the code alphabet, at most 8 (a listener code). */
export function cleanCode(raw: string): string {
  return [...raw.toUpperCase()].filter((c) => CODE_ALPHABET.includes(c)).join("").slice(0, 8);
}

export function joinPath(code?: string): string {
  return code ? `/join/${encodeURIComponent(code)}` : "/join";
}

/** The meeting; with a participant id, as that person (so a reload in this tab stays that person). */
export function meetingPath(meetingId: string, participantId?: string | null): string {
  return participantId ? `/meeting/${meetingId}/p/${participantId}` : `/meeting/${meetingId}`;
}

export const MY_MEETINGS_PATH = "/my-meetings";

/** A forum's archive search, or its co-production figures (forum insights, issue 14). */
export function forumSearchPath(forumId: string): string {
  return `/forums/${forumId}/search`;
}

export function forumCoProductionPath(forumId: string): string {
  return `/forums/${forumId}/co-production`;
}

/**
 * The shared screen's address. Its token and the join code travel in the fragment (#...), which browsers never
 * send to a server and which the page removes from the address bar once it has kept them.
 */
export function screenLink(origin: string, meetingId: string, screenToken: string, joinCode: string): string {
  const fragment = new URLSearchParams({ token: screenToken, code: joinCode }).toString();
  return `${origin}/screen/${meetingId}#${fragment}`;
}

export function readScreenFragment(hash: string): { token: string; code: string } | null {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const token = params.get("token");
  if (!token) return null;
  return { token, code: cleanCode(params.get("code") ?? "") };
}

/**
 * The one-time set-up link an administrator hands to a new facilitator. The email and the code travel in the
 * fragment (#...), which browsers never send to a server (so no log or Referer holds the code); the set-up page
 * removes it from the address bar once it has read it.
 */
export function setUpLink(origin: string, email: string, code: string): string {
  return `${origin}/set-up#${new URLSearchParams({ email, code }).toString()}`;
}

export function readSetUpFragment(hash: string): { email: string; code: string } {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  return { email: params.get("email") ?? "", code: params.get("code") ?? "" };
}

export function forumPath(forumId: string): string {
  return `/forums/${forumId}`;
}

/**
 * A forum card's link (its QR code). The code travels in the fragment (#...), which browsers never send to a server,
 * so no log or Referer holds a card's code; the card page removes it from the address bar once it has read it.
 */
export function cardLink(origin: string, code: string): string {
  return `${origin}/card#${encodeURIComponent(code)}`;
}

/**
 * My forum record with a card's code: the code travels in the fragment (#...), never to a server or a log; the record
 * page removes it from the address bar once it has read it.
 */
export function myRecordPath(code?: string): string {
  return code ? `/record#${encodeURIComponent(code)}` : "/record";
}

export function memberRecordPath(forumId: string, memberId: string): string {
  return `/forums/${forumId}/members/${memberId}/record`;
}

export function invitationLink(origin: string, key: string): string {
  return `${origin}/invitations/${encodeURIComponent(key)}`;
}
