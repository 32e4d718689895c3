// The numerical-differentiation lab in the page: the table agrees with the core's trace, the costs
// follow the closed forms, the ε sweep is a finite V, a row highlights its edge, and the page keeps
// drawing while the O(n²) work runs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openApp, shot, drawn } from "./harness.mjs";
import { fmt } from "../../www/util.js";

const env = useBrowser();

/** Waits until every job of the check is done and drawn. */
const finished = async (page, timeout = 60000) => {
  await page.waitForFunction(() => {
    const c = window.backpropLab.check;
    return c.jobs.length === 0 && c.table && c.sweep && c.scaling;
  }, null, { timeout });
  await drawn(page);
};

test("the gradient check table, costs and ε sweep on XOR 2-2-1", async () => {
  const { page, errors, context } = await openApp(env.browser, env.server.url);
  await page.getByRole("button", { name: /Gradient check/ }).click();
  await finished(page);
  const trace = await page.evaluate(() => JSON.parse(window.backpropLab.lab.trace()));
  const flat = trace.gradient.flatMap((l) => [...l.weights.flat(), ...l.biases]);
  const shown = await page.$$eval("#check-table tbody tr", (rows) => rows.map((r) => r.cells[1].textContent));
  assert.deepEqual(shown, flat.map((g) => fmt(g, 6)), "backprop column = the trace's gradient");
  const rel = await page.$$eval("#check-table tbody tr", (rows) => rows.map((r) => r.cells[5].textContent));
  assert.ok(rel.every((t) => t.endsWith("✓✓")), `central differences at ε = 1e-6 agree: ${rel}`);
  const costs = await page.$$eval("#cost-table tbody tr", (rows) => rows.map((r) => Number(r.cells[1].textContent.replace(/,/g, ""))));
  assert.deepEqual(costs, [4, (9 + 1) * 4, 2 * 9 * 4], "forward passes: P, (n+1)P, 2nP");
  const sweep = await page.evaluate(() => window.backpropLab.check.sweep);
  assert.equal(sweep.eps.length, 27);
  assert.ok([...sweep.forward, ...sweep.central].every(Number.isFinite), "no NaN or ∞ drawn");
  const best = Math.min(...sweep.central);
  assert.ok(sweep.central[0] > 100 * best && sweep.central.at(-1) > 100 * best, "a V");
  const scaling = await page.evaluate(() => window.backpropLab.check.scaling);
  assert.deepEqual(scaling.map((r) => r.n), [5, 9, 17, 33, 65, 337, 609]);
  // Selecting a row highlights that edge in the diagram.
  await page.locator("#check-table tbody tr").nth(7).click();
  assert.deepEqual(await page.evaluate(() => window.backpropLab.selected), { kind: "edge", n: 2, i: 0, j: 1 });
  await shot(page, "check-xor-desktop");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the page keeps drawing while a big network is checked", async () => {
  const { page, errors, context } = await openApp(env.browser, env.server.url);
  await page.getByLabel("Dataset").selectOption("spiral");
  await page.waitForFunction(() => window.backpropLab.lab.datasetName === "spiral");
  // Two hidden layers of 16, whatever architecture the spiral opens with (its defaults: the core's).
  const depth = () => page.evaluate(() => window.backpropLab.lab.depth);
  while ((await depth()) > 3) {
    const d = await depth();
    await page.getByRole("button", { name: "Remove hidden layer" }).click();
    await page.waitForFunction((d) => window.backpropLab.lab.depth === d - 1, d);
  }
  while ((await depth()) < 3) {
    const d = await depth();
    await page.getByRole("button", { name: "Add hidden layer" }).click();
    await page.waitForFunction((d) => window.backpropLab.lab.depth === d + 1, d);
  }
  for (const n of [1, 2]) {
    await page.getByLabel(`Neurons in hidden layer ${n}`).fill("16");
    await page.getByLabel(`Neurons in hidden layer ${n}`).press("Enter");
    await page.waitForFunction((n) => window.backpropLab.lab.neurons(n) === 16, n);
  }
  assert.equal(await page.evaluate(() => window.backpropLab.lab.paramCount), 337);
  // Frames and the check's progress at each: the O(n²) work must be spread over many frames. (How
  // long those frames take is the benchmark's to measure, not a test's: CI may be busy.)
  await page.evaluate(() => {
    window.__frames = [];
    let last = performance.now();
    const tick = (now) => {
      window.__frames.push([now - last, window.backpropLab.check.jobs.length]);
      last = now;
      if (!window.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.getByRole("button", { name: /Gradient check/ }).click();
  await page.waitForFunction(() => window.backpropLab.check.progress > 0 && window.backpropLab.check.progress < 1);
  await shot(page, "check-in-progress");
  await finished(page, 120000);
  const frames = await page.evaluate(() => {
    window.__stop = true;
    return window.__frames.slice(2);
  });
  const working = frames.filter((f) => f[1] > 0).length;
  const gaps = frames.map((f) => f[0]).sort((a, b) => a - b);
  console.log(`# ${gaps.length} frames while checking 337 weights on 100 patterns (${working} with work pending): median ${gaps[gaps.length >> 1].toFixed(1)} ms, max ${gaps.at(-1).toFixed(1)} ms`);
  assert.ok(working >= 20, `the check's work spanned ${working} frames; expected it sliced over many`);
  await shot(page, "check-spiral-done");
  assert.deepEqual(errors, []);
  await context.close();
});
