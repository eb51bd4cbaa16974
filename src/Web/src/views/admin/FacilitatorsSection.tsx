import { useEffect, useRef, useState } from "preact/hooks";
import type { AccountHttp } from "../../client/accountHttp";
import type { AccessChange, AccountView, FacilitatorChanged, FacilitatorCreated, MyAccount } from "../../client/accountProtocol";
import { ErrorNote } from "../../components/ErrorNote";
import { useCommand } from "../../meeting/useCommand";
import { AddFacilitatorForm } from "./AddFacilitatorForm";
import { FacilitatorItem } from "./FacilitatorItem";
import { SetUpLinkPanel, type SetUpHandOver } from "./SetUpLinkPanel";

const DONE_WORDS: Record<AccessChange, (name: string) => string> = {
  reset: (name) => `${name} has a new set-up link.`,
  unlock: (name) => `${name}'s account is unlocked.`,
  disable: (name) => `${name}'s account is turned off.`,
  enable: (name) => `${name}'s account is turned on.`,
};

/** The organisation's facilitators: add one (and hand over the set-up link), reset, unlock, turn off and on. */
export function FacilitatorsSection({ http, me }: { http: AccountHttp; me: MyAccount }) {
  const [accounts, setAccounts] = useState<AccountView[] | null>(null);
  const [handOver, setHandOver] = useState<SetUpHandOver | null>(null);
  const [asking, setAsking] = useState<{ id: string; change: AccessChange } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const load = useCommand();
  const change = useCommand();
  const list = useRef<HTMLUListElement>(null);

  const reload = () => load.run(async () => setAccounts(await http.listFacilitators()));
  useEffect(() => {
    void reload();
  }, []);

  /** After a change the focus goes back to the person's buttons (the one pressed may be gone: Turn off -> Turn on). */
  const focusPerson = (id: string, prefer?: string) =>
    requestAnimationFrame(() => {
      const item = list.current?.querySelector(`[data-account="${id}"]`);
      const target = (prefer && item?.querySelector<HTMLElement>(`[data-change="${prefer}"]`)) || item?.querySelector<HTMLElement>("button");
      target?.focus();
    });

  function added(created: FacilitatorCreated) {
    const a = created.account;
    setHandOver({ name: a.displayName, email: a.email, code: created.setupCode, expiresAt: created.setupCodeExpiresAt });
    setDone(null);
    void reload();
  }

  async function apply(account: AccountView, what: AccessChange) {
    const answer: { changed?: FacilitatorChanged } = {};
    await change.run(async () => {
      answer.changed = await http.changeFacilitatorAccess(account.id, what);
    });
    setAsking(null);
    const changed = answer.changed;
    if (!changed) return focusPerson(account.id);
    setAccounts((all) => all?.map((a) => (a.id === changed.account.id ? changed.account : a)) ?? null);
    setDone(DONE_WORDS[what](account.displayName));
    if (what === "reset" && changed.setupCode && changed.setupCodeExpiresAt) {
      setHandOver({ name: account.displayName, email: account.email, code: changed.setupCode, expiresAt: changed.setupCodeExpiresAt });
    } else {
      focusPerson(account.id, what === "disable" ? "enable" : what === "enable" ? "disable" : undefined);
    }
  }

  return (
    <>
      {handOver && <SetUpLinkPanel handOver={handOver} onDone={() => setHandOver(null)} />}
      <AddFacilitatorForm http={http} onAdded={added} />
      <section class="panel" aria-labelledby="facilitators-heading">
        <h2 id="facilitators-heading">Everyone with an account ({accounts?.length ?? 0})</h2>
        <p role="status">{done}</p>
        <ErrorNote error={load.error ?? change.error} />
        {accounts === null && !load.error && <p>Loading...</p>}
        <ul class="plain-list facilitator-list" ref={list}>
          {accounts?.map((a) => (
            <FacilitatorItem
              key={a.id}
              account={a}
              isMe={a.id === me.account.id}
              busy={change.busy}
              asking={asking?.id === a.id ? asking.change : null}
              onAsk={(what) => {
                setAsking(what ? { id: a.id, change: what } : null);
                requestAnimationFrame(() =>
                  list.current?.querySelector<HTMLElement>(`[data-account="${a.id}"] ${what ? ".confirm button" : `[data-change="${asking?.change}"]`}`)?.focus(),
                );
              }}
              onChange={(what) => void apply(a, what)}
            />
          ))}
        </ul>
      </section>
    </>
  );
}
