// The web app's client module (src/Web/src/client), built to ESM by `npm run build:client` in src/Web
// (scripts/test.sh runs it before this suite). The e2e tests drive meetings only through it, over real SignalR.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const entry = new URL("../../../src/Web/dist-client/index.js", import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  throw new Error(
    `The client module is not built: ${fileURLToPath(entry)} is missing. Run 'npm run build:client' in src/Web ` +
      "(scripts/test.sh does).",
  );
}

/** @type {typeof import("../../../src/Web/dist-client/index.js")} */
const client = await import(entry.href);

export const { MeetingHttp, MeetingClient, MeetingError, applyEvents, emptyState, signalRTransport } = client;
export default client;
