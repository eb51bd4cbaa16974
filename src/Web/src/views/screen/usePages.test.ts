import { describe, expect, it } from "vitest";
import { pageAt, pageStarts } from "./usePages";

/** Units stacked from `top`, with these heights (what getBoundingClientRect says in the browser). */
function units(top: number, heights: number[]): HTMLElement[] {
  let y = top;
  return heights.map((h) => {
    const rect = { top: y, bottom: y + h, height: h };
    y += h;
    return { getBoundingClientRect: () => rect } as unknown as HTMLElement;
  });
}

describe("pageStarts: packing a TV list into pages of its box", () => {
  it("keeps everything on one page when it fits", () => {
    expect(pageStarts(units(100, [50, 50, 50]), 300)).toEqual([0]);
  });

  it("starts a new page where a unit would end below the box", () => {
    // Box from 100 to 300: 200px of room. 80+80 fit, the third starts page 2, and so on.
    expect(pageStarts(units(100, [80, 80, 80, 80, 80]), 300)).toEqual([0, 2, 4]);
  });

  it("gives a unit taller than the box a page of its own instead of an empty page", () => {
    expect(pageStarts(units(0, [50, 500, 50]), 200)).toEqual([0, 1, 2]);
  });

  it("has one page for no units or no room", () => {
    expect(pageStarts([], 500)).toEqual([0]);
    expect(pageStarts(units(300, [50]), 200)).toEqual([0]);
  });
});

describe("pageAt: which page a turn shows", () => {
  it("turns from the page that holds the item we are on, and wraps round", () => {
    const starts = [0, 5, 10];
    expect(pageAt(starts, 0, 0)).toBe(0);
    expect(pageAt(starts, 7, 0)).toBe(1);
    expect(pageAt(starts, 7, 1)).toBe(2);
    expect(pageAt(starts, 7, 2)).toBe(0);
    expect(pageAt(starts, 12, 0)).toBe(2);
  });
});
