// Copies the OpenMoji SVGs named in pictures.json (and the licence) from the npm package into this folder,
// so the Api can inline the pictures offline. Run it again after changing pictures.json:
//
//   tmp=$(mktemp -d) && (cd "$tmp" && npm init -y >/dev/null && npm install --no-audit --no-fund openmoji@17.0.0)
//   node src/Api/Features/Minutes/Writing/Pictures/vendor-openmoji.mjs "$tmp/node_modules/openmoji"
//
// Each file is copied byte for byte as <HEXCODE>.svg (the colour set); the Api strips ids when it inlines them.
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const pkg = process.argv[2];
if (!pkg || !existsSync(path.join(pkg, "color", "svg"))) {
  console.error("usage: node vendor-openmoji.mjs <path to node_modules/openmoji>");
  process.exit(2);
}
const map = JSON.parse(readFileSync(path.join(here, "pictures.json"), "utf8"));
const version = JSON.parse(readFileSync(path.join(pkg, "package.json"), "utf8")).version;
if (version !== map.version) {
  console.error(`pictures.json names openmoji ${map.version}, the package is ${version}`);
  process.exit(1);
}
const codes = [...new Set(Object.values(map.pictures))].sort();
for (const old of readdirSync(here).filter((f) => f.endsWith(".svg"))) rmSync(path.join(here, old));
for (const code of codes) {
  const from = path.join(pkg, "color", "svg", `${code}.svg`);
  if (!existsSync(from)) {
    console.error(`openmoji ${version} has no ${code}.svg`);
    process.exit(1);
  }
  copyFileSync(from, path.join(here, `${code}.svg`));
}
copyFileSync(path.join(pkg, "LICENSE.txt"), path.join(here, "LICENSE.txt"));
console.log(`copied ${codes.length} pictures from openmoji ${version}`);
