// The JSON fields of the server's records, read from the C# sources as text (for protocolDrift.test.ts). Enough C# for
// this codebase's DTOs: positional records, their public properties ({ get; } or =>, computed ones too: System.Text.Json
// writes them), a record base's fields, and [JsonIgnore] left out.

export interface CsRecord {
  name: string;
  /** camelCase, as the Api's JSON writes them. */
  fields: string[];
  base: string | null;
  file: string;
}

export const camel = (name: string) => name[0]!.toLowerCase() + name.slice(1);

/** Every record in the sources, by name (private nested records may share a name: those are never looked up). */
export function csharpRecords(sources: Record<string, string>): Map<string, CsRecord[]> {
  const found = new Map<string, CsRecord[]>();
  for (const [file, source] of Object.entries(sources)) {
    for (const record of recordsIn(blankCommentsAndStrings(source), file)) {
      found.set(record.name, [...(found.get(record.name) ?? []), record]);
    }
  }
  return found;
}

/** The one record of that name, with its base record's fields added (MeetingCommand's commandId). */
export function recordFields(records: Map<string, CsRecord[]>, name: string): string[] {
  const all = records.get(name) ?? [];
  if (all.length !== 1) throw new Error(`Expected one C# record ${name}, found ${all.length}${all.map((r) => ` (${r.file})`).join("")}.`);
  const record = all[0]!;
  const base = record.base !== null && (records.get(record.base)?.length ?? 0) === 1 ? recordFields(records, record.base) : [];
  return [...base, ...record.fields];
}

function recordsIn(source: string, file: string): CsRecord[] {
  const records: CsRecord[] = [];
  const declaration = /\brecord\s+(?:class\s+|struct\s+)?(\w+)\s*(?:<[^>(]*>)?\s*/g;
  for (let match; (match = declaration.exec(source)); ) {
    let at = declaration.lastIndex;
    let fields: string[] = [];
    if (source[at] === "(") {
      const end = closing(source, at);
      fields = parameters(source.slice(at + 1, end));
      at = end + 1;
    }
    const rest = /^\s*(?::\s*([\w.]+)[^{;]*)?([{;])/.exec(source.slice(at));
    if (!rest) continue; // "record" as a word in code, not a declaration
    const base = rest[1]?.split(".").pop() ?? null;
    if (rest[2] === "{") {
      const open = at + rest[0].length - 1;
      fields = [...fields, ...properties(source.slice(open + 1, closing(source, open)))];
    }
    records.push({ name: match[1]!, fields: fields.map(camel), base, file });
  }
  return records;
}

/** The names of a positional record's parameters, without those marked [JsonIgnore]. */
function parameters(list: string): string[] {
  return splitTopLevel(list)
    .filter((p) => p.trim() !== "" && !/\[[^\]]*JsonIgnore[^\]]*\]/.test(p))
    .map((p) => p.replace(/\[[^\]]*\]/g, "").split("=")[0]!.trim().split(/\s+/).pop()!);
}

/** Public instance properties at the top level of a record's body (nested types and members' bodies skipped). */
function properties(body: string): string[] {
  let flat = "";
  let depth = 0;
  for (const c of body) {
    if (c === "{" && ++depth === 1) flat += c;
    else if (c === "}" && depth-- === 1) flat += c;
    else if (depth === 0) flat += c;
  }
  const property =
    /((?:\[[^\]]*\]\s*)*)public\s+(?!static\b|const\b|sealed\b|abstract\b|class\b|record\b|enum\b|interface\b|struct\b|override\b)(?:required\s+|virtual\s+)?[\w<>,.?[\]\s]+?\s(\w+)\s*(?:\{\}|=>)/g;
  return [...flat.matchAll(property)].filter((m) => !m[1]!.includes("JsonIgnore")).map((m) => m[2]!);
}

function splitTopLevel(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    if ("(<[{".includes(c)) depth++;
    else if (")>]}".includes(c)) depth--;
    else if (c === "," && depth === 0) {
      parts.push(list.slice(start, i));
      start = i + 1;
    }
  }
  return [...parts, list.slice(start)];
}

/** The index of the bracket that closes the one at `open`. */
function closing(source: string, open: number): number {
  const pairs: Record<string, string> = { "(": ")", "{": "}", "[": "]" };
  const want = pairs[source[open]!]!;
  for (let i = open + 1, depth = 1; i < source.length; i++) {
    if (source[i] === source[open]) depth++;
    else if (source[i] === want && --depth === 0) return i;
  }
  return source.length;
}

/** Comments become spaces and strings "" (their text may hold brackets or //), so the brackets left balance. */
function blankCommentsAndStrings(source: string): string {
  let out = "";
  for (let i = 0; i < source.length; ) {
    const startsWith = (text: string) => source.startsWith(text, i);
    if (startsWith("//")) {
      const end = source.indexOf("\n", i);
      i = end < 0 ? source.length : end;
    } else if (startsWith("/*")) {
      const end = source.indexOf("*/", i + 2);
      i = end < 0 ? source.length : end + 2;
    } else if (startsWith('"""')) {
      const end = source.indexOf('"""', i + 3);
      out += '""';
      i = end < 0 ? source.length : end + 3;
    } else if (source[i] === '"' || source[i] === "'") {
      const quote = source[i]!;
      const verbatim = source[i - 1] === "@" || (source[i - 1] === "$" && source[i - 2] === "@");
      let j = i + 1;
      while (j < source.length) {
        if (!verbatim && source[j] === "\\") j += 2;
        else if (verbatim && source[j] === '"' && source[j + 1] === '"') j += 2;
        else if (source[j] === quote) break;
        else j++;
      }
      out += quote + quote;
      i = j + 1;
    } else {
      out += source[i];
      i++;
    }
  }
  return out;
}
