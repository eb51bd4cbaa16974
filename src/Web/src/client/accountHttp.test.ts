// AccountHttp: the paths, verbs and bodies docs/protocol.md 5.7 and 5.8 give, the audit filters as query parameters,
// 204 answers, and ProblemDetails read into coded errors. The account codes are compared with the server's source.
import { describe, expect, it } from "vitest";
import { AccountHttp } from "./accountHttp";
import { AccountErrorCodes } from "./accountProtocol";
import { isMeetingError } from "./errors";

import passwordsCs from "../../../Api/Access/Passwords.cs?raw";

interface Seen {
  method: string;
  url: string;
  body: unknown;
}

function recordingHttp(answer: (seen: Seen) => Response) {
  const seen: Seen[] = [];
  const fetch = async (url: RequestInfo | URL, init?: RequestInit) => {
    const request = { method: init?.method ?? "GET", url: String(url), body: init?.body ? JSON.parse(String(init.body)) : undefined };
    seen.push(request);
    return answer(request);
  };
  return { http: new AccountHttp({ baseUrl: "http://forum.test", fetch, sleep: () => Promise.resolve() }), seen };
}

const json = (value: unknown, status = 200) => new Response(JSON.stringify(value), { status, headers: { "Content-Type": "application/json" } });
const ID = "0f8fad5b-d9cb-469f-a165-70867728950e";

describe("AccountHttp", () => {
  it("calls each account and admin address with its verb and body", async () => {
    const { http, seen } = recordingHttp(() => json({}));
    await http.me();
    await http.setUp({ email: "kit@example.org", code: "ABC", password: "a long password" });
    await http.changePassword({ currentPassword: "old one", newPassword: "new one" });
    await http.createFacilitator({ email: "kit@example.org", displayName: "Kit", isAdmin: false });
    await http.changeFacilitatorAccess(ID, "disable");
    await http.createForum("North forum");
    await http.renameForum(ID, "East forum");
    await http.listAuditActions();
    expect(seen.map((s) => `${s.method} ${s.url.replace("http://forum.test", "")}`)).toEqual([
      "GET /api/account/me",
      "POST /api/account/set-up",
      "POST /api/account/password",
      "POST /api/admin/facilitators/",
      `POST /api/admin/facilitators/${ID}/disable`,
      "POST /api/admin/forums/",
      `POST /api/admin/forums/${ID}/rename`,
      "GET /api/admin/audit/actions",
    ]);
    expect(seen[3]?.body).toEqual({ email: "kit@example.org", displayName: "Kit", isAdmin: false });
    expect(seen[6]?.body).toEqual({ name: "East forum" });
  });

  it("puts the audit filters in the query, and only the ones given", async () => {
    const { http, seen } = recordingHttp(() => json([]));
    await http.readAuditLog();
    await http.readAuditLog({ before: 42, limit: 50, accountId: ID, action: "admin.facilitator_disable" });
    expect(seen[0]?.url).toBe("http://forum.test/api/admin/audit");
    const url = new URL(seen[1]!.url);
    expect(Object.fromEntries(url.searchParams)).toEqual({ before: "42", limit: "50", accountId: ID, action: "admin.facilitator_disable" });
  });

  it("takes a 204 (sign out, sign out everywhere) as done", async () => {
    const { http, seen } = recordingHttp(() => new Response(null, { status: 204 }));
    await expect(http.signOutEverywhere()).resolves.toBeUndefined();
    await expect(http.signOut()).resolves.toBeUndefined();
    expect(seen.map((s) => s.url)).toEqual(["http://forum.test/api/account/sign-out-everywhere", "http://forum.test/api/account/sign-out"]);
  });

  it("reads a refusal into its code and plain words", async () => {
    const { http } = recordingHttp(() =>
      json({ status: 409, title: "There is already a forum with this name. Please choose another name.", code: "forum_name_taken", retriable: false }, 409),
    );
    const error = await http.createForum("North forum").catch((e: unknown) => e);
    expect(isMeetingError(error) && error.code).toBe(AccountErrorCodes.forumNameTaken);
    expect(isMeetingError(error) && error.status).toBe(409);
    expect((error as Error).message).toMatch(/already a forum/);
  });

  it("knows every account code the server has (src/Api/Access/Passwords.cs)", () => {
    const source = passwordsCs.slice(passwordsCs.indexOf("class AccountErrorCodes"));
    const server = [...source.matchAll(/public const string \w+ = "([a-z_]+)";/g)].map((m) => m[1]).sort();
    expect(Object.values(AccountErrorCodes).sort()).toEqual(server);
  });
});
