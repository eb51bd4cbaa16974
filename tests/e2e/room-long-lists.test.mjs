// A whole forum meeting in Chromium with plain words but long lists, so the TV must page them (lib/forumRoom.mjs says
// everything the run checks). Its TV screenshots go to docs/screenshots/ with UPDATE_SCREENSHOTS=1.
import { forumRoomTest } from "./lib/forumRoom.mjs";

forumRoomTest("a room with long lists: the TV pages them and fits, phones show what to do now", {
  room: "long lists",
  dbName: "e2e_room_long_lists",
  timeout: 600_000,
});
