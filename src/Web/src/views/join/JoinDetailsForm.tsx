import { useState } from "preact/hooks";
import type { CodeInfo, Guid } from "../../client/protocol";
import { ErrorNote } from "../../components/ErrorNote";
import { PicturePicker } from "../../components/PicturePicker";
import { SpokenText } from "../../components/SpokenText";
import { Picture } from "../../pictures/Picture";
import { PERSON_PICTURES } from "../../pictures/pictures";
import type { FriendlyError } from "../../words/friendlyError";
import { ROLE_WORDS } from "../../words/plainWords";
import { ProblemNote } from "../../components/FormEnd";

export interface JoinDetails {
  role: "member" | "supporter";
  name: string;
  picture: string | null;
  supportsMemberId: Guid | null;
}

interface JoinDetailsFormProps {
  info: CodeInfo;
  busy: boolean;
  error: FriendlyError | null;
  onJoin(details: JoinDetails): void;
  onLookAgain(): void;
  lookingAgain: boolean;
  onBack(): void;
}

/** Who you are: member or supporter (listeners are known by their code), name, picture, and a supporter's member. */
export function JoinDetailsForm({ info, busy, error, onJoin, onLookAgain, lookingAgain, onBack }: JoinDetailsFormProps) {
  const [role, setRole] = useState<"member" | "supporter">("member");
  const [name, setName] = useState("");
  const [picture, setPicture] = useState<string | null>(null);
  const [memberId, setMemberId] = useState<Guid | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const listener = info.isListenerCode;

  function submit(event: Event) {
    event.preventDefault();
    if (name.trim() === "") return setProblem("Please type your name.");
    if (!listener && role === "supporter" && !memberId) return setProblem("Please choose the person you support.");
    setProblem(null);
    onJoin({ role, name: name.trim(), picture, supportsMemberId: memberId });
  }

  return (
    <form class="join-details" onSubmit={submit} noValidate>
      {listener ? (
        <div class="panel">
          <SpokenText
            text="You are joining as a listener. You can see and hear everything. The facilitator will ask you when to respond."
            before={<Picture word="listener" size="medium" />}
          />
        </div>
      ) : (
        <div class="panel">
          <fieldset class="role-choice">
            <legend>Who are you?</legend>
            <div class="tile-row">
              {(["member", "supporter"] as const).map((r) => (
                <label key={r} class={role === r ? "choice-tile is-chosen" : "choice-tile"}>
                  <input type="radio" name="role" checked={role === r} onChange={() => setRole(r)} />
                  <Picture word={ROLE_WORDS[r].picture} size="large" />
                  <span>{r === "member" ? "I am a member of the forum" : "I support a member"}</span>
                </label>
              ))}
            </div>
          </fieldset>
        </div>
      )}

      <div class="panel">
        <label for="join-name" class="field-label">
          Your name
        </label>
        <input
          id="join-name"
          class="text-box"
          type="text"
          autoComplete="given-name"
          maxLength={40}
          value={name}
          onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
        />
      </div>

      <div class="panel">
        <PicturePicker legend="Pick a picture for you (you do not have to)" words={PERSON_PICTURES} value={picture} onChange={setPicture} />
      </div>

      {!listener && role === "supporter" && (
        <div class="panel">
          <fieldset>
            <legend>Who do you support?</legend>
            {info.members.length === 0 ? (
              <>
                <SpokenText text="No members have joined yet. When the person you support has joined, press Look again." />
                <button type="button" class="button" onClick={onLookAgain} disabled={lookingAgain}>
                  Look again
                </button>
              </>
            ) : (
              <div class="tile-row">
                {info.members.map((m) => (
                  <label key={m.id} class={memberId === m.id ? "choice-tile is-chosen" : "choice-tile"}>
                    <input type="radio" name="member" checked={memberId === m.id} onChange={() => setMemberId(m.id)} />
                    <Picture word={m.picture ?? "member"} size="large" />
                    <span>{m.displayName}</span>
                  </label>
                ))}
              </div>
            )}
            {info.members.length > 0 && (
              <button type="button" class="button button-quiet" onClick={onLookAgain} disabled={lookingAgain}>
                The person is not here: look again
              </button>
            )}
          </fieldset>
        </div>
      )}

      <ProblemNote problem={problem} />
      <ErrorNote error={error} />
      <div class="button-row">
        <button type="submit" class="button button-primary button-big" disabled={busy}>
          {busy ? "Joining..." : "Join the meeting"}
        </button>
        <button type="button" class="button" onClick={onBack}>
          Back: change the code
        </button>
      </div>
    </form>
  );
}
