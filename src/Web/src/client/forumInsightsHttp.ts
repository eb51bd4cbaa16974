// Forum insights (/api/forums/{forumId}/...), for a signed-in facilitator: the browser sends the account cookie
// itself (same origin); in Node pass it as headers.Cookie.
import type { MinutesSearchResults } from "./forumInsightsProtocol.js";
import { MeetingHttp } from "./meetingHttp.js";
import type { Guid } from "./protocol.js";

export class ForumInsightsHttp extends MeetingHttp {
  /** GET /api/forums/{forumId}/search?q=...: the forum's published Easy Read minutes that have these words. */
  async searchMinutes(forumId: Guid, words: string): Promise<MinutesSearchResults> {
    const path = `/api/forums/${encodeURIComponent(forumId)}/search?q=${encodeURIComponent(words)}`;
    return (await this.send("GET", path)).body as MinutesSearchResults;
  }
}
