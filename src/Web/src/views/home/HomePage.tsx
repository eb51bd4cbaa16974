import { SpokenText } from "../../components/SpokenText";
import { Page } from "../Page";
import { AccountLinks } from "./AccountLinks";
import { PictureLink } from "../../components/PictureLink";

export function HomePage() {
  return (
    <Page title="ForumHub">
      <SpokenText text="ForumHub helps people run forum meetings together. Everyone gets Easy Read minutes." />
      <nav class="home-choices" aria-label="What do you want to do?">
        <PictureLink class="big-link" href="/join" picture="hello" size="large">
          Join a meeting
        </PictureLink>
        <PictureLink class="big-link" href="/start" picture="facilitator" size="large">
          Start a meeting (facilitators)
        </PictureLink>
        <AccountLinks />
      </nav>
    </Page>
  );
}
