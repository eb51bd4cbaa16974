import { useState } from "preact/hooks";
import { linkClick } from "../../app/navigation";
import { memberRecordPath } from "../../app/routes";
import type { ForumHttp } from "../../client/forumHttp";
import type { ForumMemberView } from "../../client/forumProtocol";
import { Picture } from "../../pictures/Picture";
import { EditForumMemberForm } from "./AddForumMemberForm";

interface Props {
  label: string;
  people: ForumMemberView[];
  busy: boolean;
  http: ForumHttp;
  forumId: string;
  onNewCard(person: ForumMemberView): void;
  /** After a change of details or consent: read the forum again. */
  onChanged(person: ForumMemberView): void;
}

/** The forum's members or listeners, each with their picture, a new card for a lost one, a change of details and a member's forum record. */
export function ForumPeople({ label, people, busy, http, forumId, onNewCard, onChanged }: Props) {
  const [editing, setEditing] = useState<string | null>(null);
  if (people.length === 0) return <p class="hint">Nobody yet.</p>;
  const close = (id: string) => {
    setEditing(null);
    requestAnimationFrame(() => document.getElementById(`change-${id}`)?.focus());
  };
  return (
    <ul class="forum-people" aria-label={label}>
      {people.map((person) => (
        <li key={person.id} class="panel forum-person">
          {editing === person.id ? (
            <EditForumMemberForm http={http} forumId={forumId} person={person} onCancel={() => close(person.id)}
              onSaved={(saved) => { close(person.id); onChanged(saved); }} />
          ) : (
            <>
              <div class="with-picture">
                <Picture word={person.picture ?? (person.kind === "Listener" ? "listener" : "member")} size="medium" />
                <div>
                  <p class="forum-person-name break-anywhere">{person.displayName}</p>
                  {person.represents && <p class="hint">From: {person.represents}</p>}
                  {person.usualSupporter && <p class="hint">Supported by: {person.usualSupporter}</p>}
                  {person.roleWords && <p class="hint">Role: {person.roleWords}</p>}
                  {person.kind === "Member" && <p class="hint">{person.keepsRecord ? "We keep a record: yes." : "We keep a record: no."}</p>}
                </div>
              </div>
              <div class="button-row">
                <button type="button" class="button" id={`change-${person.id}`} disabled={busy} onClick={() => setEditing(person.id)}>
                  Change the details<span class="visually-hidden"> of {person.displayName}</span>
                </button>
                <button type="button" class="button" disabled={busy} onClick={() => onNewCard(person)}>
                  Make a new card<span class="visually-hidden"> for {person.displayName}</span>
                </button>
                {person.kind === "Member" && (
                  <a class="button" href={memberRecordPath(forumId, person.id)} onClick={linkClick}>
                    Forum record<span class="visually-hidden"> of {person.displayName}</span>
                  </a>
                )}
              </div>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
