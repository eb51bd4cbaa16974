// The hostile text corpus of ForumHub, read from its one home (tests/Api.Tests/Minutes/InjectionTests.cs, the
// minutes' injection tests) so the browser tests type exactly the same lines: markup, script, javascript: links,
// Markdown, direction overrides, NUL, entity tricks and a 5,000-character word.
//
//   import { HOSTILE_LINES, atLimit } from "./lib/hostile.mjs";
//   atLimit(HOSTILE_LINES[0], 120)   // the line, then one unbroken word of W's, cut to the field's limit
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const SOURCE = path.resolve(here, "..", "..", "Api.Tests", "Minutes", "InjectionTests.cs");

/** C# string literals and `new string('c', n)` between `Payloads =` and `];`, in order. */
export function parseCorpus(csharp) {
  const start = csharp.indexOf("Payloads =");
  const end = csharp.indexOf("];", start);
  if (start < 0 || end < 0) throw new Error(`no Payloads array in ${SOURCE}`);
  const body = csharp.slice(start, end);
  const lines = [];
  const literal = /"((?:[^"\\]|\\.)*)"|new string\('(.)', (\d+)\)/g;
  for (const m of body.matchAll(literal)) {
    // C#'s escapes here (\", \\, \n, \uXXXX) are JSON's too.
    lines.push(m[1] !== undefined ? JSON.parse(`"${m[1]}"`) : m[2].repeat(Number(m[3])));
  }
  return lines;
}

export const HOSTILE_LINES = parseCorpus(readFileSync(SOURCE, "utf8"));
if (HOSTILE_LINES.length < 50) throw new Error(`the hostile corpus has only ${HOSTILE_LINES.length} lines`);

/** The field limits of src/Domain/Meetings/Limits.cs (in characters after trimming). */
export const LIMITS = { title: 120, name: 40, answer: 280, note: 1000, question: 200, option: 60, decision: 280, action: 200, response: 500 };

/**
 * A hostile line made as long as the field allows: the line, a space, then W's (the widest letter, one unbroken
 * word), cut at `limit`. Line breaks become spaces for one-line boxes (`oneLine`), as a browser would make them.
 */
export function atLimit(line, limit, { oneLine = true } = {}) {
  const text = oneLine ? line.replace(/[\r\n]+/g, " ") : line;
  return `${text} ${"W".repeat(limit)}`.slice(0, limit);
}
