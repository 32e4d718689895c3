// The benchmark's record: `npm run bench` replaces the "Last run" section of docs/benchmarks.md
// and leaves the rest of the file as it was.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { RECORD, withLastRun } from "../../tools/bench-record.mjs";

const meta = { command: "node tools/bench.mjs", date: "the date", machine: "a test machine, 2 cores" };
const figures = ["first complete frame: 400 ms after navigation (target ≤ 500 ms)", "release .wasm gzipped: 146.4 KB (budget ≤ 130.0 KB) OVER BUDGET"];

test("the Last run section is replaced, and only it", () => {
  const doc = "# Benchmarks\n\nHand-written.\n\n## Last run\n\nold figures\n\n## After\n\nkept\n";
  const once = withLastRun(doc, meta, figures);
  assert.ok(once.startsWith("# Benchmarks\n\nHand-written.\n\n## Last run\n\n"));
  assert.ok(once.includes("\n- command: `node tools/bench.mjs`\n- date: the date\n- machine: a test machine, 2 cores\n"));
  assert.ok(once.includes(`\`\`\`text\n${figures.join("\n")}\n\`\`\`\n`));
  assert.ok(!once.includes("old figures"));
  assert.ok(once.endsWith("\n## After\n\nkept\n"));
  assert.equal(withLastRun(once, meta, figures), once, "a second run replaces the first");
  const other = withLastRun(once, { ...meta, date: "another date" }, ["one figure"]);
  assert.equal(other.match(/## Last run/g).length, 1);
  assert.ok(other.includes("```text\none figure\n```") && !other.includes(figures[0]));
});

test("a record without the section gets it at the end", () => {
  const added = withLastRun("# Benchmarks\n\nHand-written.\n", meta, figures);
  assert.ok(added.startsWith("# Benchmarks\n\nHand-written.\n\n## Last run\n"));
  assert.ok(added.endsWith("```\n"));
});

test("docs/benchmarks.md has the section the benchmark rewrites, last", () => {
  const doc = readFileSync(RECORD, "utf8");
  const at = doc.indexOf("\n## Last run\n");
  assert.ok(at > 0, "a Last run section");
  assert.equal(doc.indexOf("\n## ", at + 1), -1, "nothing after it");
});
