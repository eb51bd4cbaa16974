import { linkClick } from "../app/navigation";
import { SpokenText } from "../components/SpokenText";
import { Picture } from "../pictures/Picture";
import type { PersonChoice } from "../session/chooser";
import { Page } from "./Page";

/** This browser holds more than one person for the meeting: who is this tab? The facilitator's console comes first. */
export function ChoosePersonPage({ choices }: { choices: PersonChoice[] }) {
  return (
    <Page title="Who are you in this meeting?">
      <SpokenText
        text="More than one person joined this meeting on this phone or computer. Please choose who you are in this window."
        before={<Picture word="people" size="large" />}
      />
      <ul class="person-choices">
        {choices.map((choice) => (
          <li key={choice.participantId}>
            <a class={choice.role === "facilitator" ? "button button-primary button-big" : "button button-big"} href={choice.path} onClick={linkClick}>
              {choice.label}
            </a>
          </li>
        ))}
      </ul>
    </Page>
  );
}
