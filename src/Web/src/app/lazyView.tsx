import type { ComponentType, VNode } from "preact";
import { useEffect, useState } from "preact/hooks";
import { Page } from "../views/Page";

/**
 * A view whose code is fetched only when it is first shown (a member's phone must load at most 70 KB, so the
 * facilitator console, the shared screen and the sign-in page are separate chunks). While it loads the page says
 * so; if it cannot be fetched (the Wi-Fi dropped), it says how to get it.
 */
export function lazyView<P extends object>(
  load: () => Promise<ComponentType<P>>,
  placeholder: (failed: boolean) => VNode = pagePlaceholder,
): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const fetchView = () =>
    (loading ??= load().then(
      (view) => (loaded = view),
      (error: unknown) => {
        loading = null; // the next try fetches it again
        throw error;
      },
    ));

  return function LazyView(props: P) {
    const [View, setView] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (View) return;
      let current = true;
      fetchView().then(
        (view) => current && setView(() => view),
        () => current && setFailed(true),
      );
      return () => {
        current = false;
      };
    }, [View]);
    useEffect(() => {
      // The page's heading changed under the keyboard user (App focused the "Loading" one): focus the real one.
      if (!View || placeholder !== pagePlaceholder) return;
      if (document.activeElement && document.activeElement !== document.body) return;
      const heading = document.querySelector<HTMLElement>("main h1");
      if (heading) {
        heading.tabIndex = -1;
        heading.focus({ preventScroll: true });
      }
    }, [View]);
    if (View) return <View {...props} />;
    return placeholder(failed);
  };
}

/** A whole page that is on its way (or did not come). */
function pagePlaceholder(failed: boolean) {
  return (
    <Page title={failed ? "This page did not load" : "Loading"}>
      <p role="status">{failed ? "Please check the Wi-Fi, then reload the page." : "Please wait a moment."}</p>
    </Page>
  );
}
