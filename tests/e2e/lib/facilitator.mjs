// Creating a meeting may need a signed-in facilitator account (when the Api has accounts). The e2e apps start with
// Bootstrap settings that create a first administrator; facilitatorHttp signs in as them when the Api offers
// sign-in, and otherwise returns a plain client (an Api without accounts lets anyone create a meeting).
import { MeetingHttp } from "./client.mjs";

export const E2E_ADMIN = {
  email: "e2e-admin@example.org",
  password: "a long e2e password, only for tests 2026",
};

/** Environment for startApp: creates the first administrator at start-up (ignored by an Api without accounts). */
export const adminEnv = {
  Bootstrap__AdminEmail: E2E_ADMIN.email,
  Bootstrap__AdminPassword: E2E_ADMIN.password,
  Bootstrap__AdminName: "E2E Admin",
  Bootstrap__OrganisationName: "E2E Organisation",
};

/** Types the e2e administrator's email and password into a "Please sign in first" form (a Playwright locator). */
export async function fillSignIn(form) {
  await form.getByLabel("Email").fill(E2E_ADMIN.email);
  await form.getByLabel("Password").fill(E2E_ADMIN.password);
}

/** A MeetingHttp that may create meetings on `baseUrl`. */
export async function facilitatorHttp(baseUrl) {
  const anonymous = new MeetingHttp({ baseUrl });
  try {
    const { cookie } = await anonymous.signIn(E2E_ADMIN);
    if (!cookie) throw new Error("sign-in answered without a session cookie");
    return new MeetingHttp({ baseUrl, headers: { Cookie: cookie } });
  } catch (error) {
    // No accounts on this Api (no such endpoint): anyone may create a meeting.
    if (error?.status === 404 || error?.status === 405) return anonymous;
    throw error;
  }
}
