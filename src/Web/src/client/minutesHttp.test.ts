// MeetingHttp's minutes calls (and the same bound to one meeting, a client's `minutes`): the paths, verbs, bodies and Bearer token docs/protocol.md 5.9 gives, pages read as
// text, and ProblemDetails (also from the page addresses) read into coded errors.
import { describe, expect, it } from "vitest";
import { MeetingHttp, minutesOf } from "./meetingClient";
import { MinutesErrorCodes } from "./minutesProtocol";
import { ids } from "./testing/fixtures";

// The minutes codes come from the server's own source, so a new or renamed code fails here.
import minutesStoreCs from "../../../Api/Features/Minutes/MinutesStore.cs?raw";

interface Seen {
  method: string;
  url: string;
  headers: Headers;
  body: unknown;
}

/** A fetch that records each request and answers from `answer`. */
function recordingHttp(answer: (seen: Seen) => Response) {
  const seen: Seen[] = [];
  const fetch = async (url: RequestInfo | URL, init?: RequestInit) => {
    const request = { method: init?.method ?? "GET", url: String(url), headers: new Headers(init?.headers), body: init?.body ? JSON.parse(String(init.body)) : undefined };
    seen.push(request);
    return answer(request);
  };
  return { http: new MeetingHttp({ baseUrl: "http://forum.test/", fetch, sleep: () => Promise.resolve() }), seen };
}

const json = (value: unknown, status = 200) => new Response(JSON.stringify(value), { status, headers: { "Content-Type": "application/json" } });
const base = `http://forum.test/api/meetings/${ids.meeting}/minutes`;
const publication = {
  number: 1, version: 2, publishedAt: "2026-03-03T11:00:00+00:00", publishedByName: "Fay", reviewedWithName: "Ann", corrects: null,
  correctionNote: null, isCurrent: true, supersededBy: null,
};

