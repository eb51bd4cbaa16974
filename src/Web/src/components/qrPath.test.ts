import { describe, expect, it } from "vitest";
import QRCode from "qrcode";
import { qrPath } from "./qrPath";

describe("qrPath", () => {
  it("joins dark runs on each row", () => {
    const dark = [
      [1, 1, 0],
      [0, 1, 0],
      [0, 0, 0],
    ];
    expect(qrPath(3, (r, c) => dark[r]![c] === 1)).toBe("M0 0h2v1h-2zM1 1h1v1h-1z");
  });

  it("draws a real code for a join link", () => {
    const code = QRCode.create("https://forum.example/join/ACDEFG", { errorCorrectionLevel: "M" });
    const path = qrPath(code.modules.size, (r, c) => code.modules.get(r, c) === 1);
    expect(code.modules.size).toBeGreaterThanOrEqual(21);
    // The three finder patterns start at (0,0), (size-7,0) and (0,size-7).
    expect(path.startsWith("M0 0h7v1h-7z")).toBe(true);
  });
});
