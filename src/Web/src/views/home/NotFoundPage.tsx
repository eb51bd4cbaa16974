import { linkClick } from "../../app/navigation";
import { SpokenText } from "../../components/SpokenText";
import { Picture } from "../../pictures/Picture";
import { Page } from "../Page";

export function NotFoundPage() {
  return (
    <Page title="We cannot find this page">
      <SpokenText text="This page does not exist. Please check the address." before={<Picture word="question" size="large" />} />
      <p>
        <a class="button" href="/" onClick={linkClick}>
          Go to the start page
        </a>
      </p>
    </Page>
  );
}
