import { useEffect, useState } from "preact/hooks";
import { NotFoundPage } from "../views/home/NotFoundPage";
import { JoinPage } from "../views/join/JoinPage";
import { MeetingPage } from "../views/MeetingPage";
import { lazyView } from "./lazyView";
import { focusMainHeading, onNavigate } from "./navigation";
import { parseRoute, type Route } from "./routes";

// Not a member's: fetched only when shown (app/lazyView.tsx), so a phone joining a meeting loads at most 70 KB.
const HomePage = lazyView(() => import("../views/home/HomePage").then((m) => m.HomePage));
const SharedScreenPage = lazyView(() => import("../views/screen/SharedScreenPage").then((m) => m.SharedScreenPage));
const StartMeetingPage = lazyView(() => import("../views/start/StartMeetingPage").then((m) => m.StartMeetingPage));
const MyMeetingsPage = lazyView(() => import("../views/mine/MyMeetingsPage").then((m) => m.MyMeetingsPage));
const AdminPage = lazyView(() => import("../views/admin/AdminPage").then((m) => m.AdminPage));
const AccountPage = lazyView(() => import("../views/account/AccountPage").then((m) => m.AccountPage));
const ForumPage = lazyView(() => import("../views/forum/ForumPage").then((m) => m.ForumPage));
const CardJoinPage = lazyView(() => import("../views/forum/CardJoinPage").then((m) => m.CardJoinPage));
const InvitationPage = lazyView(() => import("../views/forum/InvitationPage").then((m) => m.InvitationPage));
const YouSaidWeDidPage = lazyView(() => import("../views/forum/YouSaidWeDidPage").then((m) => m.YouSaidWeDidPage));
const ForumSearchPage = lazyView(() => import("../views/forum/ForumSearchPage").then((m) => m.ForumSearchPage));
const CoProductionPage = lazyView(() => import("../views/forum/CoProductionPage").then((m) => m.CoProductionPage));
const MyRecordPage = lazyView(() => import("../views/forum/record/MyRecordPage").then((m) => m.MyRecordPage));
const MemberRecordPage = lazyView(() => import("../views/forum/record/MemberRecordPage").then((m) => m.MemberRecordPage));
const SetUpPage = lazyView(() => import("../views/account/SetUpPage").then((m) => m.SetUpPage));

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
    case "forum":
      return <ForumPage key={route.forumId} forumId={route.forumId} />;
    case "card":
      return <CardJoinPage />;
    case "invitation":
      return <InvitationPage key={route.key} invitationKey={route.key} />;
    case "youSaidWeDid":
      return <YouSaidWeDidPage forumId={route.forumId} />;
    case "forumSearch":
      return <ForumSearchPage key={route.forumId} forumId={route.forumId} />;
    case "forumCoProduction":
      return <CoProductionPage key={route.forumId} forumId={route.forumId} />;
    case "myRecord":
      return <MyRecordPage />;
    case "memberRecord":
      return <MemberRecordPage key={`${route.forumId}/${route.memberId}`} forumId={route.forumId} memberId={route.memberId} />;
    case "notFound":
      return <NotFoundPage />;
  }
}
