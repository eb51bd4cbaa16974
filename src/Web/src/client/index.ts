// The client module: protocol types, the state reducer, and the connection. Built to ESM for Node by
// `npm run build:client` (dist-client/, used by tests/e2e).
export * from "./protocol.js";
export * from "./errors.js";
export * from "./meetingState.js";
export * from "./commandQueue.js";
export * from "./meetingClient.js";
export * from "./minutesProtocol.js";
export * from "./accountProtocol.js";
export * from "./accountHttp.js";
export * from "./forumProtocol.js";
export * from "./forumHttp.js";
export * from "./forumInsightsProtocol.js";
export * from "./forumInsightsHttp.js";
