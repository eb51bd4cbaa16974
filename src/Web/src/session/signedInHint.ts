// Whether this browser has signed a facilitator in before: the one hint in views/account/accountHint.ts (the cookie
// itself is HttpOnly). Pages that only learn "signed in or not" (start, My meetings) keep what it says about admins.
import { readAccountHint, writeAccountHint } from "../views/account/accountHint";

export function rememberSignedIn(signedIn: boolean): void {
  if (!signedIn) writeAccountHint(null);
  else if (readAccountHint() === null) writeAccountHint({ isAdmin: false });
}

export function maybeSignedIn(): boolean {
  return readAccountHint() !== null;
}
