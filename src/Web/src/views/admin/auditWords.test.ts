import { describe, expect, it } from "vitest";
import { auditWords } from "./auditWords";

describe("audit log words", () => {
  it("says what happened in plain words", () => {
    expect(auditWords("admin.facilitator_disable")).toBe("Turned off an account");
    expect(auditWords("account.signed_out_everywhere")).toBe("Signed out everywhere");
    expect(auditWords("meeting.OpenPoll")).toBe("In a meeting: open poll");
    expect(auditWords("meeting.RemoveParticipant")).toBe("In a meeting: remove participant");
  });

  it("shows an action it does not know by its name", () => {
    expect(auditWords("something.new")).toBe("something.new");
  });
});
