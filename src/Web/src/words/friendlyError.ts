// What a person sees when something did not work: plain words and a picture, never a stack trace.
import { isMeetingError } from "../client/errors";

export interface FriendlyError {
  text: string;
  picture: string;
  /** True when trying again may help (the connection, the server being busy). */
  tryAgain: boolean;
}

const TRANSPORT = new Set(["transport", "server_error", "bad_response", "storage_unavailable", "conflict", "rate_limited"]);

/** Plain words for an error thrown by the client module (or anything else). */
export function friendlyError(error: unknown): FriendlyError {
  if (isMeetingError(error)) {
    if (error.code === "transport") {
      return { text: "We could not reach ForumHub. Please check the internet and try again.", picture: "phone", tryAgain: true };
    }
    if (error.code === "server_error" || error.code === "bad_response") {
      return { text: "Something went wrong on our side. Please try again.", picture: "sad", tryAgain: true };
    }
    if (error.code === "code_unknown" || error.code === "not_found") {
      return { text: "We do not know this code. Please check it and try again.", picture: "question", tryAgain: false };
    }
    if (error.code === "code_closed") {
      return { text: "This meeting has finished. The code does not work any more.", picture: "check", tryAgain: false };
    }
    if (error.code === "stopped") {
      return { text: "You have left this meeting.", picture: "hello", tryAgain: false };
    }
    // The server's own messages are short plain words (docs/protocol.md, "Errors").
    const text = error.message.trim() !== "" ? error.message : "That did not work. Please try again.";
    return { text, picture: TRANSPORT.has(error.code) ? "clock" : "sad", tryAgain: error.retriable };
  }
  return { text: "Something went wrong. Please try again.", picture: "sad", tryAgain: true };
}
