import { describe, expect, it } from "vitest";
import { formatEasyReadDate, parseIsoDate } from "./easyReadDate";

describe("formatEasyReadDate", () => {
  it("writes a calendar date in full", () => {
    expect(formatEasyReadDate("2026-03-03")).toBe("Tuesday 3 March 2026");
    expect(formatEasyReadDate("2024-02-29")).toBe("Thursday 29 February 2024");
    expect(formatEasyReadDate("2025-12-31")).toBe("Wednesday 31 December 2025");
  });

  it("uses digits without leading zeros or ordinals", () => {
    expect(formatEasyReadDate("2026-01-01")).toBe("Thursday 1 January 2026");
  });

  it("reads an instant in the given time zone", () => {
    const lateEvening = new Date("2026-03-03T23:30:00Z");
    expect(formatEasyReadDate(lateEvening, "UTC")).toBe("Tuesday 3 March 2026");
    // London is on GMT in early March, Auckland is 13 hours ahead.
    expect(formatEasyReadDate(lateEvening, "Europe/London")).toBe("Tuesday 3 March 2026");
    expect(formatEasyReadDate(lateEvening, "Pacific/Auckland")).toBe("Wednesday 4 March 2026");
  });

  it("rejects dates that do not exist", () => {
    expect(() => parseIsoDate("2026-02-29")).toThrow(RangeError);
    expect(() => parseIsoDate("3 March 2026")).toThrow(RangeError);
    expect(() => formatEasyReadDate(new Date("nonsense"))).toThrow(RangeError);
  });
});
