import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { focusMainHeading } from "./navigation";

/**
 * A page whose code loads only when it is opened (the admin and account pages), so the phones that join meetings
 * never download it. Once it is there, the focus moves to its heading, as for every other page.
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  return function LazyPage(props: P) {
    const [Page, setPage] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (Page) return;
      let live = true;
      load().then(
        (component) => {
          loaded = component;
          if (live) setPage(() => component);
        },
        () => live && setFailed(true),
      );
      return () => {
        live = false;
      };
    }, []);
    useEffect(() => {
      if (Page) focusMainHeading();
    }, [Page]);
    if (failed) {
      return (
        <p class="note note-error" role="alert">
          This page did not load. Please check the internet and reload the page.
        </p>
      );
    }
    return Page ? <Page {...props} /> : <p role="status">Loading...</p>;
  };
}
