// Forum insights (/api/forums/{forumId}/...), for a signed-in facilitator: the browser sends the account cookie
// itself (same origin); in Node pass it as headers.Cookie.
import type { CoProductionFigures, MinutesSearchResults } from "./forumInsightsProtocol.js";
import { MeetingHttp } from "./meetingHttp.js";
import type { Guid } from "./protocol.js";

export class ForumInsightsHttp extends MeetingHttp {
  /** GET /api/forums/{forumId}/search?q=...: the forum's published Easy Read minutes that have these words. */
  async searchMinutes(forumId: Guid, words: string): Promise<MinutesSearchResults> {
    const path = `/api/forums/${encodeURIComponent(forumId)}/search?q=${encodeURIComponent(words)}`;
    return (await this.send("GET", path)).body as MinutesSearchResults;
  }

  /** GET /api/forums/{forumId}/co-production: from and to are yyyy-mm-dd; left out, the year up to today. */
  async coProduction(forumId: Guid, period: { from?: string; to?: string } = {}): Promise<CoProductionFigures> {
    const params = new URLSearchParams();
    if (period.from) params.set("from", period.from);
    if (period.to) params.set("to", period.to);
    const query = params.toString();
    return (await this.send("GET", `/api/forums/${encodeURIComponent(forumId)}/co-production${query ? `?${query}` : ""}`)).body as CoProductionFigures;
  }
}
