// The build-time module made by vite.config.ts (forumHubPictures): the shared picture map with bundled SVG URLs.
declare module "virtual:forumhub-pictures" {
  /** Picture word (e.g. "yes", "slow-down", "bus") -> URL of its OpenMoji SVG. */
  export const pictureUrls: Record<string, string>;
  /** The credit line CC BY-SA 4.0 asks for. */
  export const attribution: string;
}
