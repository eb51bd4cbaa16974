import { h, type ComponentChildren } from "preact";
import { useMemo } from "preact/hooks";
import { ReadAloudButton } from "../speech/ReadAloudButton";
import { parseMinutesPage, spokenLines, type SafeNode } from "./minutesHtml";

/** Builds elements from the allow-listed tree (never innerHTML). */
function render(node: SafeNode, key: number): ComponentChildren {
  if (typeof node === "string") return node;
  const children = node.children.map(render);
  // Each section gets its own "Listen" under its heading: one utterance per sentence, like everywhere in the app.
  if (node.attrs["class"] === "mn-words") {
    // After the heading (the first element; text before it is only the page's line breaks).
    const first = node.children.findIndex((c) => typeof c !== "string");
    const heading = node.children[first];
    const at = heading !== undefined && typeof heading !== "string" && /^h\d$/.test(heading.tag) ? first + 1 : 0;
    const listen = <ReadAloudButton key="listen" text={spokenLines(node).join("\n")} />;
    return h("div", { key, ...node.attrs }, [...children.slice(0, at), listen, ...children.slice(at)]);
  }
  return h(node.tag, { key, ...node.attrs }, children.length > 0 ? children : null);
}

/**
 * A minutes page from the server (published or a draft preview), shown inside the app with the app's Easy Read
 * style: 22px words, line-height 1.6, pictures left of their words, one column. `label` names the region.
 */
export function MinutesDocument({ html, label }: { html: string; label: string }) {
  const nodes = useMemo(() => parseMinutesPage(html), [html]);
  return (
    <article class="minutes-doc" aria-label={label}>
      {nodes.map(render)}
    </article>
  );
}
