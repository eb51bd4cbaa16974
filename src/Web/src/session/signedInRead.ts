// The pages for signed-in facilitators (My meetings, the forum pages) read with the account's cookie: a 401 is not an
// error to show but "nobody is signed in here", and the page shows its sign-in form instead.
import { isMeetingError } from "../client/errors";
import type { CommandRunner } from "../meeting/useCommand";
import { rememberSignedIn } from "./signedInHint";

/**
 * Runs `read` through `load` (busy, plain-words errors) and remembers whether this device is signed in. Answers true
 * when the server said 401, so the caller shows the sign-in form; any other failure stays in load.error.
 */
export async function readSignedIn(load: CommandRunner, read: () => Promise<void>): Promise<boolean> {
  let unauthenticated = false;
  await load.run(async () => {
    try {
      await read();
      rememberSignedIn(true);
    } catch (error) {
      if (isMeetingError(error) && error.status === 401) {
        unauthenticated = true;
        rememberSignedIn(false);
        return;
      }
      throw error;
    }
  });
  return unauthenticated;
}
