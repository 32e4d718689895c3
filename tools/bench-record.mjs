// The benchmark's record: what `npm run bench` printed goes into docs/benchmarks.md as the section
// "Last run", which each run replaces; the rest of that file is written by hand.
import { readFileSync, writeFileSync } from "node:fs";

/** The record the benchmark rewrites. */
export const RECORD = new URL("../docs/benchmarks.md", import.meta.url);
const HEADING = "## Last run";

/**
 * `doc` with its "Last run" section (from the heading to the next `## ` heading, or the end)
 * replaced by one holding `lines` as printed, under the command, the date and the machine;
 * appended at the end when `doc` has no such section.
 */
export const withLastRun = (doc, { command, date, machine }, lines) => {
  const section = [
    HEADING,
    "",
    "Written by the benchmark, each figure as printed with its goal where it has one (the native",
    "figures are there to compare with the browser's).",
    "",
    `- command: \`${command}\``,
    `- date: ${date}`,
    `- machine: ${machine}`,
    "",
    "```text",
    ...lines,
    "```",
    "",
  ].join("\n");
  const start = doc.indexOf(`\n${HEADING}\n`);
  if (start < 0) return `${doc.trimEnd()}\n\n${section}`;
  const next = doc.indexOf("\n## ", start + 1);
  return doc.slice(0, start + 1) + section + (next < 0 ? "" : doc.slice(next));
};

/** Replaces the "Last run" section of docs/benchmarks.md. */
export const recordLastRun = (meta, lines) => writeFileSync(RECORD, withLastRun(readFileSync(RECORD, "utf8"), meta, lines));
