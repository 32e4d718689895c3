// Stepping through one full batch epoch of XOR phase by phase in the page: the shown numbers equal
// the core's trace, Previous step restores them exactly, η changes reach the very next update, the
// keyboard works, and axe-core finds no accessibility problem. One screenshot per phase.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, appUrl, openApp, shot, drawn, assertAxeClean } from "./harness.mjs";
import { fmt } from "../../www/util.js";

const env = useBrowser();

/** The snapshot the views drew last, with typed arrays as plain arrays and NaN as "NaN". */
const snapshot = (page) =>
  page.evaluate(async () => {
    const st = window.backpropLab;
    while (st.dirty) await new Promise(requestAnimationFrame);
    return JSON.stringify(st.snapshot, (k, v) => (ArrayBuffer.isView(v) ? Array.from(v) : Number.isNaN(v) ? "NaN" : v));
  }).then(JSON.parse);

const formulaResults = (page) => page.$$eval("#formula .res", (r) => r.map((e) => e.textContent));

const EXPECTED_PHASES = [];
for (let mu = 0; mu < 4; mu++) EXPECTED_PHASES.push(["forward", mu, 1], ["forward", mu, 2], ["error", mu, 0], ["backward", mu, 2], ["backward", mu, 1]);
EXPECTED_PHASES.push(["update", -1, 0]);

for (const [size, viewport] of [["desktop", { width: 1366, height: 768 }], ["phone", { width: 390, height: 844 }]]) {
  test(`one batch epoch, phase by phase, shows the trace's numbers (${size})`, async () => {
    const { page, errors, context } = await openApp(env.browser, env.server.url, viewport);
    const trace = await page.evaluate(() => JSON.parse(window.backpropLab.lab.trace()));
    const next = page.getByRole("button", { name: "Next step" });
    for (const [k, [kind, mu, n]] of EXPECTED_PHASES.entries()) {
      await next.click();
      const s = await snapshot(page);
      assert.deepEqual([s.phase.kind, s.phase.mu, s.phase.n], [kind, mu, n], `phase ${k + 1}`);
      const phaseText = await page.locator("#phase").textContent();
      assert.ok(phaseText.length > 20, "the phase is named in words");
      if (kind === "backward") {
        // The δ of layer n the page shows equals the core's trace, and the formula panel prints it.
        assert.deepEqual(s.delta[n], trace.patterns[mu].delta[n - 1], `δ^(${n}) of μ = ${mu + 1}`);
        const results = await formulaResults(page);
        assert.equal(results.at(-1), fmt(trace.patterns[mu].delta[n - 1][0], 4), "δ in the formula panel");
      }
      if (kind === "forward") {
        assert.deepEqual(s.a[n], trace.patterns[mu].a[n - 1]);
        assert.deepEqual(s.x[n], trace.patterns[mu].x[n - 1]);
      }
      if (kind === "error") assert.equal(s.errors[mu], trace.patterns[mu].E);
      if (kind === "update") {
        const flat = (g) => [...g.weights.flat(), ...g.biases];
        assert.deepEqual(s.grad[2], flat(trace.gradient[1]), "∂E/∂w summed over the four patterns");
        assert.deepEqual(s.deltaW[2], flat(trace.gradient[1]).map((g) => -2 * g), "Δw = −η ∂E/∂w");
      }
      const name = `step-${size}-${String(k + 1).padStart(2, "0")}-${kind}${mu >= 0 ? `-mu${mu + 1}` : ""}${n ? `-n${n}` : ""}`;
      await shot(page, name);
    }
    assert.equal(await page.locator("#epoch").textContent(), "1");
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test("Previous step restores the exact earlier numbers", async () => {
  const { page, errors, context } = await openApp(env.browser, env.server.url);
  const seen = [];
  for (let k = 0; k < 12; k++) {
    await page.keyboard.press("ArrowRight");
    seen.push({ s: await snapshot(page), formula: await page.locator("#formula").textContent() });
  }
  for (let k = 10; k >= 0; k--) {
    await page.getByRole("button", { name: "Previous step" }).click();
    const s = await snapshot(page);
    assert.deepEqual(s, seen[k].s, `back to step ${k + 1}`);
    assert.equal(await page.locator("#formula").textContent(), seen[k].formula);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test("a new η reaches the very next update and the formulas show it", async () => {
  const { page, errors, context } = await openApp(env.browser, env.server.url);
  for (let k = 0; k < 20; k++) await page.keyboard.press("ArrowRight");
  const field = page.getByLabel("Learning rate η", { exact: true });
  await field.fill("0.25");
  await field.press("Enter");
  await page.getByRole("button", { name: "Next step" }).click();
  const s = await snapshot(page);
  assert.equal(s.phase.kind, "update");
  assert.equal(s.stepEta, 0.25);
  assert.match(await page.locator("#formula").textContent(), /−0\.2500 ·/);
  await shot(page, "step-new-eta-update");
  assert.deepEqual(errors, []);
  await context.close();
});

test("keyboard: Space plays and pauses, arrows step, R resets, ? opens help", async () => {
  const { page, errors, context } = await openApp(env.browser, env.server.url);
  await page.keyboard.press("Space");
  await page.getByRole("button", { name: "Pause" }).waitFor();
  await page.waitForFunction(() => window.backpropLab.lab.epoch > 20);
  await page.keyboard.press("Space");
  await page.getByRole("button", { name: "Play" }).waitFor();
  await page.keyboard.press("r");
  assert.equal((await snapshot(page)).epoch, 0);
  await page.keyboard.press("ArrowRight");
  assert.equal((await snapshot(page)).phase.kind, "forward");
  await page.keyboard.press("ArrowLeft");
  assert.equal((await snapshot(page)).phase.kind, "ready");
  await page.keyboard.press("?");
  await page.getByRole("dialog", { name: "Keyboard shortcuts" }).waitFor();
  await shot(page, "help-overlay");
  assert.deepEqual(errors, []);
  await context.close();
});

test("axe-core finds no accessibility violation, minor ones included", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const context = await env.browser.newContext({ viewport: { width: 1366, height: 768 }, colorScheme, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(appUrl(env.server.url));
    await page.waitForFunction(() => window.backpropLab?.snapshot);
    await page.keyboard.press("ArrowRight");
    await drawn(page); // check the page as it shows the step
    const check = (view) => assertAxeClean(page, `${colorScheme}, ${view}`);
    await check("stepping");
    await page.getByRole("button", { name: /Gradient check/ }).click();
    await page.waitForFunction(() => window.backpropLab.check.table);
    await drawn(page);
    await check("gradient check");
    await context.close();
  }
});
