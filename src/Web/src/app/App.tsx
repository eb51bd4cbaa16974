import { useEffect, useState } from "preact/hooks";
import { HomePage } from "../views/home/HomePage";
import { NotFoundPage } from "../views/home/NotFoundPage";
import { JoinPage } from "../views/join/JoinPage";
import { MeetingPage } from "../views/MeetingPage";
import { MyMeetingsPage } from "../views/mine/MyMeetingsPage";
import { SharedScreenPage } from "../views/screen/SharedScreenPage";
import { StartMeetingPage } from "../views/start/StartMeetingPage";
import { lazyPage } from "./lazyPage";
import { focusMainHeading, onNavigate } from "./navigation";
import { parseRoute, type Route } from "./routes";

// Loaded only when opened: phones joining a meeting never download the account and admin pages.
const AdminPage = lazyPage(() => import("../views/admin/AdminPage").then((m) => m.AdminPage));
const AccountPage = lazyPage(() => import("../views/account/AccountPage").then((m) => m.AccountPage));
const SetUpPage = lazyPage(() => import("../views/account/SetUpPage").then((m) => m.SetUpPage));

/** Picks the page for the address; client-side navigation keeps the live connection code simple (one page = one meeting). */
export function App() {
  const [route, setRoute] = useState<Route>(() => parseRoute(location.pathname));
  useEffect(() => onNavigate(() => setRoute(parseRoute(location.pathname))), []);
  // Move focus to the new page's main heading so keyboard and screen reader users start at the top.
  useEffect(focusMainHeading, [route]);

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
    case "admin":
      return <AdminPage section={route.section} />;
    case "account":
      return <AccountPage />;
    case "setUp":
      return <SetUpPage />;
    case "notFound":
      return <NotFoundPage />;
  }
}
