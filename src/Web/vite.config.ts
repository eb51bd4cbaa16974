/// <reference types="vitest/config" />
import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { fileURLToPath } from "node:url";
import preact from "@preact/preset-vite";
import { defineConfig, type Plugin } from "vite";
import { precompress } from "./build/precompress";
import { roundSvg } from "./build/svgRound";
import { PERSON_PICTURES } from "./src/pictures/pictureWords";

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * THE picture map of ForumHub (word -> OpenMoji hexcode), shared with the Api's Easy Read minutes.
 * The web app reads it at build time; Dockerfile copies it into the web build stage.
 */
export const PICTURE_MAP = path.resolve(here, "../Api/Features/Minutes/Writing/Pictures/pictures.json");

const VIRTUAL_ID = "virtual:forumhub-pictures";
const RESOLVED_ID = "\0" + VIRTUAL_ID;

/**
 * `import { pictureUrls, attribution } from "virtual:forumhub-pictures"`: each word of the picture map with the URL
 * of its OpenMoji SVG, taken from the npm `openmoji` package. Only the SVGs the map names are bundled (as files,
 * loaded by <img>: no inline data, which the Content-Security-Policy would not allow for scripts or styles anyway).
 */
function forumHubPictures(): Plugin {
  return {
    name: "forumhub-pictures",
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : null;
    },
    load(id) {
      if (id !== RESOLVED_ID) return null;
      if (!existsSync(PICTURE_MAP)) throw new Error(`The picture map is missing: ${PICTURE_MAP}`);
      this.addWatchFile(PICTURE_MAP);
      const map = JSON.parse(readFileSync(PICTURE_MAP, "utf8")) as { attribution: string; pictures: Record<string, string> };
      const codes = [...new Set(Object.values(map.pictures))].sort();
      for (const code of codes) {
        if (!/^[0-9A-F]+(-[0-9A-F]+)*$/.test(code)) throw new Error(`Not an OpenMoji hexcode in the picture map: ${code}`);
        if (!existsSync(path.resolve(here, "node_modules/openmoji/color/svg", `${code}.svg`))) {
          throw new Error(`openmoji has no picture ${code}.svg (named in ${PICTURE_MAP})`);
        }
      }
      // The pictures a phone sees on the join page come inside the JavaScript (CSP allows data: images): 16 requests
      // fewer on a member's first load. Every other picture is its own file, fetched when shown.
      const inline = new Set<string>(PERSON_PICTURES.map((word) => map.pictures[word]).filter((code): code is string => !!code));
      const imports = codes.map((code, i) =>
        inline.has(code)
          ? `const p${i} = ${JSON.stringify(svgDataUrl(readFileSync(path.resolve(here, "node_modules/openmoji/color/svg", `${code}.svg`), "utf8")))};`
          : `import p${i} from "openmoji/color/svg/${code}.svg?url";`,
      );
      const byCode = `const byCode = {${codes.map((code, i) => `${JSON.stringify(code)}: p${i}`).join(", ")}};`;
      const words = Object.entries(map.pictures)
        .map(([word, code]) => `${JSON.stringify(word)}: byCode[${JSON.stringify(code)}]`)
        .join(",\n  ");
      return [
        ...imports,
        byCode,
        `export const pictureUrls = {\n  ${words}\n};`,
        `export const attribution = ${JSON.stringify(map.attribution)};`,
      ].join("\n");
    },
  };
}

/** A small data: URL for an SVG: rounded (build/svgRound.ts), with only the characters a URL cannot hold escaped. */
function svgDataUrl(svg: string): string {
  const rounded = roundSvg(svg);
  const body = rounded.includes("'") ? encodeURIComponent(rounded) : rounded.replaceAll('"', "'").replace(/[%#\n]/g, encodeURIComponent);
  return `data:image/svg+xml,${body}`;
}

/** The JavaScript a phone loads to open the member view (every chunk the entry imports statically). */
const MEMBER_VIEW_BUDGET_KB = 150;

/** Prints the member view's JavaScript size (gzipped) and fails the build when it is over the budget. */
function memberViewBudget(): Plugin {
  return {
    name: "forumhub-member-view-budget",
    apply: "build",
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((f) => f.type === "chunk");
      const entry = chunks.find((c) => c.isEntry);
      if (!entry) return;
      const seen = new Set<string>();
      const visit = (name: string) => {
        if (seen.has(name)) return;
        seen.add(name);
        const chunk = chunks.find((c) => c.fileName === name);
        chunk?.imports.forEach(visit);
      };
      visit(entry.fileName);
      const bytes = [...seen].reduce((sum, name) => {
        const chunk = chunks.find((c) => c.fileName === name);
        return sum + (chunk ? gzipSync(chunk.code, { level: 9 }).length : 0);
      }, 0);
      const kb = bytes / 1024;
      console.log(`\nMember view JavaScript: ${kb.toFixed(1)} KB gzipped (budget ${MEMBER_VIEW_BUDGET_KB} KB; the QR code is loaded separately, only where shown)`);
      if (kb > MEMBER_VIEW_BUDGET_KB) this.error(`The member view's JavaScript is ${kb.toFixed(1)} KB gzipped: over the ${MEMBER_VIEW_BUDGET_KB} KB budget.`);
    },
  };
}

export default defineConfig({
  // precompress: .br and .gz beside each built file, and the first-load budget (the whole load must stay <= 70 KB).
  plugins: [preact(), forumHubPictures(), memberViewBudget(), precompress({ firstLoadBudgetKb: 60 })],
  build: {
    // Relative to this folder: the Api serves the built app as its static files.
    outDir: "../Api/wwwroot",
    emptyOutDir: true,
    // No inline scripts or data: URLs: the Api's Content-Security-Policy forbids them.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // Print gzip sizes (the member view budget is 150 KB gzipped: see README).
    reportCompressedSize: true,
  },
  server: {
    // `npm run dev` with the Api on :5080 (add http://localhost:5173 to Security:AllowedOrigins).
    proxy: {
      "/api": "http://127.0.0.1:5080",
      "/hubs": { target: "http://127.0.0.1:5080", ws: true },
    },
  },
  test: {
    include: ["src/**/*.test.{ts,tsx}"],
    environment: "node",
    // The tests are pure functions and modules without globals to reset: one worker thread for all files, without a
    // fresh module graph per file, takes a third of the CPU of the default (a forked process per file).
    pool: "threads",
    isolate: false,
  },
});
