// The server's minutes page (MinutesRenderer: Markdig, raw HTML off, inline OpenMoji SVG) shown inside the app.
//
// Why not an <iframe srcdoc>: a srcdoc document inherits the app's Content-Security-Policy (style-src 'self'),
// which blocks the page's own <style> block, so the minutes would lose their Easy Read layout; allowing it would
// loosen the site's policy. Instead the page is parsed inertly (DOMParser runs no script and loads nothing) and
// rebuilt from an allow-list of elements and attributes; the app's stylesheet gives it the same look (rule 5-7, 10).
// The server already makes the page safe; this is a second, independent fence, and the app's CSP is the third.

/** An allowed element (tag lower-case) or a piece of text. */
export type SafeNode = string | { tag: string; attrs: Record<string, string>; children: SafeNode[] };

/** The little of the DOM this needs, so it is tested without a browser. */
export interface DomLike {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  attributes?: ArrayLike<{ name: string; value: string }>;
  childNodes: ArrayLike<DomLike>;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

// Headings go one level down: the app's page already has its <h1> (the meeting's title).
const HTML_TAGS: Record<string, string> = {
  section: "section", div: "div", h1: "h2", h2: "h3", h3: "h4", h4: "h5", p: "p", ul: "ul", ol: "ol", li: "li",
  blockquote: "blockquote", strong: "strong", b: "strong", em: "em", code: "code", br: "br", hr: "hr", a: "a", span: "span",
};
const SVG_TAGS = new Set(["svg", "g", "path", "circle", "ellipse", "rect", "line", "polyline", "polygon"]);
const SVG_ATTRS = new Set([
  "viewbox", "d", "fill", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "fill-rule",
  "clip-rule", "cx", "cy", "r", "rx", "ry", "x", "y", "x1", "y1", "x2", "y2", "width", "height", "points", "transform",
  "opacity", "fill-opacity", "stroke-opacity",
]);
/** The renderer's classes, renamed so they cannot pick up the app's own styles (e.g. "notice"). */
const CLASSES: Record<string, string> = {
  section: "mn-section", "section-words": "mn-words", "section-picture": "mn-picture", "inline-picture": "mn-inline-picture", notice: "mn-notice",
};
const SAFE_HREF = /^(https?:\/\/|mailto:)[^\s\u0000-\u001f]*$/i;
/** Elements whose content is dropped with them. */
const DROP_WITH_CONTENT = new Set(["script", "style", "template", "title", "desc", "iframe", "object", "embed", "noscript", "head", "footer"]);

function safeAttrs(tag: string, node: DomLike): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const { name, value } of Array.from(node.attributes ?? [])) {
    const key = name.toLowerCase();
    if (key === "class") {
      const classes = value.split(/\s+/).map((c) => CLASSES[c]).filter(Boolean);
      if (classes.length > 0) attrs["class"] = classes.join(" ");
    } else if (tag === "a" && key === "href" && SAFE_HREF.test(value.trim())) {
      attrs["href"] = value.trim();
      attrs["rel"] = "noopener noreferrer external";
    } else if (tag === "svg" && ((key === "role" && value === "img") || key === "aria-label" || (key === "aria-hidden" && value === "true"))) {
      attrs[key] = value;
    } else if (tag === "ol" && key === "start" && /^\d{1,4}$/.test(value)) {
      attrs[key] = value;
    } else if (SVG_TAGS.has(tag) && SVG_ATTRS.has(key) && !/url\(|javascript:|[<>]/i.test(value)) {
      attrs[key === "viewbox" ? "viewBox" : key] = value;
    }
  }
  if (tag === "svg") attrs["focusable"] = "false";
  return attrs;
}

/** The allowed part of `node`: text kept, allowed elements rebuilt, anything else unwrapped or dropped. */
export function sanitize(node: DomLike, inSvg = false): SafeNode[] {
  if (node.nodeType === TEXT_NODE) return inSvg ? [] : [node.nodeValue ?? ""];
  if (node.nodeType !== ELEMENT_NODE && node.nodeType !== 9 && node.nodeType !== 11) return [];
  const name = node.nodeName.toLowerCase();
  if (DROP_WITH_CONTENT.has(name)) return [];
  const svg = inSvg || name === "svg";
  const tag = svg ? (SVG_TAGS.has(name) ? name : null) : (HTML_TAGS[name] ?? null);
  if (svg && !tag) return []; // unknown SVG parts (e.g. foreignObject, use) go with their content
  const children = Array.from(node.childNodes).flatMap((child) => sanitize(child, svg));
  return tag ? [{ tag, attrs: safeAttrs(tag, node), children }] : children;
}

/** Every line of a node's words: a <br>, a paragraph, a list item or a heading ends a line. */
function lines(node: SafeNode, into: string[] = [""]): string[] {
  if (typeof node === "string") into[into.length - 1] += node;
  else if (node.tag === "svg") return into;
  else if (node.tag === "br") into.push("");
  else {
    const block = /^(p|li|h\d|blockquote)$/.test(node.tag);
    if (block) into.push("");
    for (const child of node.children) lines(child, into);
    if (block) into.push("");
  }
  return into;
}

/** The words of a node, one line per sentence line of the Easy Read rules, for read-aloud. */
export function spokenLines(node: SafeNode): string[] {
  return lines(node).map((l) => l.replace(/\s+/g, " ").trim()).filter((l) => l !== "");
}

/** Only the page's <main>: its <head> holds a <style> block, which Chrome checks against the app's CSP (and reports)
 *  even in an inert document. */
export function mainOf(html: string): string {
  const start = html.search(/<main[\s>]/i);
  const end = html.toLowerCase().lastIndexOf("</main>");
  return start >= 0 && end > start ? html.slice(start, end + "</main>".length) : html.replace(/<style[\s\S]*?<\/style>/gi, "");
}

/** Parses a minutes page in the browser (inert: no script runs, nothing loads) and keeps its <main>. */
export function parseMinutesPage(html: string): SafeNode[] {
  const doc = new DOMParser().parseFromString(mainOf(html), "text/html");
  // <main> and <body> are not on the allow-list, so only what is inside them comes back.
  return sanitize((doc.querySelector("main") ?? doc.body) as unknown as DomLike);
}
