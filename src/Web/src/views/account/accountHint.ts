// Whether this browser was signed in to a facilitator account when it last looked (the session cookie is HttpOnly,
// so the page cannot see it). The start page asks the Api who is signed in only when this says so: phones that only
// join meetings never send that request. Not a secret and not trusted: the Api checks every call.
const KEY = "forumhub.account";

export type AccountHint = { isAdmin: boolean } | null;

export function readAccountHint(): AccountHint {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? { isAdmin: (JSON.parse(raw) as { isAdmin?: unknown }).isAdmin === true } : null;
  } catch {
    return null;
  }
}

export function writeAccountHint(hint: AccountHint): void {
  try {
    if (hint) localStorage.setItem(KEY, JSON.stringify(hint));
    else localStorage.removeItem(KEY);
  } catch {
    // Storage may be off (private mode): the links then show after the next sign-in on the account page.
  }
}
