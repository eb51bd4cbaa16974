import { describe, expect, it } from "vitest";
import { roundPathData, roundSvg } from "../../build/svgRound";

/** Reads path data back into its numbers (as an SVG parser would), to prove the short form means the same. */
function numbers(data: string): number[] {
  return [...data.matchAll(/-?(?:\d*\.\d+|\d+\.?)(?:[eE][-+]?\d+)?/g)].map((m) => Number(m[0]));
}

describe("roundPathData", () => {
  it("rounds to one decimal and drops leading zeros", () => {
    expect(roundPathData("m16.6968,14.0972l-.3388,2.1087", 1)).toBe("m16.7 14.1l-.3 2.1");
  });

  it("keeps numbers apart where they would run together, and apart from each other only where needed", () => {
    const out = roundPathData("M1.0001,.5 L2.04.96 3,-4.95", 1);
    expect(numbers(out)).toEqual([1, 0.5, 2, 1, 3, -5]);
    expect(out).toBe("M1 .5L2 1 3-5");
  });

  it("keeps arc flags", () => {
    const out = roundPathData("a1.8051,1.8051,0,0,1-2.2878-.9533", 1);
    expect(numbers(out)).toEqual([1.8, 1.8, 0, 0, 1, -2.3, -1]);
  });
});

describe("roundSvg", () => {
  it("rounds path data, drops comments and whitespace between tags, keeps everything else", () => {
    const svg = '<svg viewBox="0 0 72 72">\n  <!-- note -->\n  <g id="line">\n    <path fill="#f4aa41" d="m1.26,2.34"/>\n  </g>\n</svg>';
    expect(roundSvg(svg)).toBe('<svg viewBox="0 0 72 72"><g id="line"><path fill="#f4aa41" d="m1.3 2.3"/></g></svg>');
  });
});
