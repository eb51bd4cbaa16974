import { useMemo } from "preact/hooks";
import { linkClick } from "../../app/navigation";
import { SpokenText } from "../../components/SpokenText";
import { Picture } from "../../pictures/Picture";
import { chooserChoices } from "../../session/chooser";
import { sessions } from "../../session/sessionStore";

/**
 * On the join page, when this browser already holds people for the meeting: says so plainly and offers the way back.
 * Joining again as someone else is allowed and keeps everyone (the facilitator's own laptop must never
 * lose her console when she helps someone join on it).
 */
export function AlreadyHere({ meetingId }: { meetingId: string }) {
  const people = useMemo(() => sessions.people(meetingId), [meetingId]);
  if (people.length === 0) return null;
  const facilitator = people.some((s) => s.role === "facilitator");
  return (
    <section class="panel already-here" aria-labelledby="already-here-heading">
      <h2 id="already-here-heading">{facilitator ? "This browser is the facilitator's" : "You are already in this meeting"}</h2>
      <SpokenText
        text={
          facilitator
            ? "This browser is already the facilitator's. You can join as another person too; both are kept."
            : "This phone or computer is already in this meeting. You can go back, or join as another person too; both are kept."
        }
        before={<Picture word={facilitator ? "facilitator" : "check"} size="medium" />}
      />
      <ul class="person-choices">
        {chooserChoices(people).map((choice) => (
          <li key={choice.participantId}>
            <a class="button" href={choice.path} onClick={linkClick}>
              {choice.role === "facilitator" ? "Go back to the facilitator's console" : choice.label}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
