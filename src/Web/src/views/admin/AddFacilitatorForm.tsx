import { useState } from "preact/hooks";
import type { AccountHttp } from "../../client/accountHttp";
import type { FacilitatorCreated } from "../../client/accountProtocol";
import { SpokenText } from "../../components/SpokenText";
import { TextField } from "../../components/TextField";
import { useCommand } from "../../meeting/useCommand";
import { Picture } from "../../pictures/Picture";
import { FormEnd } from "../../components/FormEnd";

/** Adds a facilitator (or an administrator): name and email. The answer carries the one-time set-up code. */
export function AddFacilitatorForm({ http, onAdded }: { http: AccountHttp; onAdded(created: FacilitatorCreated): void }) {
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [isAdmin, setIsAdmin] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const add = useCommand();

  async function submit(event: Event) {
    event.preventDefault();
    if (name.trim() === "") return setProblem("Please type the person's name.");
    if (email.trim() === "") return setProblem("Please type the person's email address.");
    setProblem(null);
    const answer: { created?: FacilitatorCreated } = {};
    await add.run(async () => {
      answer.created = await http.createFacilitator({ displayName: name.trim(), email: email.trim(), isAdmin });
    });
    const created = answer.created;
    if (created) {
      setName("");
      setEmail("");
      setIsAdmin(false);
      onAdded(created);
    }
  }

  return (
    <form class="panel" onSubmit={submit} noValidate aria-labelledby="add-facilitator-heading">
      <h2 id="add-facilitator-heading">Add a facilitator</h2>
      <SpokenText text="You get a set-up link for the new facilitator. They choose their own password with it." before={<Picture word="facilitator" size="medium" />} />
      <TextField id="new-facilitator-name" label="Name" maxLength={100} autoComplete="off" value={name} onChange={setName} />
      <TextField id="new-facilitator-email" label="Email" type="email" maxLength={254} autoComplete="off" value={email} onChange={setEmail} />
      <label class="check-row">
        <input type="checkbox" checked={isAdmin} onChange={(e) => setIsAdmin((e.currentTarget as HTMLInputElement).checked)} />
        <span>This person is an administrator too</span>
      </label>
      <FormEnd problem={problem} error={add.error} busy={add.busy} buttonClass="button button-primary button-big">
        {add.busy ? "Adding..." : "Add the facilitator"}
      </FormEnd>
    </form>
  );
}
