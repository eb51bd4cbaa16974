import type { ComponentChildren } from "preact";
import { PageFooter } from "../components/PageFooter";

interface PageProps {
  /** The page's main heading (each page has exactly one h1). */
  title: string;
  children: ComponentChildren;
  /** Extra class on <main>, e.g. "page-wide" for the facilitator console. */
  class?: string;
  /** Above the heading (e.g. the connection banner). */
  top?: ComponentChildren;
  /** Beside the heading (e.g. who you are). */
  aside?: ComponentChildren;
}

/** The frame of every page: skip link, one <main> with one <h1>, and the picture credit. */
export function Page({ title, children, class: className, top, aside }: PageProps) {
  return (
    <>
      <a class="skip-link" href="#content">
        Skip to the page
      </a>
      {top}
      <main id="content" class={["page", className].filter(Boolean).join(" ")}>
        <header class="page-header">
          <h1>{title}</h1>
          {aside}
        </header>
        {children}
      </main>
      <PageFooter />
    </>
  );
}
