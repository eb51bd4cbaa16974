import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { OutputBundle, OutputChunk } from "rollup";
import type { Plugin } from "vite";
import { roundSvg } from "./svgRound";

/** Text files worth compressing; images other than SVG and fonts are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|webmanifest|xml|map)$/;

export interface Sizes {
  file: string;
  raw: number;
  gzip: number;
  br: number;
}

/** Brotli at its best quality and gzip at level 9: done once at build time, so the Api never compresses a file. */
export function compress(data: Buffer): { gzip: Buffer; br: Buffer } {
  const br = brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
  return { gzip: gzipSync(data, { level: 9 }), br };
}

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* walk(full);
    else yield full;
  }
}

/** The files a phone fetches to open the member view: index.html, the entry chunk, its static imports and their CSS. */
export function firstLoadFiles(bundle: OutputBundle): string[] {
  const chunks = Object.values(bundle).filter((f): f is OutputChunk => f.type === "chunk");
  const entry = chunks.find((c) => c.isEntry);
  const files = new Set<string>(Object.keys(bundle).filter((name) => name.endsWith(".html")));
  const visit = (name: string) => {
    if (files.has(name)) return;
    files.add(name);
    const chunk = chunks.find((c) => c.fileName === name);
    chunk?.imports.forEach(visit);
    chunk?.viteMetadata?.importedCss.forEach((css) => files.add(css));
  };
  if (entry) visit(entry.fileName);
  return [...files];
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * Rounds the pictures' coordinates (svgRound.ts), then writes NAME.br and NAME.gz beside every compressible file of the build (only when smaller than the file), which the
 * Api serves by Accept-Encoding (src/Api/Infrastructure/StaticAssets.cs). Prints each asset's raw, gzip and Brotli
 * size, and the member view's first-load code in Brotli; fails the build when that is over `firstLoadBudgetKb`.
 */
export function precompress({ firstLoadBudgetKb }: { firstLoadBudgetKb: number }): Plugin {
  return {
    name: "forumhub-precompress",
    apply: "build",
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type === "asset" && file.fileName.endsWith(".svg")) file.source = roundSvg(String(file.source));
      }
    },
    writeBundle(options, bundle) {
      const outDir = options.dir;
      if (!outDir) return;
      const sizes: Sizes[] = [];
      for (const full of walk(outDir)) {
        if (!COMPRESSIBLE.test(full)) continue;
        const data = readFileSync(full);
        const { gzip, br } = compress(data);
        if (gzip.length < data.length) writeFileSync(`${full}.gz`, gzip);
        if (br.length < data.length) writeFileSync(`${full}.br`, br);
        sizes.push({ file: path.relative(outDir, full), raw: data.length, gzip: Math.min(gzip.length, data.length), br: Math.min(br.length, data.length) });
      }
      sizes.sort((a, b) => a.raw - b.raw);
      const width = Math.max(...sizes.map((s) => s.file.length));
      console.log(`\nPrecompressed assets (raw / gzip / brotli), served by Accept-Encoding:`);
      for (const s of sizes) console.log(`  ${s.file.padEnd(width)}  ${kb(s.raw).padStart(9)} ${kb(s.gzip).padStart(9)} ${kb(s.br).padStart(9)}`);
      const first = firstLoadFiles(bundle).map((f) => sizes.find((s) => s.file === f)).filter((s): s is Sizes => !!s);
      const total = (key: "raw" | "gzip" | "br") => first.reduce((sum, s) => sum + s[key], 0);
      console.log(
        `Member view first load, code only (${first.map((s) => s.file).join(", ")}): ${kb(total("raw"))} raw, ` +
          `${kb(total("gzip"))} gzip, ${kb(total("br"))} brotli (budget ${firstLoadBudgetKb} KB brotli; ` +
          `tests/e2e/transfer.test.mjs measures the whole load, pictures and API included, against 70 KB)`,
      );
      if (total("br") / 1024 > firstLoadBudgetKb) {
        this.error(`The member view's first-load code is ${kb(total("br"))} in Brotli: over the ${firstLoadBudgetKb} KB budget.`);
      }
    },
  };
}
