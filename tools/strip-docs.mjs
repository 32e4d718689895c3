// Drops the JSDoc blocks wasm-bindgen copies from every Rust doc comment into the generated glue
// (www/pkg/backprop_lab.js): 15 KB raw, 5 KB gzipped the page would load for nothing. The docs stay
// in the .d.ts beside it (for editors), in the Rust source and docs/api.md.
//
// Not a minifier: the glue is generated code whose only `/**` are those doc blocks, so one pattern
// removes them; the result is checked by importing both versions and comparing their exports.
// Usage: node tools/strip-docs.mjs www/pkg/backprop_lab.js
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { tmpdir } from "node:os";
import { pathToFileURL } from "node:url";

const file = resolve(process.argv[2]);
const before = readFileSync(file, "utf8");
const after = before.replace(/^[ \t]*\/\*\*[\s\S]*?\*\/[ \t]*\n/gm, "");
const dir = mkdtempSync(join(tmpdir(), "strip-docs-"));
try {
  const copy = join(dir, "glue.js");
  writeFileSync(copy, after);
  const keys = async (path) => Object.keys(await import(pathToFileURL(path).href)).sort().join();
  const [was, is] = [await keys(file), await keys(copy)];
  if (was !== is || !is.includes("Lab")) throw new Error(`exports changed: ${was} -> ${is}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
writeFileSync(file, after);
console.log(`[build] ${process.argv[2]}: doc comments stripped, ${before.length} -> ${after.length} bytes`);
