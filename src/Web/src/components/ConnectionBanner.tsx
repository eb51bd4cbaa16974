import type { ClientStatus } from "../client/meetingClient";
import { Picture } from "../pictures/Picture";
import { pictureUrl } from "../pictures/pictures";

// The banner's pictures are fetched while the connection is still there: when it drops they must already be here.
const BANNER_PICTURES = ["clock", "check", "sad", "hello"];
const preloaded: HTMLImageElement[] = [];
function preloadBannerPictures(): void {
  if (preloaded.length > 0 || typeof Image === "undefined") return;
  for (const word of BANNER_PICTURES) {
    const url = pictureUrl(word);
    if (!url) continue;
    const image = new Image();
    image.src = url;
    preloaded.push(image);
  }
}

interface ConnectionBannerProps {
  status: ClientStatus;
  /** Commands waiting to be sent. */
  waiting: number;
}

/**
 * A calm line at the top when the connection is not there. Never flashes; polite (role="status").
 * The region is always in the page so screen readers announce the change when words appear in it.
 */
export function ConnectionBanner({ status, waiting }: ConnectionBannerProps) {
  preloadBannerPictures();
  const message = bannerWords(status, waiting);
  return (
    <div class={message ? "connection-banner" : "connection-banner is-empty"} role="status" aria-live="polite">
      {message && (
        <>
          <Picture word={message.picture} size="small" eager />
          <p>{message.text}</p>
          {status === "refused" && (
            <a class="button" href="/join">
              Join again
            </a>
          )}
        </>
      )}
    </div>
  );
}

export function bannerWords(status: ClientStatus, waiting: number): { text: string; picture: string } | null {
  const kept = waiting > 0 ? ` ${waiting === 1 ? "1 thing is" : `${waiting} things are`} waiting. We will send it when we are back.` : " What you type is kept.";
  switch (status) {
    case "idle":
    case "connecting":
    case "joining":
      return { text: "Connecting to the meeting...", picture: "clock" };
    case "reconnecting":
      return { text: `Reconnecting...${kept}`, picture: "clock" };
    case "resyncing":
      return { text: "Catching up with the meeting...", picture: "clock" };
    case "ended":
      return { text: "The meeting has finished.", picture: "check" };
    case "refused":
      return { text: "Your place in this meeting has ended. Please join again.", picture: "sad" };
    case "stopped":
      return { text: "You have left the meeting.", picture: "hello" };
    case "connected":
      return null;
  }
}
