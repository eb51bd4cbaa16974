// The allow-list that rebuilds the server's minutes page inside the app, on hand-made DOM-like trees (no browser).
import { describe, expect, it } from "vitest";
import { checkSummary } from "./checkSummary";
import { mainOf, sanitize, spokenLines, type DomLike, type SafeNode } from "./minutesHtml";

const text = (value: string): DomLike => ({ nodeType: 3, nodeName: "#text", nodeValue: value, childNodes: [] });
function el(name: string, attrs: Record<string, string> = {}, ...children: (DomLike | string)[]): DomLike {
  return {
    nodeType: 1,
    nodeName: name.toUpperCase(),
    nodeValue: null,
    attributes: Object.entries(attrs).map(([n, value]) => ({ name: n, value })),
    childNodes: children.map((c) => (typeof c === "string" ? text(c) : c)),
  };
}
const one = (node: DomLike): SafeNode => sanitize(node)[0]!;

describe("sanitize (minutes page -> allowed tree)", () => {
  it("keeps a section with its picture left of its words, renaming classes and moving headings down a level", () => {
    const page = el(
      "main", {},
      el("h1", {}, "Minutes"),
      el("section", { class: "section" },
        el("svg", { class: "section-picture", viewBox: "0 0 72 72", role: "img", "aria-label": "People", xmlns: "http://www.w3.org/2000/svg" },
          el("path", { d: "M1 1", fill: "#fff", "stroke-width": "2", id: "x" })),
        el("div", { class: "section-words" }, el("h2", {}, "Who came"), el("p", {}, "Ann came.", el("br"), "Ben came."))),
    );
    expect(sanitize(page)).toEqual([
      { tag: "h2", attrs: {}, children: ["Minutes"] },
      {
        tag: "section", attrs: { class: "mn-section" }, children: [
          {
            tag: "svg", attrs: { class: "mn-picture", viewBox: "0 0 72 72", role: "img", "aria-label": "People", focusable: "false" },
            children: [{ tag: "path", attrs: { d: "M1 1", fill: "#fff", "stroke-width": "2" }, children: [] }],
          },
          {
            tag: "div", attrs: { class: "mn-words" }, children: [
              { tag: "h3", attrs: {}, children: ["Who came"] },
              { tag: "p", attrs: {}, children: ["Ann came.", { tag: "br", attrs: {}, children: [] }, "Ben came."] },
            ],
          },
        ],
      },
    ]);
  });

  it("drops scripts, styles, event handlers, inline styles, frames and unsafe links; unwraps unknown elements", () => {
    const hostile = el(
      "div", { onclick: "alert(1)", style: "color:red", class: "button notice" },
      el("script", {}, "alert(1)"),
      el("style", {}, "body{display:none}"),
      el("iframe", { src: "https://evil.example" }, "x"),
      el("a", { href: "javascript:alert(1)", onmouseover: "x" }, "bad link"),
      el("a", { href: " https://example.org/a " }, "good link"),
      el("img", { src: "x", onerror: "alert(1)" }),
      el("font", {}, "kept words"),
      el("svg", {}, el("foreignObject", {}, el("p", {}, "inside")), el("use", { href: "#a" }), el("path", { d: "M0 0", fill: "url(https://evil)" })),
    );
    expect(one(hostile)).toEqual({
      tag: "div", attrs: { class: "mn-notice" }, children: [
        { tag: "a", attrs: {}, children: ["bad link"] },
        { tag: "a", attrs: { href: "https://example.org/a", rel: "noopener noreferrer external" }, children: ["good link"] },
        "kept words",
        { tag: "svg", attrs: { focusable: "false" }, children: [{ tag: "path", attrs: { d: "M0 0" }, children: [] }] },
      ],
    });
  });
});

describe("spokenLines (read-aloud of a section)", () => {
  it("reads the heading, each line and each list item as its own line, and skips pictures", () => {
    const words = one(
      el("div", { class: "section-words" },
        el("h2", {}, "What we decided"),
        el("p", {}, "We will go to the park.", el("br"), "Everyone  agreed."),
        el("ul", {}, el("li", {}, "Ann: ", el("strong", {}, "tickets")), el("li", {}, "Ben: bus")),
        el("svg", { "aria-label": "A tick" }, el("path", { d: "M0 0" }))),
    );
    expect(spokenLines(words)).toEqual(["What we decided", "We will go to the park.", "Everyone agreed.", "Ann: tickets", "Ben: bus"]);
  });
});

describe("checkSummary (the checker's report in plain words)", () => {
  const finding = (inUserText: boolean) => ({ rule: 1, check: "long", message: "m", line: 3, section: "S", found: "f", inUserText });
  const report = (findings: ReturnType<typeof finding>[]) => ({
    checks: [{ id: "long", rule: 1, title: "No sentence over 15 words", passed: findings.length === 0, findings }],
    wordCount: 120, findings, passed: findings.length === 0, passedExceptUserText: findings.every((f) => f.inUserText),
  });

  it("says whether the minutes keep the rules, counting what was found, in short sentences", () => {
    expect(checkSummary(report([]))).toBe("The minutes keep every Easy Read rule. The minutes have 120 words.");
    expect(checkSummary(report([finding(true)]))).toBe(
      'The minutes keep the Easy Read rules. 1 thing is in people\'s own words. It is in "S". They stay as they said them. The minutes have 120 words.',
    );
    expect(checkSummary(report([finding(true), finding(false)]))).toBe(
      '1 thing is not Easy Read yet. It is in "S". Please look at them before you publish. The minutes have 120 words.',
    );
  });
});

describe("mainOf", () => {
  it("keeps only <main> (the <head>'s style block would be checked against the app's CSP)", () => {
    const page = '<!DOCTYPE html><html><head><style>body{}</style></head><body><main class="x">\n<h1>M</h1></main><footer>f</footer></body></html>';
    expect(mainOf(page)).toBe('<main class="x">\n<h1>M</h1></main>');
    expect(mainOf("<p>a</p><style>b</style><p>c</p>")).toBe("<p>a</p><p>c</p>");
  });
});
