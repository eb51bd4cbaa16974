// Whether this browser has signed a facilitator in before. Only a hint (the cookie itself is HttpOnly): it lets the
// home page ask GET /api/account/me, to offer "My meetings", without every member's phone asking and being refused.
const KEY = "forumhub.facilitatorSignedIn";

export function rememberSignedIn(signedIn: boolean): void {
  try {
    if (signedIn) localStorage.setItem(KEY, "1");
    else localStorage.removeItem(KEY);
  } catch {
    // storage blocked: the home page then just does not offer the link
  }
}

export function maybeSignedIn(): boolean {
  try {
    return localStorage.getItem(KEY) === "1";
  } catch {
    return false;
  }
}
