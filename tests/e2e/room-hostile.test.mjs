// A whole forum meeting in Chromium with the hostile corpus in every text field at its limit (lib/forumRoom.mjs says
// which line goes where and everything the run checks).
import { forumRoomTest } from "./lib/forumRoom.mjs";

forumRoomTest("a room of hostile text at every field's limit: no view breaks, the TV still fits", {
  room: "hostile",
  dbName: "e2e_room_hostile",
  timeout: 900_000,
});
