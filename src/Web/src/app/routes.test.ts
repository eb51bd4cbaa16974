import { describe, expect, it } from "vitest";
import { cleanCode, meetingPath, memberRecordPath, myRecordPath, parseRoute, readScreenFragment, screenLink } from "./routes";

const ID = "0f8fad5b-d9cb-469f-a165-70867728950e";
const PID = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

describe("parseRoute", () => {
  it("knows every page", () => {
    expect(parseRoute("/")).toEqual({ page: "home" });
    expect(parseRoute("/start/")).toEqual({ page: "start" });
    expect(parseRoute("/join")).toEqual({ page: "join", code: "" });
    expect(parseRoute("/join/ack-34x")).toEqual({ page: "join", code: "ACK34X" });
    expect(parseRoute(`/meeting/${ID.toUpperCase()}`)).toEqual({ page: "meeting", meetingId: ID, participantId: null });
    expect(parseRoute(`/meeting/${ID}/p/${PID.toUpperCase()}/`)).toEqual({ page: "meeting", meetingId: ID, participantId: PID });
    expect(parseRoute(`/meeting/${ID}/p/nobody`)).toEqual({ page: "notFound" });
    expect(parseRoute("/my-meetings")).toEqual({ page: "myMeetings" });
    expect(parseRoute(`/screen/${ID}`)).toEqual({ page: "screen", meetingId: ID });
    expect(parseRoute("/meeting/not-an-id")).toEqual({ page: "notFound" });
    expect(parseRoute(`/forums/${ID.toUpperCase()}/search`)).toEqual({ page: "forumSearch", forumId: ID });
    expect(parseRoute(`/forums/${ID}/co-production/`)).toEqual({ page: "forumCoProduction", forumId: ID });
    expect(parseRoute(`/forums/${ID}/elsewhere`)).toEqual({ page: "notFound" });
    expect(parseRoute("/record/")).toEqual({ page: "myRecord" });
    expect(parseRoute(`/forums/${ID.toUpperCase()}/members/${PID}/record`)).toEqual({ page: "memberRecord", forumId: ID, memberId: PID });
    expect(parseRoute(`/forums/${ID}/members/nobody/record`)).toEqual({ page: "notFound" });
  });
});

describe("forum record paths", () => {
  it("carry a card's code only in the fragment, never in the path", () => {
    expect(myRecordPath("ACDEF GHJKM")).toBe("/record#ACDEF%20GHJKM");
    expect(myRecordPath("")).toBe("/record");
    expect(parseRoute(myRecordPath("ACDEFGHJKM").split("#")[0]!)).toEqual({ page: "myRecord" });
    expect(parseRoute(memberRecordPath(ID, PID))).toEqual({ page: "memberRecord", forumId: ID, memberId: PID });
  });
});

describe("meetingPath", () => {
  it("carries who this tab is when it knows", () => {
    expect(meetingPath(ID)).toBe(`/meeting/${ID}`);
    expect(meetingPath(ID, PID)).toBe(`/meeting/${ID}/p/${PID}`);
    expect(parseRoute(meetingPath(ID, PID))).toEqual({ page: "meeting", meetingId: ID, participantId: PID });
  });
});

describe("join codes", () => {
  it("keeps only code characters, upper case, 8 at most", () => {
    expect(cleanCode("ac d-e f")).toBe("ACDEF");
    expect(cleanCode("O0I1")).toBe(""); // look-alikes are never in a code
    expect(cleanCode("ACDEFGHJKM")).toBe("ACDEFGHJ");
  });
});

describe("screen link", () => {
  it("carries the token and code in the fragment only", () => {
    const link = screenLink("https://forum.example", ID, "fh_abc-_1", "ACDEFG");
    const url = new URL(link);
    expect(url.pathname).toBe(`/screen/${ID}`);
    expect(url.search).toBe("");
    expect(readScreenFragment(url.hash)).toEqual({ token: "fh_abc-_1", code: "ACDEFG" });
    expect(readScreenFragment("")).toBeNull();
  });
});
