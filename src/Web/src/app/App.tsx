import { useEffect, useState } from "preact/hooks";
import { HomePage } from "../views/home/HomePage";
import { NotFoundPage } from "../views/home/NotFoundPage";
import { JoinPage } from "../views/join/JoinPage";
import { MeetingPage } from "../views/MeetingPage";
import { lazyView } from "./lazyView";
import { onNavigate } from "./navigation";
import { parseRoute, type Route } from "./routes";

// Not a member's: fetched only when shown (app/lazyView.tsx).
const SharedScreenPage = lazyView(() => import("../views/screen/SharedScreenPage").then((m) => m.SharedScreenPage));
const StartMeetingPage = lazyView(() => import("../views/start/StartMeetingPage").then((m) => m.StartMeetingPage));

/** Picks the page for the address; client-side navigation keeps the live connection code simple (one page = one meeting). */
export function App() {
  const [route, setRoute] = useState<Route>(() => parseRoute(location.pathname));
  useEffect(() => onNavigate(() => setRoute(parseRoute(location.pathname))), []);
  useEffect(() => {
    // Move focus to the new page's main heading so keyboard and screen reader users start at the top.
    const heading = document.querySelector<HTMLElement>("main h1");
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
  }, [route]);

  switch (route.page) {
    case "home":
      return <HomePage />;
    case "join":
      return <JoinPage initialCode={route.code} />;
    case "start":
      return <StartMeetingPage />;
    case "meeting":
      return <MeetingPage key={route.meetingId} meetingId={route.meetingId} />;
    case "screen":
      return <SharedScreenPage key={route.meetingId} meetingId={route.meetingId} />;
    case "notFound":
      return <NotFoundPage />;
  }
}
