// Keeps protocol.ts in step with the C# it mirrors: reads the server's sources and compares the names.
import { describe, expect, it } from "vitest";
import { emptyState } from "./meetingState";
import {
  ApiErrorCodes,
  CARD_KINDS,
  COMMAND_NAMES,
  DomainErrorCodes,
  MEETING_EVENT_TYPES,
  PARTICIPATION_LEVELS,
  PHASES,
} from "./protocol";
// The C# sources, as text (Vite's ?raw import; no Node types needed).
import commandErrorsCs from "../../../Api/Runtime/CommandErrors.cs?raw";
import meetingHubCs from "../../../Api/Hubs/MeetingHub.cs?raw";
import meetingSnapshotCs from "../../../Api/Features/Meetings/MeetingSnapshot.cs?raw";
import enumsCs from "../../../Domain/Meetings/Enums.cs?raw";
import eventsCs from "../../../Domain/Meetings/Events.cs?raw";
import errorCodesCs from "../../../Domain/Rules/ErrorCodes.cs?raw";

const sources: Record<string, string> = {
  "src/Api/Runtime/CommandErrors.cs": commandErrorsCs,
  "src/Api/Hubs/MeetingHub.cs": meetingHubCs,
  "src/Api/Features/Meetings/MeetingSnapshot.cs": meetingSnapshotCs,
  "src/Domain/Meetings/Enums.cs": enumsCs,
  "src/Domain/Meetings/Events.cs": eventsCs,
  "src/Domain/Rules/ErrorCodes.cs": errorCodesCs,
};
const repo = (path: string) => sources[path] ?? "";

const camel = (name: string) => name[0]!.toLowerCase() + name.slice(1);
const sorted = (values: Iterable<string>) => [...values].sort();

function stringConstants(source: string): string[] {
  return [...source.matchAll(/public const string \w+ = "([a-z_]+)";/g)].map((m) => m[1]!);
}

function enumMembers(source: string, name: string): string[] {
  const body = new RegExp(`public enum ${name} \\{([^}]*)\\}`).exec(source)?.[1] ?? "";
  return body.split(",").map((m) => camel(m.trim())).filter((m) => m.length > 0);
}

describe("protocol.ts matches the server", () => {
  it("domain error codes (src/Domain/Rules/ErrorCodes.cs)", () => {
    expect(sorted(Object.values(DomainErrorCodes))).toEqual(sorted(stringConstants(repo("src/Domain/Rules/ErrorCodes.cs"))));
  });

  it("API error codes (src/Api/Runtime/CommandErrors.cs)", () => {
    const source = repo("src/Api/Runtime/CommandErrors.cs");
    const api = source.slice(source.indexOf("class ApiErrorCodes"));
    expect(sorted(Object.values(ApiErrorCodes))).toEqual(sorted(stringConstants(api)));
  });

  it("event types (src/Domain/Meetings/Events.cs)", () => {
    const source = repo("src/Domain/Meetings/Events.cs");
    const names = [...source.matchAll(/public sealed record (\w+)\([^;]*?\)\s*:\s*IMeetingEvent;/gs)].map((m) => camel(m[1]!));
    expect(sorted(MEETING_EVENT_TYPES)).toEqual(sorted(names));
  });

  it("hub commands (src/Api/Hubs/MeetingHub.cs)", () => {
    const source = repo("src/Api/Hubs/MeetingHub.cs");
    const names = [...source.matchAll(/public Task<(?:CommandAck|TakeOverCodeAck)> (\w+)\(/g)].map((m) => m[1]!);
    expect(sorted(COMMAND_NAMES)).toEqual(sorted(names));
  });

  it("enums (src/Domain/Meetings/Enums.cs)", () => {
    const source = repo("src/Domain/Meetings/Enums.cs");
    expect(PHASES).toEqual(enumMembers(source, "Phase"));
    expect(PARTICIPATION_LEVELS).toEqual(enumMembers(source, "ParticipationLevel"));
    expect(CARD_KINDS).toEqual(enumMembers(source, "CardKind"));
  });

  it("snapshot fields (src/Api/Features/Meetings/MeetingSnapshot.cs)", () => {
    const source = repo("src/Api/Features/Meetings/MeetingSnapshot.cs");
    const parameters = /public sealed record MeetingSnapshot\(([^)]*)\)/s.exec(source)?.[1] ?? "";
    const names = parameters.split(",").map((p) => camel(p.trim().split(/\s+/).pop() ?? ""));
    expect(Object.keys(emptyState())).toEqual(names);
  });
});
