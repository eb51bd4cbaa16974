import { describe, expect, it } from "vitest";
import { adminPath, parseRoute, readSetUpFragment, setUpLink } from "./routes";

describe("account and admin addresses", () => {
  it("knows the admin, account and set-up pages", () => {
    expect(parseRoute("/admin")).toEqual({ page: "admin", section: "home" });
    expect(parseRoute("/admin/")).toEqual({ page: "admin", section: "home" });
    expect(parseRoute("/admin/facilitators")).toEqual({ page: "admin", section: "facilitators" });
    expect(parseRoute("/admin/forums")).toEqual({ page: "admin", section: "forums" });
    expect(parseRoute("/admin/audit/")).toEqual({ page: "admin", section: "audit" });
    expect(parseRoute("/admin/home")).toEqual({ page: "notFound" });
    expect(parseRoute("/admin/secrets")).toEqual({ page: "notFound" });
    expect(parseRoute("/account")).toEqual({ page: "account" });
    expect(parseRoute("/set-up")).toEqual({ page: "setUp" });
    for (const section of ["home", "facilitators", "forums", "audit"] as const) expect(parseRoute(adminPath(section))).toEqual({ page: "admin", section });
  });

  it("puts the set-up email and code in the fragment only, and reads them back", () => {
    const link = setUpLink("https://forum.example", "kit+north@example.org", "E3K9KHAD7D4FJWW4");
    const url = new URL(link);
    expect(url.pathname).toBe("/set-up");
    expect(url.search).toBe("");
    expect(readSetUpFragment(url.hash)).toEqual({ email: "kit+north@example.org", code: "E3K9KHAD7D4FJWW4" });
    expect(readSetUpFragment("")).toEqual({ email: "", code: "" });
  });
});
