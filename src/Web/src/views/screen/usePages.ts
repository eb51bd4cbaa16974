import { createContext } from "preact";
import type { RefObject } from "preact";
import { useContext, useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";

/** How long the shared screen shows one page of a long list before the next: slow enough to read aloud in the room. */
export const PAGE_SECONDS = 9;

/** The screen's page clock: every paged list shows page (turn mod its number of pages), so they turn together. */
export const ScreenTurn = createContext(0);

/**
 * Counts turns of PAGE_SECONDS while the screen is open and not held (a keyboard user can hold a page); back to the
 * first page when `restart` changes (a new phase starts on page 1).
 */
export function useTurns(held: boolean, restart: unknown): number {
  const [turn, setTurn] = useState(0);
  useEffect(() => setTurn(0), [restart]);
  useEffect(() => {
    if (held) return;
    const timer = setInterval(() => setTurn((t) => t + 1), PAGE_SECONDS * 1000);
    return () => clearInterval(timer);
  }, [held, restart]);
  return turn;
}

export interface Pages {
  /** Put on the element whose children (or `units` inside it) are paged; it must have a fixed height. */
  ref: RefObject<HTMLElement>;
  /** 0-based page shown now. */
  page: number;
  count: number;
}

/**
 * Pages a list so it fits its box without scrolling (the first page shown is the one holding unit `startAt`): measures the units (the box's children, or the elements that
 * match `units`), packs them into pages of the box's height, and hides the units not on the page of the current
 * turn. Measured again when the content or the box's size changes. Works on the DOM (the `hidden` property and the
 * font size of a unit too tall for the box), so the same hook pages Preact lists and the minutes document; the units
 * must not set `hidden` or a style themselves.
 */
export function usePages(units?: string, startAt = 0): Pages {
  const ref = useRef<HTMLElement>(null);
  const turn = useContext(ScreenTurn);
  const [starts, setStarts] = useState<number[]>([0]);
  const [version, setVersion] = useState(0);

  // Content or size changes: measure again.
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const again = () => setVersion((v) => v + 1);
    const mutations = new MutationObserver(again);
    mutations.observe(box, { childList: true, subtree: true, characterData: true });
    const sizes = new ResizeObserver(again);
    sizes.observe(box);
    return () => {
      mutations.disconnect();
      sizes.disconnect();
    };
  }, []);

  // After every render (a turn, new content, a new size): unhide everything, measure, show this turn's page.
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    const list = unitsOf(box, units);
    for (const el of list) {
      el.hidden = false;
      el.style.fontSize = "";
    }
    const bottom = contentBottom(box);
    shrinkOversized(list, bottom);
    const next = pageStarts(list, bottom);
    if (next.join() !== starts.join()) setStarts(next);
    show(list, next, pageAt(next, startAt, turn));
  }, [turn, version, units, starts, startAt]);

  return { ref, page: pageAt(starts, startAt, turn), count: starts.length };
}

function unitsOf(box: HTMLElement, units?: string): HTMLElement[] {
  return Array.from(units ? box.querySelectorAll<HTMLElement>(units) : (box.children as HTMLCollectionOf<HTMLElement>));
}

/** Where the box's content ends on the screen (inside its padding and border). */
function contentBottom(box: HTMLElement): number {
  const style = getComputedStyle(box);
  return box.getBoundingClientRect().top + box.clientTop + box.clientHeight - parseFloat(style.paddingBottom || "0");
}

/**
 * A unit taller than the whole box (an answer of 280 characters in one word) gets smaller print, down to 60%, rather
 * than being cut off at the bottom of the TV.
 */
function shrinkOversized(list: readonly HTMLElement[], bottom: number) {
  if (list.length === 0) return;
  const room = bottom - list[0]!.getBoundingClientRect().top;
  if (room <= 0) return;
  for (const el of list) {
    for (let scale = 0.9; el.getBoundingClientRect().height > room && scale >= 0.6; scale -= 0.1) el.style.fontSize = `${scale.toFixed(1)}em`;
  }
}

/**
 * Greedy packing: every page starts where the first unit is now, so a unit starts a new page when it would end below
 * the box's bottom there (a unit taller than the box gets a page of its own).
 */
export function pageStarts(list: readonly HTMLElement[], bottom: number): number[] {
  const starts = [0];
  if (list.length === 0) return starts;
  const first = list[0]!.getBoundingClientRect().top;
  const room = bottom - first;
  if (room <= 0) return starts;
  let top = first;
  list.forEach((el, i) => {
    const box = el.getBoundingClientRect();
    if (i > starts[starts.length - 1]! && box.bottom + marginBelow(el) - top > room + 1) {
      starts.push(i);
      top = box.top;
    }
  });
  return starts;
}

/** The page of this turn, counting from the page that holds unit `startAt` (e.g. the agenda item we are on). */
export function pageAt(starts: readonly number[], startAt: number, turn: number): number {
  let first = 0;
  starts.forEach((start, page) => {
    if (start <= startAt) first = page;
  });
  return (first + turn) % starts.length;
}

/** A unit's bottom margin is inside the box too (e.g. a minutes section's 1em). */
function marginBelow(el: HTMLElement): number {
  return typeof getComputedStyle === "function" ? parseFloat(getComputedStyle(el).marginBottom) || 0 : 0;
}

function show(list: readonly HTMLElement[], starts: readonly number[], page: number) {
  const from = starts[page] ?? 0;
  const to = starts[page + 1] ?? list.length;
  list.forEach((el, i) => {
    el.hidden = i < from || i >= to;
  });
}
