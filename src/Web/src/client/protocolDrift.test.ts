// Keeps the client module's protocol in step with the C# it mirrors: reads the server's sources and compares the
// names of the error codes, events, hub commands and enums, and then the fields of every shape on the wire.
import { describe, expect, it } from "vitest";
import { emptyState } from "./meetingState";
import {
  ApiErrorCodes,
  CARD_KINDS,
  COMMAND_NAMES,
  DomainErrorCodes,
  MEETING_EVENT_TYPES,
  MEETING_ROLES,
  PARTICIPATION_LEVELS,
  PHASES,
} from "./protocol";
import { camel, csharpRecords, recordFields } from "./testing/csharpShapes";
import { typescriptShapes } from "./testing/typescriptShapes";
// The client's protocol types, as text.
import accountProtocolTs from "./accountProtocol.ts?raw";
import forumProtocolTs from "./forumProtocol.ts?raw";
import forumInsightsProtocolTs from "./forumInsightsProtocol.ts?raw";
import minutesProtocolTs from "./minutesProtocol.ts?raw";
import protocolTs from "./protocol.ts?raw";

// The C# sources, as text (Vite's ?raw import; no Node types needed), found by what they declare rather than where
// they live, so moving a file on the server does not break this test.
const csharp = import.meta.glob<string>(["../../../{Api,Domain}/**/*.cs", "!../../../{Api,Domain}/{bin,obj}/**"], {
  query: "?raw",
  import: "default",
  eager: true,
});

/** The one C# source that matches `declaration`. */
function declaring(declaration: RegExp): string {
  const found = Object.entries(csharp).filter(([, source]) => declaration.test(source));
  if (found.length !== 1) throw new Error(`Expected one C# source declaring ${declaration}, found ${found.map(([file]) => file).join(", ") || "none"}.`);
  return found[0]![1];
}

const sorted = (values: Iterable<string>) => [...values].sort();

function stringConstants(source: string): string[] {
  return [...source.matchAll(/public const string \w+ = "([a-z_]+)";/g)].map((m) => m[1]!);
}

function enumMembers(source: string, name: string): string[] {
  const body = new RegExp(`public enum ${name} \\{([^}]*)\\}`).exec(source)?.[1] ?? "";
  return body.split(",").map((m) => camel(m.trim())).filter((m) => m.length > 0);
}

