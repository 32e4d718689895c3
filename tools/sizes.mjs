// The size figures of the benchmark against their budgets: the release wasm raw and gzipped, and
// everything the page loads gzipped (each file on its own, as a server sends it). Part of
// `npm run bench`; on its own, after a release build: `node tools/sizes.mjs`.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const WASM = "www/pkg/backprop_lab_bg.wasm";
/** The budgets, in bytes (1 KB = 1000 bytes). */
export const BUDGETS = { wasm: 300_000, wasmGzip: 130_000, pageGzip: 200_000 };

/** What the page loads: the same files `npm run dist` ships (tools/dist.sh). */
export const pageFiles = (root = ROOT) => [
  "index.html",
  ...readdirSync(join(root, "www")).filter((f) => f.endsWith(".js")).sort().map((f) => `www/${f}`),
  "www/style.css",
  "www/pkg/backprop_lab.js",
  WASM,
];

/** { wasm, wasmGzip, pageGzip, files } in bytes, `files` listing each loaded file's raw and gzipped size. */
export const sizes = (root = ROOT) => {
  const files = pageFiles(root).map((path) => {
    const bytes = readFileSync(join(root, path));
    return { path, raw: bytes.length, gzip: gzipSync(bytes).length };
  });
  const wasm = files.find((f) => f.path === WASM);
  return { wasm: wasm.raw, wasmGzip: wasm.gzip, pageGzip: files.reduce((sum, f) => sum + f.gzip, 0), files };
};

/** The three figures as lines of text, each against its budget. */
export const sizeReport = (s = sizes()) => {
  const kb = (b) => `${(b / 1000).toFixed(1)} KB`;
  const line = (what, value, budget) => `${what}: ${kb(value)} (${value.toLocaleString("en-US")} bytes; budget ≤ ${kb(budget)}) ${value <= budget ? "ok" : "OVER BUDGET"}`;
  return [
    line("release .wasm after wasm-opt", s.wasm, BUDGETS.wasm),
    line("release .wasm gzipped", s.wasmGzip, BUDGETS.wasmGzip),
    line(`everything the page loads, gzipped (${s.files.length} files)`, s.pageGzip, BUDGETS.pageGzip),
  ];
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const s = sizes();
  for (const f of s.files) console.log(`  ${f.path.padEnd(30)} ${f.raw.toLocaleString("en-US").padStart(9)} B raw, ${f.gzip.toLocaleString("en-US").padStart(8)} B gzipped`);
  for (const l of sizeReport(s)) console.log(l);
}
