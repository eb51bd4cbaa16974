import { useEffect, useState } from "preact/hooks";
import type { AccountHttp } from "../../client/accountHttp";
import type { AccountView, AuditEntryView } from "../../client/accountProtocol";
import { ErrorNote } from "../../components/ErrorNote";
import { useCommand } from "../../meeting/useCommand";
import { auditWords } from "./auditWords";
import { whenText } from "./whenText";

const PAGE = 50;

interface Filter {
  accountId: string;
  action: string;
}

/** The audit log, newest first, 50 at a time: who did what, and to whom. Filter by person and by what happened. */
export function AuditSection({ http }: { http: AccountHttp }) {
  const [people, setPeople] = useState<AccountView[]>([]);
  const [actions, setActions] = useState<string[]>([]);
  const [chosen, setChosen] = useState<Filter>({ accountId: "", action: "" });
  const [shown, setShown] = useState<{ filter: Filter; entries: AuditEntryView[]; more: boolean } | null>(null);
  const load = useCommand();

  const nameOf = (id: string | null) => (id ? people.find((p) => p.id === id)?.displayName : undefined);

  async function page(filter: Filter, after: AuditEntryView[] = []) {
    const before = after.length > 0 ? after[after.length - 1]!.id : undefined;
    const entries = await http.readAuditLog({ limit: PAGE, before, accountId: filter.accountId || undefined, action: filter.action || undefined });
    setShown({ filter, entries: [...after, ...entries], more: entries.length === PAGE });
  }

  const show = (filter: Filter, after?: AuditEntryView[]) => load.run(() => page(filter, after));

  useEffect(() => {
    void load.run(async () => {
      const [accounts, names] = await Promise.all([http.listFacilitators(), http.listAuditActions(), page(chosen)]);
      setPeople(accounts);
      setActions(names);
    });
  }, []);

  function submit(event: Event) {
    event.preventDefault();
    void show(chosen);
  }

  return (
    <>
      <form class="panel audit-filter" onSubmit={submit} aria-labelledby="audit-filter-heading">
        <h2 id="audit-filter-heading">Find something</h2>
        <label for="audit-person" class="field-label">
          Who
        </label>
        <select id="audit-person" class="select-box" value={chosen.accountId} onChange={(e) => setChosen({ ...chosen, accountId: (e.currentTarget as HTMLSelectElement).value })}>
          <option value="">Everyone</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.displayName} ({p.email})
            </option>
          ))}
        </select>
        <label for="audit-action" class="field-label">
          What happened
        </label>
        <select id="audit-action" class="select-box" value={chosen.action} onChange={(e) => setChosen({ ...chosen, action: (e.currentTarget as HTMLSelectElement).value })}>
          <option value="">Everything</option>
          {actions.map((a) => (
            <option key={a} value={a}>
              {auditWords(a)}
            </option>
          ))}
        </select>
        <button type="submit" class="button button-primary" disabled={load.busy}>
          Show
        </button>
      </form>
      <section class="panel" aria-labelledby="audit-heading">
        <h2 id="audit-heading">What happened, newest first</h2>
        <p role="status">{shown && (shown.entries.length === 0 ? "Nothing found." : `Showing ${shown.entries.length} ${shown.entries.length === 1 ? "entry" : "entries"}.`)}</p>
        <ErrorNote error={load.error} />
        <ol class="plain-list audit-list">
          {shown?.entries.map((e) => (
            <li key={e.id}>
              <strong>{auditWords(e.action)}</strong>
              <span class="item-meta">{whenText(e.at)}</span>
              <span class="item-meta">By: {nameOf(e.accountId) ?? (e.meetingId ? "the facilitator in the meeting" : e.accountId ? "an account" : "nobody signed in")}</span>
              {nameOf(e.target) && <span class="item-meta">To: {nameOf(e.target)}</span>}
            </li>
          ))}
        </ol>
        {shown?.more && (
          <button type="button" class="button" disabled={load.busy} onClick={() => void show(shown.filter, shown.entries)}>
            Show older entries
          </button>
        )}
      </section>
    </>
  );
}