describe("protocol.ts matches the server: names", () => {
  it("domain error codes (ErrorCodes.cs)", () => {
    const source = declaring(/static class ErrorCodes\b/);
    expect(sorted(Object.values(DomainErrorCodes))).toEqual(sorted(stringConstants(source)));
  });

  it("API error codes (CommandErrors.cs)", () => {
    const source = declaring(/static class ApiErrorCodes\b/);
    const api = source.slice(source.indexOf("class ApiErrorCodes"));
    expect(sorted(Object.values(ApiErrorCodes))).toEqual(sorted(stringConstants(api)));
  });

  it("event types (Events.cs, ReviewEvents.cs: every record that is an IMeetingEvent)", () => {
    const names = Object.values(csharp).flatMap((source) =>
      [...source.matchAll(/public sealed record (\w+)\([^;]*?\)\s*:\s*IMeetingEvent;/gs)].map((m) => camel(m[1]!)));
    expect(names).toContain("reviewPrepared");
    expect(sorted(MEETING_EVENT_TYPES)).toEqual(sorted(names));
  });

  it("hub commands (MeetingHub.cs)", () => {
    const source = declaring(/class MeetingHub\b/);
    const names = [...source.matchAll(/public Task<(?:CommandAck|TakeOverCodeAck)> (\w+)\(/g)].map((m) => m[1]!);
    expect(sorted(COMMAND_NAMES)).toEqual(sorted(names));
  });

  it("enums (Enums.cs)", () => {
    const source = declaring(/public enum Phase\b/);
    expect(PHASES).toEqual(enumMembers(source, "Phase"));
    expect(PARTICIPATION_LEVELS).toEqual(enumMembers(source, "ParticipationLevel"));
    expect(CARD_KINDS).toEqual(enumMembers(source, "CardKind"));
    expect(MEETING_ROLES).toEqual(enumMembers(source, "MeetingRole"));
  });

  it("snapshot fields, in order (MeetingSnapshot.cs)", () => {
    const source = declaring(/public sealed record MeetingSnapshot\(/);
    const parameters = /public sealed record MeetingSnapshot\(([^)]*)\)/s.exec(source)?.[1] ?? "";
    const names = parameters.split(",").map((p) => camel(p.trim().split(/\s+/).pop() ?? ""));
    expect(Object.keys(emptyState())).toEqual(names);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Fields. Each TypeScript shape is compared with the C# record of the same name unless named here.

/** TypeScript shape -> the C# record it mirrors under another name. */
const SERVER_NAMES: Record<string, string> = {
  CreateMeetingRequest: "CreateMeeting",
  JoinRequest: "JoinMeeting",
  UnknownEnvelope: "EventEnvelope",
  CommandBase: "MeetingCommand",
  SiteInfo: "Site",
};

/** TypeScript shapes with no C# record, and why. */
const NOT_RECORDS: Record<string, string> = {
  ProblemDetails: "ASP.NET Core's own ProblemDetails, with the extensions Problems.cs adds",
  AuditQuery: "the query string of GET /api/admin/audit, not a JSON body",
  MeetingEventData: "a map of the event records: compared event by event below",
  CommandArgs: "a map of the command records: compared command by command below",
  ForumMemberFields: "the body of POST /api/forums/{forumId}/members/ and .../details without kind (UpdateForumMember less the route's ids)",
};

const client = typescriptShapes({ "protocol.ts": protocolTs, "minutesProtocol.ts": minutesProtocolTs, "accountProtocol.ts": accountProtocolTs,
  "forumProtocol.ts": forumProtocolTs, "forumInsightsProtocol.ts": forumInsightsProtocolTs,
});
const server = csharpRecords(csharp);

type Drift = Record<string, { onlyInClient: string[]; onlyOnServer: string[] }>;

function compare(drift: Drift, label: string, clientFields: string[], serverFields: string[]): void {
  const onlyInClient = sorted(clientFields.filter((f) => !serverFields.includes(f)));
  const onlyOnServer = sorted(serverFields.filter((f) => !clientFields.includes(f)));
  if (onlyInClient.length > 0 || onlyOnServer.length > 0) drift[label] = { onlyInClient, onlyOnServer };
}

describe("protocol.ts matches the server: the fields of each shape", () => {
  it("event data (Events.cs; the envelope's Public* record where it keeps a field back)", () => {
    const data = client.nested("MeetingEventData");
    const drift: Drift = {};
    for (const type of MEETING_EVENT_TYPES) {
      const record = type[0]!.toUpperCase() + type.slice(1);
      const sent = server.has(`Public${record}`) ? `Public${record}` : record;
      compare(drift, `${type} (${sent})`, data.get(type) ?? [], recordFields(server, sent));
    }
    expect(sorted(data.keys())).toEqual(sorted(MEETING_EVENT_TYPES));
    expect(drift).toEqual({});
  });

  it("hub command arguments (the command records, with MeetingCommand's commandId)", () => {
    const args = client.nested("CommandArgs");
    const drift: Drift = {};
    for (const command of COMMAND_NAMES) {
      compare(drift, command, [...client.shapes.get("CommandBase")!, ...(args.get(command) ?? [])], recordFields(server, command));
    }
    expect(sorted(args.keys())).toEqual(sorted(COMMAND_NAMES));
    expect(drift).toEqual({});
  });

  it("every other shape: the snapshot, HTTP answers and bodies, minutes, accounts", () => {
    const drift: Drift = {};
    const unmatched: string[] = [];
    for (const [name, fields] of client.shapes) {
      if (name in NOT_RECORDS) continue;
      const record = SERVER_NAMES[name] ?? name;
      if (!server.has(record)) unmatched.push(name);
      else compare(drift, record === name ? name : `${name} (${record})`, fields, recordFields(server, record));
    }
    // A new shape needs its C# twin (or a line in NOT_RECORDS saying why it has none).
    expect(unmatched).toEqual([]);
    expect(drift).toEqual({});
  });
});
