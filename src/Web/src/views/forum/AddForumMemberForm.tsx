import { useState } from "preact/hooks";
import type { ForumHttp } from "../../client/forumHttp";
import type { ForumCard } from "../../client/forumProtocol";
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

/** Adds a standing member (service or home, usual supporter, consent) or a regular listener (role words). */
export function AddForumMemberForm({ http, forumId, kind, onAdded }: Props) {
  const [name, setName] = useState("");
  const [picture, setPicture] = useState<string | null>(null);
  const [represents, setRepresents] = useState("");
  const [supporter, setSupporter] = useState("");
  const [roleWords, setRoleWords] = useState("");
  const [consent, setConsent] = useState<boolean | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const add = useCommand();
  const member = kind === "member";
  const prefix = `add-${kind}`;

  async function submit(e: Event) {
    e.preventDefault();
    if (!name.trim()) return setProblem("Please write their name.");
    if (member && consent === null) return setProblem("Please ask them: may we keep a record? Then choose yes or no.");
    setProblem(null);
    const ok = await add.run(async () => {
      const created = await http.addMember(forumId, kind, {
        displayName: name,
        picture,
        represents: member ? represents : null,
        usualSupporter: member ? supporter : null,
        roleWords: member ? null : roleWords,
        keepsRecord: member ? consent : false,
      });
      onAdded(created.card);
    });
    if (ok) {
      setName("");
      setPicture(null);
      setRepresents("");
      setSupporter("");
      setRoleWords("");
      setConsent(null);
    }
  }

  return (
    <form class="panel say-form" onSubmit={submit} aria-label={member ? "Add a member" : "Add a listener"}>
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
      <FormEnd problem={problem} error={add.error} busy={add.busy}>
        {member ? "Add the member" : "Add the listener"}
      </FormEnd>
    </form>
  );
}
