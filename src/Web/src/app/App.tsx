import { useEffect, useState } from "preact/hooks";
import { HomePage } from "../views/home/HomePage";
import { NotFoundPage } from "../views/home/NotFoundPage";
import { JoinPage } from "../views/join/JoinPage";
import { MeetingPage } from "../views/MeetingPage";
import { MyMeetingsPage } from "../views/mine/MyMeetingsPage";
import { SharedScreenPage } from "../views/screen/SharedScreenPage";
import { StartMeetingPage } from "../views/start/StartMeetingPage";
import { onNavigate } from "./navigation";
import { parseRoute, type Route } from "./routes";

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
      return <MeetingPage key={`${route.meetingId}/${route.participantId ?? ""}`} meetingId={route.meetingId} participantId={route.participantId} />;
    case "myMeetings":
      return <MyMeetingsPage />;
    case "screen":
      return <SharedScreenPage key={route.meetingId} meetingId={route.meetingId} />;
    case "notFound":
      return <NotFoundPage />;
  }
}
