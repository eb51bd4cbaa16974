import { useEffect, useRef, useState } from "preact/hooks";
import { forumPath } from "../../app/routes";
import type { AccountHttp } from "../../client/accountHttp";
import type { ForumView } from "../../client/accountProtocol";
import { ErrorNote } from "../../components/ErrorNote";
import { SpokenText } from "../../components/SpokenText";
import { useCommand } from "../../meeting/useCommand";
import { Picture } from "../../pictures/Picture";

/** The organisation's forums: add one, rename one (its meetings stay in it). */
export function ForumsSection({ http }: { http: AccountHttp }) {
  const [forums, setForums] = useState<ForumView[] | null>(null);
  const [newName, setNewName] = useState("");
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const load = useCommand();
  const add = useCommand();
  const rename = useCommand();
  const list = useRef<HTMLUListElement>(null);

  const reload = () => load.run(async () => setForums(await http.listForums()));
  useEffect(() => {
    void reload();
  }, []);
  const focusIn = (id: string, selector: string) =>
    requestAnimationFrame(() => list.current?.querySelector<HTMLElement>(`[data-forum="${id}"] ${selector}`)?.focus());

  async function submitNew(event: Event) {
    event.preventDefault();
    const name = newName.trim();
    if (await add.run(() => http.createForum(name))) {
      setNewName("");
      setDone(`${name} is added.`);
      await reload();
    }
  }

  async function submitRename(event: Event, forum: ForumView) {
    event.preventDefault();
    if (!renaming) return;
    if (await rename.run(() => http.renameForum(forum.id, renaming.name.trim()))) {
      setDone(`${forum.name} is now called ${renaming.name.trim()}.`);
      setRenaming(null);
      await reload();
      focusIn(forum.id, "button");
    }
  }

  function startRenaming(forum: ForumView | null) {
    rename.clearError();
    setRenaming(forum ? { id: forum.id, name: forum.name } : null);
    if (forum) focusIn(forum.id, "input");
  }

  return (
    <>
      <form class="panel" onSubmit={submitNew} noValidate aria-labelledby="add-forum-heading">
        <h2 id="add-forum-heading">Add a forum</h2>
        <SpokenText text="A forum meets again and again. Facilitators choose the forum when they start a meeting." before={<Picture word="calendar" size="medium" />} />
        <label for="new-forum-name" class="field-label">
          Name of the new forum
        </label>
        <input id="new-forum-name" class="text-box" type="text" maxLength={100} value={newName} onInput={(e) => setNewName((e.currentTarget as HTMLInputElement).value)} />
        <ErrorNote error={add.error} />
        <button type="submit" class="button button-primary button-big" disabled={add.busy}>
          {add.busy ? "Adding..." : "Add the forum"}
        </button>
      </form>
      <section class="panel" aria-labelledby="forums-heading">
        <h2 id="forums-heading">Your forums ({forums?.length ?? 0})</h2>
        <p role="status">{done}</p>
        <ErrorNote error={load.error} />
        {forums?.length === 0 && <p>There are no forums yet.</p>}
        <ul class="plain-list forum-list" ref={list}>
          {forums?.map((forum) => (
            <li key={forum.id} data-forum={forum.id}>
              {renaming?.id === forum.id ? (
                <form onSubmit={(e) => void submitRename(e, forum)} noValidate>
                  <label for={`rename-${forum.id}`} class="field-label">
                    New name for {forum.name}
                  </label>
                  <input
                    id={`rename-${forum.id}`}
                    class="text-box"
                    type="text"
                    maxLength={100}
                    value={renaming.name}
                    onInput={(e) => setRenaming({ id: forum.id, name: (e.currentTarget as HTMLInputElement).value })}
                  />
                  <ErrorNote error={rename.error} />
                  <div class="button-row">
                    <button type="submit" class="button button-primary" disabled={rename.busy}>
                      Save the new name
                    </button>
                    <button type="button" class="button" onClick={() => (startRenaming(null), focusIn(forum.id, "button"))}>
                      Cancel
                    </button>
                  </div>
                </form>
              ) : (
                <div class="forum-row">
                  <span class="with-picture">
                    <Picture word="calendar" size="small" />
                    <strong>{forum.name}</strong>
                  </span>
                  <a class="button" href={forumPath(forum.id)}>
                    Open the forum page<span class="visually-hidden">: {forum.name}</span>
                  </a>
                  <button type="button" class="button" aria-label={`Rename ${forum.name}`} onClick={() => startRenaming(forum)}>
                    <Picture word="notes" size="small" />
                    <span>Rename</span>
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
