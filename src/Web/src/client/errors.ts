// Errors as the client sees them: always a code (stable, for code) and plain words (for people).

import { ClientErrorCodes, RETRIABLE_CODES, type ErrorCode, type ProblemDetails } from "./protocol.js";

export class MeetingError extends Error {
  override readonly name = "MeetingError";

  constructor(
    /** A stable code, e.g. "not_allowed"; see protocol.ts for the lists. */
    readonly code: ErrorCode,
    /** Plain words from the server, fit to show to the person. */
    message: string,
    /** True when the same command (same commandId) may be sent again. */
    readonly retriable: boolean = RETRIABLE_CODES.has(code),
    /** HTTP status, for errors from HTTP calls. */
    readonly status?: number,
  ) {
    super(message);
  }
}

export function isMeetingError(error: unknown): error is MeetingError {
  return error instanceof MeetingError;
}

// SignalR passes a HubException's message to the client inside its own sentence:
//   "An unexpected error occurred invoking 'ProposeItem' on the server. HubException: not_allowed: You cannot do this in your role."
const HUB_EXCEPTION = /HubException: ([a-z][a-z0-9_]*): ([\s\S]*)$/;
const SERVER_FAILED = /^An unexpected error occurred invoking '[^']*' on the server\./;
const BINDING_FAILED = /^Failed to invoke '[^']*' due to an error on the server\./;
const UNAUTHORIZED = /^Failed to invoke '[^']*' because user is unauthorized/;

/** Parses the "<code>: <plain words>" that MeetingHubFilter puts in a HubException's message. */
export function parseHubExceptionMessage(message: string): { code: string; message: string } | null {
  const match = HUB_EXCEPTION.exec(message);
  return match ? { code: match[1] as string, message: (match[2] as string).trim() } : null;
}

/**
 * Turns whatever a hub invocation threw into a MeetingError. A coded HubException keeps its code; any other
 * server-side failure is server_error (or invalid_request when the arguments did not bind); everything else
 * (connection closed, not connected, timeouts) is a transport error, which is retriable.
 */
export function toMeetingError(error: unknown): MeetingError {
  if (error instanceof MeetingError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const coded = parseHubExceptionMessage(message);
  if (coded) return new MeetingError(coded.code, coded.message);
  if (UNAUTHORIZED.test(message)) return new MeetingError("unauthenticated", "Please join the meeting again.");
  if (BINDING_FAILED.test(message)) return new MeetingError("invalid_request", "The server could not read that request.");
  if (SERVER_FAILED.test(message)) return new MeetingError(ClientErrorCodes.serverError, "Something went wrong on the server.");
  return new MeetingError(ClientErrorCodes.transport, message || "The connection to the meeting was lost.", true);
}

/** A ProblemDetails answer (or any failed HTTP answer) as a MeetingError. */
export function problemToError(status: number, body: unknown): MeetingError {
  const problem = (typeof body === "object" && body !== null ? body : {}) as ProblemDetails;
  const code = typeof problem.code === "string" && problem.code !== "error" ? problem.code : fallbackCode(status);
  const retriable = typeof problem.retriable === "boolean" ? problem.retriable || RETRIABLE_CODES.has(code) : status >= 500 || status === 429;
  const message = problem.title ?? problem.detail ?? `The server answered ${status}.`;
  return new MeetingError(code, message, retriable, status);
}

function fallbackCode(status: number): string {
  if (status === 401) return "unauthenticated";
  if (status === 403) return "not_allowed";
  if (status === 404) return "not_found";
  if (status === 429) return "rate_limited";
  if (status === 400) return "invalid_request";
  if (status >= 500) return ClientErrorCodes.serverError;
  return ClientErrorCodes.badResponse;
}
