// The size figures of the benchmark against their budgets: the release wasm raw and gzipped, and
// everything the page loads first gzipped (each file on its own, as a server sends it); the scripts
// it loads only on demand (the Experiments tab, its workers) are listed apart. Part of
// `npm run bench`; on its own, after a release build: `node tools/sizes.mjs`.
import { readFileSync, readdirSync } from "node:fs";
import { join, posix } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const WASM = "www/pkg/backprop_lab_bg.wasm";
/** The budgets, in bytes (1 KB = 1000 bytes). */
export const BUDGETS = { wasm: 300_000, wasmGzip: 130_000, pageGzip: 200_000 };

/** The ES modules a page's own tags name: `<script type="module" src>` and `<link rel="modulepreload" href>`. */
const entryModules = (html) =>
  [...html.replace(/<!--[\s\S]*?-->/g, "").matchAll(/<(?:script\b[^>]*\bsrc|link\b[^>]*\brel="modulepreload"[^>]*\bhref)="([^"]+)"/g)].map((m) => m[1]);

/** What `path` (a module, relative to the root) imports statically: `import … from "./x.js"`,
 * `export … from`, `import "./x.js"`. A dynamic import() or a Worker's script is not among them. */
const staticImports = (root, path) => {
  const text = readFileSync(join(root, path), "utf8");
  const specs = [...text.matchAll(/^\s*(?:import|export)\b[^"'();]*?\bfrom\s*["']([^"']+)["']|^\s*import\s*["']([^"']+)["']/gm)];
  return specs.map((m) => m[1] ?? m[2]).filter((s) => s.startsWith(".")).map((s) => posix.normalize(posix.join(posix.dirname(path), s)));
};

/** The modules the page loads before it can draw: its tags' modules and all they import statically. */
const firstLoadModules = (root) => {
  const seen = new Set();
  const todo = entryModules(readFileSync(join(root, "index.html"), "utf8"));
  while (todo.length) {
    const path = todo.pop();
    if (seen.has(path)) continue;
    seen.add(path);
    todo.push(...staticImports(root, path));
  }
  return seen;
};

/** What the page loads first: index.html, every module reached by static imports from its tags, the
 * stylesheet and the wasm. The Experiments tab's modules (dynamic import()) and its workers' script
 * load only when the tab is used: they are `onDemandFiles`, not part of the page's budget. */
export const pageFiles = (root = ROOT) => {
  const modules = firstLoadModules(root);
  return [
    "index.html",
    ...[...modules].filter((f) => f.startsWith("www/") && !f.startsWith("www/pkg/")).sort(),
    "www/style.css",
    "www/pkg/backprop_lab.js",
    WASM,
  ];
};

/** The page's scripts (`npm run dist` ships every www/*.js) that the first load does not fetch. */
export const onDemandFiles = (root = ROOT) => {
  const first = new Set(pageFiles(root));
  return readdirSync(join(root, "www")).filter((f) => f.endsWith(".js")).sort().map((f) => `www/${f}`).filter((f) => !first.has(f));
};

/** { wasm, wasmGzip, pageGzip, files } in bytes, `files` listing each loaded file's raw and gzipped size. */
export const sizes = (root = ROOT) => {
  const measure = (path) => {
    const bytes = readFileSync(join(root, path));
    return { path, raw: bytes.length, gzip: gzipSync(bytes).length };
  };
  const files = pageFiles(root).map(measure);
  const onDemand = onDemandFiles(root).map(measure);
  const wasm = files.find((f) => f.path === WASM);
  const gzip = (list) => list.reduce((sum, f) => sum + f.gzip, 0);
  return { wasm: wasm.raw, wasmGzip: wasm.gzip, pageGzip: gzip(files), files, onDemandGzip: gzip(onDemand), onDemand };
};

/** The three figures as lines of text, each against its budget. */
export const sizeReport = (s = sizes()) => {
  const kb = (b) => `${(b / 1000).toFixed(1)} KB`;
  const line = (what, value, budget) => `${what}: ${kb(value)} (${value.toLocaleString("en-US")} bytes; budget ≤ ${kb(budget)}) ${value <= budget ? "ok" : "OVER BUDGET"}`;
  return [
    line("release .wasm after wasm-opt", s.wasm, BUDGETS.wasm),
    line("release .wasm gzipped", s.wasmGzip, BUDGETS.wasmGzip),
    line(`everything the page loads first, gzipped (${s.files.length} files)`, s.pageGzip, BUDGETS.pageGzip),
    `loaded on demand, not first (${s.onDemand.map((f) => f.path.slice(4)).join(", ") || "none"}): ${kb(s.onDemandGzip)} gzipped`,
  ];
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const s = sizes();
  for (const f of [...s.files, ...s.onDemand]) {
    const when = s.onDemand.includes(f) ? " (on demand)" : "";
    console.log(`  ${f.path.padEnd(30)} ${f.raw.toLocaleString("en-US").padStart(9)} B raw, ${f.gzip.toLocaleString("en-US").padStart(8)} B gzipped${when}`);
  }
  for (const l of sizeReport(s)) console.log(l);
}
