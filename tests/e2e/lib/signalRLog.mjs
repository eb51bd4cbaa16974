// How much the e2e tests say about SignalR: its warnings only with E2E_VERBOSE=1, since reconnects and dropped
// connections are often the point of a test, not news, and would hide its output.
import * as signalR from "@microsoft/signalr";

export const verbose = process.env.E2E_VERBOSE === "1";

/** SignalR's own log for a HubConnectionBuilder or a MeetingClient: warnings and worse, shown only when verbose. */
export const signalRLogger = {
  log(level, message) {
    if (verbose && level >= signalR.LogLevel.Warning) console.error(`[signalr] ${message}`);
  },
};
