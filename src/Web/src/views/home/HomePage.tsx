import { linkClick } from "../../app/navigation";
import { SpokenText } from "../../components/SpokenText";
import { Picture } from "../../pictures/Picture";
import { Page } from "../Page";
import { AccountLinks } from "./AccountLinks";

export function HomePage() {
  return (
    <Page title="ForumHub">
      <SpokenText text="ForumHub helps people run forum meetings together. Everyone gets Easy Read minutes." />
      <nav class="home-choices" aria-label="What do you want to do?">
        <a class="big-link" href="/join" onClick={linkClick}>
          <Picture word="hello" size="large" />
          <span>Join a meeting</span>
        </a>
        <a class="big-link" href="/start" onClick={linkClick}>
          <Picture word="facilitator" size="large" />
          <span>Start a meeting (facilitators)</span>
        </a>
        <AccountLinks />
      </nav>
    </Page>
  );
}
