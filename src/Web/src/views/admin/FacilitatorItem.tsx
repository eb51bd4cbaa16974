import type { AccessChange, AccountView } from "../../client/accountProtocol";
import { Picture } from "../../pictures/Picture";

/** How an account stands, in words and a picture (never colour alone). */
function standing(a: AccountView): { words: string; picture: string } {
  if (a.disabled) return { words: "Turned off: cannot sign in", picture: "cross" };
  if (a.locked) return { words: "Locked after wrong passwords", picture: "stop" };
  if (!a.passwordSet) return { words: "Waiting to choose a password", picture: "letter" };
  return { words: "Can sign in", picture: "check" };
}

interface FacilitatorItemProps {
  account: AccountView;
  isMe: boolean;
  busy: boolean;
  /** The change waiting for a "yes" (reset and disable are asked twice). */
  asking: AccessChange | null;
  onAsk(change: AccessChange | null): void;
  onChange(change: AccessChange): void;
}

const QUESTIONS: Partial<Record<AccessChange, (name: string) => { question: string; yes: string; no: string }>> = {
  reset: (name) => ({
    question: `Make a new set-up link for ${name}? ${name}'s password stops working, and ${name} is signed out everywhere.`,
    yes: `Yes, new link for ${name}`,
    no: "No, keep it as it is",
  }),
  disable: (name) => ({
    question: `Turn off ${name}'s account? ${name} is signed out at once and cannot sign in.`,
    yes: `Yes, turn off ${name}`,
    no: `No, keep ${name} on`,
  }),
};

/** One facilitator account: who, how it stands, and what an administrator can do with it. */
export function FacilitatorItem({ account: a, isMe, busy, asking, onAsk, onChange }: FacilitatorItemProps) {
  const name = a.displayName;
  const state = standing(a);
  const ask = asking ? QUESTIONS[asking]?.(name) : undefined;
  return (
    <li class="facilitator-item" data-account={a.id}>
      <p class="facilitator-name">
        <strong>{name}</strong>
        {isMe && <span class="role-tag">You</span>}
        {a.isAdmin && <span class="role-tag">Administrator</span>}
      </p>
      <p class="item-meta break-anywhere">{a.email}</p>
      <p class="with-picture">
        <Picture word={state.picture} size="small" />
        <span>{state.words}</span>
      </p>
      {ask && asking ? (
        <div class="confirm" role="group" aria-label={ask.question.split("?")[0]}>
          <p>
            <strong>{ask.question}</strong>
          </p>
          <div class="button-row">
            <button type="button" class="button button-danger" disabled={busy} onClick={() => onChange(asking)}>
              <Picture word="yes" size="small" />
              <span>{ask.yes}</span>
            </button>
            <button type="button" class="button" data-change="no" onClick={() => onAsk(null)}>
              <Picture word="no" size="small" />
              <span>{ask.no}</span>
            </button>
          </div>
        </div>
      ) : (
        <div class="button-row">
          {a.locked && (
            <button type="button" class="button" data-change="unlock" disabled={busy} aria-label={`Unlock ${name}'s account`} onClick={() => onChange("unlock")}>
              <Picture word="safe" size="small" />
              <span>Unlock</span>
            </button>
          )}
          {!isMe && (
            <button type="button" class="button" data-change="reset" aria-label={`New set-up link for ${name}`} onClick={() => onAsk("reset")}>
              <Picture word="letter" size="small" />
              <span>New set-up link</span>
            </button>
          )}
          {!isMe && !a.disabled && (
            <button type="button" class="button" data-change="disable" aria-label={`Turn off ${name}'s account`} onClick={() => onAsk("disable")}>
              <Picture word="cross" size="small" />
              <span>Turn off</span>
            </button>
          )}
          {a.disabled && (
            <button type="button" class="button" data-change="enable" disabled={busy} aria-label={`Turn on ${name}'s account`} onClick={() => onChange("enable")}>
              <Picture word="check" size="small" />
              <span>Turn on</span>
            </button>
          )}
        </div>
      )}
    </li>
  );
}
