// Data sets with extreme but finite inputs: imported one after another through
// the page's file input, each must open and then keep drawing — 30 more frames that redraw every
// view, with no page error; the frames' times are printed (the benchmark's figures), not bounded.
// A control set of plain 0/1 inputs comes first. (The risk is the axes: ticks stepped naively
// over ±1e6 would take seconds a frame and run out of memory.)
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync, mkdtempSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { useBrowser, openApp, shot } from "./harness.mjs";

const env = useBrowser();
const FRAMES = 30;

const MAX = 1.7976931348623157e308;
const xorTargets = [[0], [1], [1], [0]];
const corners = (lo, hi) => [[lo, lo], [lo, hi], [hi, lo], [hi, hi]];
/** [name, inputs, targets]: N = the inputs' row length. */
const CASES = [
  ["control: 0 and 1", corners(0, 1), xorTargets],
  ["around ±1e6", corners(-1e6, 1e6), xorTargets],
  ["around ±1e300", corners(-1e300, 1e300), xorTargets],
  ["around ±1.7e308", corners(-1.7e308, 1.7e308), xorTargets],
  ["the largest finite, ±(2 − 2⁻⁵²)·2¹⁰²³", corners(-MAX, MAX), xorTargets],
  ["1e-300 wide at 0", corners(0, 1e-300), xorTargets],
  // 1e6 + 1e-300 is 1e6 in f64: the narrowest range at 1e6 is one ulp, 2⁻³³.
  ["one ulp wide at 1e6", corners(1e6, 1e6 + 2 ** -33), xorTargets],
  ["all patterns at one point", corners(3, 3), xorTargets],
  ["one input (N = 1)", [[0], [0.5], [1]], [[0], [1], [0]]],
  ["three inputs (N = 3)", [[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0]], [[0], [1], [1], [0]]],
  ["one input (N = 1) around ±1e6", [[-1e6], [0], [1e6]], [[0], [1], [0]]],
];

/** A model file v1 (docs/formats.md): N-2-1, tanh then sigmoid, with the data set inline. */
const modelFile = (inputs, targets) => ({
  format: "backprop-lab/model@1",
  inputs: inputs[0].length,
  learning_rate: 0.5,
  layers: [
    { activation: "tanh", weights: [inputs[0].map((_, j) => (j % 2 ? -0.5 : 0.5)), inputs[0].map(() => 0.25)], biases: [0, 0.1] },
    { activation: "sigmoid", weights: [[1, -1]], biases: [0] },
  ],
  dataset: { inputs, targets },
});

/** Starts redrawing the whole page every frame and recording each frame's start time, and (reported,
 * not bounded) how long each animation-frame callback runs: the page's own work, which load and
 * vsync stretch less than the time between frames. */
const startFrames = (page) =>
  page.evaluate(() => {
    const t = (window.__frameTimes = []);
    window.__work = [];
    window.__stopFrames = false;
    if (!window.__timed) {
      window.__timed = true;
      const raf = window.requestAnimationFrame.bind(window);
      window.requestAnimationFrame = (cb) =>
        raf((now) => {
          const start = performance.now();
          cb(now);
          if (!window.__stopFrames) window.__work.push(performance.now() - start);
        });
    }
    const tick = (now) => {
      t.push(now);
      window.backpropLab.dirty = true; // every view redraws on the next frame
      if (!window.__stopFrames && !document.querySelector(".fatal")) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });

/** Waits for `FRAMES` more frames (a page that stopped drawing fails on the wait's timeout), stops
 * the recording; the frame durations in ms and the longest callback. */
const stopFrames = async (page) => {
  const from = await page.evaluate((count) => [window.__frameTimes.length + count, performance.now()], FRAMES);
  await page.waitForFunction(([n]) => window.__frameTimes.length > n || document.querySelector(".fatal"),
    from, { timeout: 120000 });
  const [t, work] = await page.evaluate(() => {
    window.__stopFrames = true;
    // Now closes the last frame: on a page that takes seconds a frame, that frame is the one to count.
    return [[...window.__frameTimes, performance.now()], window.__work];
  });
  return { gaps: t.slice(1).map((v, k) => v - t[k]), work: Math.max(...work) };
};

const dir = mkdtempSync(join(tmpdir(), "bpl-extreme-"));
let app; // one page for every case, opened by the first (and again after a failed case)
after(() => app?.context.close());

for (const [k, [name, inputs, targets]] of CASES.entries()) {
  test(`${name}: opens, and the page keeps drawing`, async () => {
    app ??= await openApp(env.browser, env.server.url);
    const { page, errors } = app;
    const file = join(dir, `extreme-${k}.json`);
    writeFileSync(file, JSON.stringify(modelFile(inputs, targets)));
    try {
      const t0 = Date.now();
      await page.locator("#model-file").setInputFiles(file);
      await page.locator("#notice-text").filter({ hasText: `Opened extreme-${k}.json` }).waitFor({ timeout: 60000 })
        .catch((e) => assert.fail(`not shown ${((Date.now() - t0) / 1000).toFixed(0)} s after the import: ${e.message.split("\n")[0]}`));
      const shown = await page.evaluate(() => [window.backpropLab.lab.patternCount, window.backpropLab.lab.inputs]);
      assert.deepEqual(shown, [inputs.length, inputs[0].length], "the page holds the imported data set");
      const shownMs = Date.now() - t0; // reported, not bounded: it includes the test's own round trips
      // The page keeps drawing: FRAMES more frames come (their times are printed for the benchmark,
      // not bounded: a busy machine stretches any frame).
      await startFrames(page);
      const { gaps, work } = await stopFrames(page);
      const longest = Math.max(...gaps);
      const sorted = [...gaps].sort((a, b) => a - b);
      console.log(`# ${name}: shown ${shownMs} ms after the import; ${gaps.length} frames, median ${sorted[sorted.length >> 1]?.toFixed(1)} ms, longest ${longest.toFixed(1)} ms apart; longest frame callback ${work.toFixed(1)} ms`);
      assert.equal(await page.locator(".fatal").count(), 0, `the page stopped: ${await page.locator(".fatal").textContent().catch(() => "")}`);
      assert.ok(gaps.length >= FRAMES, `${gaps.length} frames drawn`);
      assert.deepEqual(errors, []);
      await shot(page, `extreme-${String(k).padStart(2, "0")}`); // a frozen page cannot be shot
    } catch (e) {
      await app.context.close().catch(() => {});
      app = null;
      throw e;
    }
  });
}
