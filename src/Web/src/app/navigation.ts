// Client-side navigation: history.pushState, then tell the App to look at the address again.
const LISTENERS = new Set<() => void>();

export function navigate(path: string, replace = false): void {
  if (replace) history.replaceState(null, "", path);
  else history.pushState(null, "", path);
  for (const listener of LISTENERS) listener();
  window.scrollTo(0, 0);
}

export function onNavigate(listener: () => void): () => void {
  LISTENERS.add(listener);
  window.addEventListener("popstate", listener);
  return () => {
    LISTENERS.delete(listener);
    window.removeEventListener("popstate", listener);
  };
}

/** For <a href> links inside the app: navigate without reloading the page (ctrl/cmd-click still opens a new tab). */
export function linkClick(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const anchor = event.currentTarget as HTMLAnchorElement;
  if (anchor.target && anchor.target !== "_self") return;
  if (anchor.origin !== location.origin) return;
  event.preventDefault();
  navigate(anchor.pathname + anchor.search + anchor.hash);
}

/** Moves the focus to the page's main heading, so keyboard and screen reader users start at the top. */
export function focusMainHeading(): void {
  const heading = document.querySelector<HTMLElement>("main h1");
  if (heading) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }
}
