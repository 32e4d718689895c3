// The served page in headless Chromium: it loads cleanly, draws real pixels, trains XOR when Play is
// pressed, and takes a new learning rate while playing. Screenshots land in tests/screenshots/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, appUrl, openApp, shot, drawn } from "./harness.mjs";

const env = useBrowser();

/** Distinct colours in a canvas (a blank or single-colour canvas has 1). */
const colours = (page, id) =>
  page.evaluate((id) => {
    const c = document.getElementById(id);
    const data = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    const seen = new Set();
    for (let k = 0; k < data.length; k += 4 * 7) seen.add((data[k] << 16) | (data[k + 1] << 8) | data[k + 2]);
    return seen.size;
  }, id);

/** Pixels of the loss curve's colour (the light theme's first series colour, src/web/charts.rs) in the
 * loss chart: how many, and how many columns and rows they span. */
const curve = (page) =>
  page.evaluate(() => {
    const c = document.getElementById("loss");
    const data = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    const cols = new Set();
    const rows = new Set();
    for (let k = 0; k < data.length; k += 4) {
      if (Math.abs(data[k] - 0) + Math.abs(data[k + 1] - 114) + Math.abs(data[k + 2] - 178) < 60) {
        cols.add((k / 4) % c.width);
        rows.add(Math.floor(k / 4 / c.width));
      }
    }
    return { cols: cols.size, rows: rows.size, width: c.width, height: c.height };
  });

test("the page opens on XOR 2-2-1 sigmoid with no console error, and draws", async () => {
  const { page, errors, context } = await openApp(env.browser, env.server.url);
  assert.equal(await page.title(), "Backprop Lab — backpropagation on XOR, step by step");
  const shape = await page.evaluate(() => {
    const lab = window.backpropLab.lab;
    return [lab.datasetName, lab.neurons(0), lab.neurons(1), lab.neurons(2), lab.activation(1), lab.activation(2)];
  });
  assert.deepEqual(shape, ["xor", 2, 2, 1, "sigmoid", "sigmoid"]);
  assert.ok((await colours(page, "network")) > 50, "the network diagram has pixels");
  assert.ok((await colours(page, "boundary")) > 20, "the decision boundary has pixels");
  // The loss chart: at epoch 0 a frame and no curve; after 300 epochs a falling curve across the plot.
  assert.ok((await colours(page, "loss")) > 3, "the loss chart has its frame");
  assert.equal((await curve(page)).cols, 0, "no curve before training");
  await page.evaluate(() => {
    window.backpropLab.lab.train(300);
    window.backpropLab.dirty = true;
  });
  await drawn(page);
  const drawnCurve = await curve(page);
  assert.ok(drawnCurve.cols > 0.6 * drawnCurve.width, `the curve spans the plot: ${JSON.stringify(drawnCurve)}`);
  assert.ok(drawnCurve.rows > 0.2 * drawnCurve.height, `the curve falls: ${JSON.stringify(drawnCurve)}`);
  await page.getByRole("button", { name: "Play" }).waitFor();
  await shot(page, "page-open-desktop");
  assert.deepEqual(errors, []);
  await context.close();
});

test("Play trains XOR to a solution within a few seconds", async () => {
  const { page, errors, context } = await openApp(env.browser, env.server.url);
  await page.getByRole("button", { name: "Play" }).click();
  await page.getByRole("button", { name: "Pause" }).waitFor();
  const t0 = Date.now();
  // A generous bound: the time is printed, and measured without load by `npm run bench`.
  await page.waitForFunction(() => window.backpropLab.lab.error < 0.01, null, { timeout: 30000 });
  const seconds = (Date.now() - t0) / 1000;
  await page.getByRole("button", { name: "Pause" }).click();
  // The frame after Pause shows the paused state: the epoch everywhere, no "Training" line.
  await drawn(page);
  const shown = await page.evaluate(() => ({
    epoch: window.backpropLab.lab.epoch,
    done: document.getElementById("epoch").textContent,
    timeline: document.getElementById("scrub-label").textContent,
    phase: document.getElementById("phase").textContent,
  }));
  assert.equal(shown.done, String(shown.epoch), "epochs done");
  assert.equal(shown.timeline, `epoch ${shown.epoch.toLocaleString("en-US")} (now)`, "timeline label");
  assert.doesNotMatch(shown.phase, /^Training/, "phase line after Pause");
  const y = await page.$$eval("#patterns tbody tr", (rows) => rows.map((r) => Number(r.cells[4].textContent)));
  assert.deepEqual(y.map((v) => v > 0.5), [false, true, true, false], `ŷ = ${y}`);
  console.log(`# XOR solved (E < 0.01) ${seconds.toFixed(2)} s after Play`);
  await shot(page, "page-solved-desktop");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the learning-rate control changes η live, while playing", async () => {
  const { page, errors, context } = await openApp(env.browser, env.server.url);
  await page.getByRole("button", { name: "Play" }).click();
  const field = page.getByLabel("Learning rate η", { exact: true });
  await field.fill("0.5");
  await field.press("Enter");
  assert.equal(await page.evaluate(() => window.backpropLab.lab.learningRate), 0.5);
  assert.equal(await page.evaluate(() => window.backpropLab.playing), true, "still playing");
  // The slider is log-scale: 10^−1 = 0.1.
  await page.getByLabel("Learning rate η (log slider)").fill("-1");
  assert.equal(await page.evaluate(() => window.backpropLab.lab.learningRate), 0.1);
  assert.equal(await field.inputValue(), "0.100");
  // Bad input leaves η alone and says why.
  await field.fill("abc");
  await field.press("Enter");
  assert.equal(await page.evaluate(() => window.backpropLab.lab.learningRate), 0.1);
  // The core's message (the one place η is checked), shown next to the field.
  await page.locator("#eta-message").filter({ hasText: /“abc” is not a number.*η stays 0\.1/ }).waitFor();
  await shot(page, "page-bad-eta");
  await page.getByRole("button", { name: "Pause" }).click();
  assert.deepEqual(errors, []);
  await context.close();
});

test("the phone layout stacks the panels and still draws", async () => {
  const { page, errors, context } = await openApp(env.browser, env.server.url, { width: 390, height: 844, colorScheme: "dark" });
  const boxes = await page.$$eval(".panel", (ps) => ps.map((p) => p.getBoundingClientRect().toJSON()));
  assert.ok(boxes.every((b) => b.width <= 390 && b.left >= 0), "no panel wider than the phone");
  assert.ok(boxes[1].top > boxes[0].bottom - 1 && boxes[2].top > boxes[1].bottom - 1, "stacked");
  assert.ok((await colours(page, "network")) > 50);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  await shot(page, "page-open-phone-dark");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a missing wasm file shows a visible message instead of a blank page", async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.route("**/backprop_lab_bg.wasm", (route) => route.fulfill({ status: 404, body: "gone" }));
  await page.goto(env.server.url);
  await page.getByRole("alert").filter({ hasText: "could not start" }).waitFor();
  await shot(page, "page-wasm-missing");
  await context.close();
});

test("the page keeps its state to itself unless opened with ?test", async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.server.url);
  await page.locator("#error").filter({ hasText: /\d/ }).waitFor(); // started: E is shown
  await page.getByRole("button", { name: "Next step" }).click();
  assert.equal(await page.evaluate(() => typeof window.backpropLab), "undefined");
  await page.goto(appUrl(env.server.url));
  await page.waitForFunction(() => window.backpropLab?.snapshot);
  await context.close();
});