describe("MeetingHttp: minutes", () => {
  it("reads the status with the Bearer token", async () => {
    const { http, seen } = recordingHttp(() => json({ published: true, current: publication, publications: [publication] }));
    const status = await http.getMinutesStatus(ids.meeting, () => "tok");
    expect(status.current?.reviewedWithName).toBe("Ann");
    expect(seen[0]).toMatchObject({ method: "GET", url: `${base}/`, body: undefined });
    expect(seen[0]?.headers.get("Authorization")).toBe("Bearer tok");
  });

  it("reads published and draft pages as HTML text, Easy Read by default", async () => {
    const { http, seen } = recordingHttp(() => new Response("<!DOCTYPE html><main>Hi</main>", { headers: { "Content-Type": "text/html" } }));
    await expect(http.getPublishedMinutes(ids.meeting, "tok")).resolves.toBe("<!DOCTYPE html><main>Hi</main>");
    await http.getPublishedMinutes(ids.meeting, "tok", "standard", 2);
    await http.previewMinutesDraft(ids.meeting, "tok", 3);
    expect(seen.map((s) => s.url)).toEqual([`${base}/easy-read.html`, `${base}/standard.html?publication=2`, `${base}/drafts/3/easy-read.html`]);
    expect(seen[0]?.headers.get("Accept")).toContain("text/html");
  });

  it("turns a refused page into the server's code and plain words", async () => {
    const problem = { code: "minutes_not_published", title: "The minutes are not ready yet. You will see a message when they are.", status: 404, retriable: false };
    const { http } = recordingHttp(() => json(problem, 404));
    await expect(http.getPublishedMinutes(ids.meeting, "tok")).rejects.toMatchObject({
      code: MinutesErrorCodes.notPublished, message: problem.title, status: 404, retriable: false,
    });
  });

  it("sends the facilitator's generate, list, get, edit, check, publish and correct calls", async () => {
    const { http, seen } = recordingHttp(() => json({}));
    await http.generateMinutesDraft(ids.meeting, "tok");
    await http.generateMinutesDraft(ids.meeting, "tok", "2026-04-07");
    await http.listMinutesDrafts(ids.meeting, "tok");
    await http.getMinutesDraft(ids.meeting, "tok", 2);
    await http.editMinutesDraft(ids.meeting, "tok", 2, { easyReadMarkdown: "# Minutes" });
    await http.checkMinutes(ids.meeting, "tok", "# Minutes");
    await http.editMinutesDraft(ids.meeting, "tok", 2, { sections: [{ heading: "Who came", text: "4 people came." }] });
    await http.checkMinutes(ids.meeting, "tok", { basedOn: 2, sections: [{ heading: "Who came", text: "4 people came." }] });
    await http.publishMinutes(ids.meeting, "tok", 3, ids.ann);
    await http.correctMinutes(ids.meeting, "tok", { version: 4, note: "Ben's name" });
    expect(seen.map((s) => [s.method, s.url.slice(base.length), s.body])).toEqual([
      ["POST", "/drafts", { nextMeeting: null }],
      ["POST", "/drafts", { nextMeeting: "2026-04-07" }],
      ["GET", "/drafts", undefined],
      ["GET", "/drafts/2", undefined],
      ["POST", "/drafts/2/edits", { easyReadMarkdown: "# Minutes", standardMarkdown: null }],
      ["POST", "/check", { easyReadMarkdown: "# Minutes" }],
      ["POST", "/drafts/2/edits", { sections: [{ heading: "Who came", text: "4 people came." }] }],
      ["POST", "/check", { basedOn: 2, sections: [{ heading: "Who came", text: "4 people came." }] }],
      ["POST", "/publish", { version: 3, reviewedWithId: ids.ann }],
      ["POST", "/corrections", { version: 4, note: "Ben's name", reviewedWithId: null }],
    ]);
    expect(seen.every((s) => s.headers.get("Authorization") === "Bearer tok")).toBe(true);
    expect(seen.filter((s) => s.method === "POST").every((s) => s.headers.get("Content-Type") === "application/json")).toBe(true);
  });

  it("sends the same requests through a meeting's own minutes (client.minutes), with its token", async () => {
    const { http, seen } = recordingHttp(() => json({}));
    const minutes = minutesOf(http, ids.meeting, () => "tok");
    await minutes.status();
    await minutes.read("standard", 2);
    await minutes.generateDraft("2026-04-07");
    await minutes.drafts();
    await minutes.draft(2);
    await minutes.editDraft(2, { sections: [{ heading: "Who came", text: "4 people came." }] });
    await minutes.previewDraft(3);
    await minutes.check("# Minutes");
    await minutes.publish(3);
    await minutes.correct({ version: 4, note: "Ben's name", reviewedWithId: ids.ann });
    expect(seen.map((s) => [s.method, s.url.slice(base.length), s.body])).toEqual([
      ["GET", "/", undefined],
      ["GET", "/standard.html?publication=2", undefined],
      ["POST", "/drafts", { nextMeeting: "2026-04-07" }],
      ["GET", "/drafts", undefined],
      ["GET", "/drafts/2", undefined],
      ["POST", "/drafts/2/edits", { sections: [{ heading: "Who came", text: "4 people came." }] }],
      ["GET", "/drafts/3/easy-read.html", undefined],
      ["POST", "/check", { easyReadMarkdown: "# Minutes" }],
      ["POST", "/publish", { version: 3, reviewedWithId: null }],
      ["POST", "/corrections", { version: 4, note: "Ben's name", reviewedWithId: ids.ann }],
    ]);
    expect(seen.every((s) => s.headers.get("Authorization") === "Bearer tok")).toBe(true);
  });

  it("does not repeat a refused publish (it is not retriable)", async () => {
    const { http, seen } = recordingHttp(() => json({ code: "meeting_not_closed", title: "Please close the meeting before you publish its minutes.", status: 409 }, 409));
    await expect(http.publishMinutes(ids.meeting, "tok", 1)).rejects.toMatchObject({ code: MinutesErrorCodes.meetingNotClosed, status: 409 });
    expect(seen).toHaveLength(1);
  });

  it("knows every minutes code the server has (src/Api/Features/Minutes/MinutesStore.cs)", () => {
    const source = minutesStoreCs.slice(minutesStoreCs.indexOf("class MinutesErrorCodes"), minutesStoreCs.indexOf("record MinutesVersionSummary"));
    const codes = [...source.matchAll(/public const string \w+ = "([a-z_]+)";/g)].map((m) => m[1]!);
    expect(Object.values(MinutesErrorCodes).sort()).toEqual(codes.sort());
  });
});
