import { useState } from "preact/hooks";
import type { ForumHttp } from "../../client/forumHttp";
import type { ForumCard, ForumMemberFields, ForumMemberView } from "../../client/forumProtocol";
import { FormEnd } from "../../components/FormEnd";
import { PicturePicker } from "../../components/PicturePicker";
import { TextField } from "../../components/TextField";
import { useCommand } from "../../meeting/useCommand";
import { PERSON_PICTURES } from "../../pictures/pictures";
import { ConsentChoice } from "./ConsentChoice";

interface Props {
  http: ForumHttp;
  forumId: string;
  kind: "member" | "listener";
  /** After adding: their first card, to print now (its code is shown only once). */
  onAdded(card: ForumCard): void;
}

interface EditProps {
  http: ForumHttp;
  forumId: string;
  person: ForumMemberView;
  onSaved(person: ForumMemberView): void;
  onCancel(): void;
}

/** Adds a standing member (service or home, usual supporter, consent) or a regular listener (role words). */
export function AddForumMemberForm({ http, forumId, kind, onAdded }: Props) {
  return <ForumMemberForm kind={kind} prefix={`add-${kind}`} submitWords={kind === "member" ? "Add the member" : "Add the listener"}
    label={kind === "member" ? "Add a member" : "Add a listener"} clearAfter
    send={async (fields) => onAdded((await http.addMember(forumId, kind, fields)).card)} />;
}

/**
 * Changes a member's or listener's details, and a member's answer to "may we keep a record?" (asked again in Easy
 * Read: saying no stops the record from now on). Their card keeps working.
 */
export function EditForumMemberForm({ http, forumId, person, onSaved, onCancel }: EditProps) {
  const kind = person.kind === "Listener" ? "listener" : "member";
  return <ForumMemberForm kind={kind} prefix={`edit-${person.id}`} submitWords="Save the changes" label={`Change the details of ${person.displayName}`}
    initial={person} onCancel={onCancel} send={async (fields) => onSaved(await http.changeMember(forumId, person.id, fields))} />;
}

interface FormProps {
  kind: "member" | "listener";
  prefix: string;
  label: string;
  submitWords: string;
  initial?: ForumMemberView;
  clearAfter?: boolean;
  onCancel?(): void;
  send(fields: ForumMemberFields): Promise<void>;
}

function ForumMemberForm({ kind, prefix, label, submitWords, initial, clearAfter, onCancel, send }: FormProps) {
  const [name, setName] = useState(initial?.displayName ?? "");
  const [picture, setPicture] = useState<string | null>(initial?.picture ?? null);
  const [represents, setRepresents] = useState(initial?.represents ?? "");
  const [supporter, setSupporter] = useState(initial?.usualSupporter ?? "");
  const [roleWords, setRoleWords] = useState(initial?.roleWords ?? "");
  const [consent, setConsent] = useState<boolean | null>(initial ? initial.keepsRecord : null);
  const [problem, setProblem] = useState<string | null>(null);
  const command = useCommand();
  const member = kind === "member";

  async function submit(e: Event) {
    e.preventDefault();
    if (!name.trim()) return setProblem("Please write their name.");
    if (member && consent === null) return setProblem("Please ask them: may we keep a record? Then choose yes or no.");
    setProblem(null);
    const ok = await command.run(() => send({
      displayName: name,
      picture,
      represents: member ? represents : null,
      usualSupporter: member ? supporter : null,
      roleWords: member ? null : roleWords,
      keepsRecord: member ? consent : false,
    }));
    if (ok && clearAfter) {
      setName("");
      setPicture(null);
      setRepresents("");
      setSupporter("");
      setRoleWords("");
      setConsent(null);
    }
  }

  return (
    <form class="panel say-form" onSubmit={submit} aria-label={label}>
      <TextField id={`${prefix}-name`} label={member ? "The member's name" : "The listener's name"} value={name} onChange={setName} maxLength={40} />
      <PicturePicker legend="Pick a picture for them (you do not have to)" words={PERSON_PICTURES} value={picture} onChange={setPicture} />
      {member ? (
        <>
          <TextField id={`${prefix}-represents`} label="The service or home they come from" value={represents} onChange={setRepresents} maxLength={100} />
          <TextField id={`${prefix}-supporter`} label="Who usually supports them (you do not have to)" value={supporter} onChange={setSupporter} maxLength={40} />
          <ConsentChoice id={`${prefix}-consent`} name={name} value={consent} onChange={setConsent} />
        </>
      ) : (
        <TextField id={`${prefix}-role`} label="Their role, like Trustee or Manager" value={roleWords} onChange={setRoleWords} maxLength={60} />
      )}
      <FormEnd problem={problem} error={command.error} busy={command.busy}>
        {submitWords}
      </FormEnd>
      {onCancel && (
        <button type="button" class="button" onClick={onCancel}>
          Do not change anything
        </button>
      )}
    </form>
  );
}
