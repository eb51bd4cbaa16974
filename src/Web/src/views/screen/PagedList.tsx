import type { ComponentChildren } from "preact";
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { Picture } from "../../pictures/Picture";
import { usePages, type Pages } from "./usePages";

interface PagedListProps {
  ordered?: boolean;
  class?: string;
  /** The item whose page comes first (e.g. the agenda item we are on). */
  startAt?: number;
  children: ComponentChildren;
}

/**
 * A list on the shared screen that never scrolls: it takes the room left in its pane and, when its items do not fit,
 * shows them a page at a time (turning with the screen's clock) under a visible "Page 2 of 3".
 */
export function PagedList({ ordered = false, class: className, startAt = 0, children }: PagedListProps) {
  const pages = usePages(undefined, startAt);
  const List = ordered ? "ol" : "ul";
  return (
    <>
      <List class={["screen-fit", "screen-item-list", className].filter(Boolean).join(" ")} ref={pages.ref as never}>
        {children}
      </List>
      <PageCount pages={pages} />
    </>
  );
}

/** One row of a screen list: a picture, the words said, and under them who said it (or what it means), if anything. */
export function ScreenSaid({ picture, words, who }: { picture: string | null | undefined; words: ComponentChildren; who?: ComponentChildren }) {
  return (
    <li class="screen-said">
      <Picture word={picture} size="medium" />
      <span class="screen-said-words">
        <span>{words}</span>
        {who && <span class="screen-who">{who}</span>}
      </span>
    </li>
  );
}

/** "Page 2 of 3", in words, only when there is more than one page. */
export function PageCount({ pages }: { pages: Pages }) {
  if (pages.count < 2) return null;
  return (
    <p class="screen-page">
      Page {pages.page + 1} of {pages.count}
    </p>
  );
}

/**
 * Makes a pane's fixed words (an item's title, the vote) smaller, down to 50%, when they would not fit its height,
 * rather than cutting them off. Measured after every render and when the window changes size.
 */
export function useFitText<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [, setSize] = useState(0);
  useEffect(() => {
    const again = () => setSize((n) => n + 1);
    addEventListener("resize", again);
    return () => removeEventListener("resize", again);
  }, []);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.fontSize = "";
    for (let scale = 0.95; el.scrollHeight > el.clientHeight + 1 && scale >= 0.5; scale -= 0.05) el.style.fontSize = `${scale.toFixed(2)}em`;
  });
  return ref;
}
