// The page without dead ends or surprises, one test per kind of fault: no dead end (Reset after an import, a custom data set
// re-seeded and carried in links, E = ∞ from the start, a failed restore), no silent change (an empty seed), shown
// rightly (any number of inputs and outputs, NaN and ∞ as such), and the small ones (shortcuts
// while a control has the focus, editing the address). Every read waits for the frame that draws it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openApp, shot } from "./harness.mjs";

const env = useBrowser();
const lab = (page, f) => page.evaluate(f);
const noticeText = (page) => page.locator("#notice-text").textContent();

/** A model file v1 with `sizes` layers of `acts` over an inline data set (weights from a small LCG). */
const model = (inputs, sizes, acts, dataset) => {
  let s = 12345;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
  return JSON.stringify({
    format: "backprop-lab/model@1", inputs, learning_rate: 0.5,
    layers: sizes.map((m, k) => ({
      activation: acts[k],
      weights: Array.from({ length: m }, () => Array.from({ length: k ? sizes[k - 1] : inputs }, rnd)),
      biases: Array.from({ length: m }, () => 0.1 * rnd()),
    })),
    dataset,
  });
};
const bits = (k, n) => Array.from({ length: n }, (_, b) => (k >> b) & 1);
const XS = [-2, -1, 0, 1, 2];
const ONE_INPUT = model(1, [3, 1], ["tanh", "sigmoid"], { inputs: XS.map((x) => [x]), targets: XS.map((x) => [Math.abs(x) < 1.5 ? 1 : 0]) });
const THREE_INPUTS = model(3, [4, 1], ["tanh", "sigmoid"], {
  inputs: Array.from({ length: 8 }, (_, k) => bits(k, 3)),
  targets: Array.from({ length: 8 }, (_, k) => [bits(k, 3).reduce((a, b) => a ^ b, 0)]),
});
const XOR = [[0, 0], [0, 1], [1, 0], [1, 1]];
const SIXTEEN_OUT = model(2, [4, 16], ["tanh", "sigmoid"], { inputs: XOR, targets: XOR.map(([a, b], m) => Array.from({ length: 16 }, (_, i) => ((a ^ b) + i + m) % 2)) });
const INFINITE = model(2, [2, 1], ["linear", "linear"], { inputs: [[1e300, 1e300], [-1e300, 1e300]], targets: [[1e300], [-1e300]] });

/** Drops a model file on the page and waits until it is open. */
const drop = async (page, text, name) => {
  await page.evaluate(([text, name]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], name, { type: "application/json" }));
    document.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, cancelable: true }));
  }, [text, name]);
  await page.locator("#notice-text").filter({ hasText: name }).waitFor();
};

/** Waits until the next frames have drawn everything the last action changed. */
const drawn = (page) => page.waitForFunction(() => !window.backpropLab.dirty);

test("shortcuts do not fire while a slider, checkbox or field has the focus", async () => {
  const { page, context, errors } = await openApp(env.browser, env.server.url);
  await page.locator("#eta-slider").focus();
  await page.keyboard.press("Space");
  await page.locator("#log-scale").focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("r");
  await page.getByLabel("Seed").focus();
  await page.keyboard.press("ArrowRight");
  await drawn(page);
  assert.equal(await lab(page, () => window.backpropLab.playing), false, "Space on a slider does not play");
  assert.equal(await lab(page, () => window.backpropLab.lab.phaseKind), "ready", "→ in a field does not step");
  await page.locator("#tab-step").focus();
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction(() => window.backpropLab.lab.phaseKind === "forward"); // but on a button it does
  assert.deepEqual(errors, []);
  await context.close();
});

test("an empty or invalid seed is refused next to the field and changes nothing", async () => {
  const { page, context, errors } = await openApp(env.browser, env.server.url);
  await lab(page, () => window.backpropLab.lab.train(50));
  const seed = page.getByLabel("Seed");
  for (const [typed, says] of [["", /empty/], ["abc", /not a whole number/], ["-4", /not a whole number/]]) {
    await seed.fill(typed);
    await seed.press("Enter");
    await page.locator("#seed-message").filter({ hasText: says }).waitFor();
    assert.deepEqual(await lab(page, () => [window.backpropLab.lab.seed, window.backpropLab.lab.epoch]), [7, 50], `“${typed}” changed nothing`);
  }
  await seed.fill("11");
  await seed.press("Enter");
  await page.waitForFunction(() => window.backpropLab.lab.seed === 11 && /seed=11/.test(location.hash));
  assert.equal(await page.locator("#seed-message").textContent(), "");
  assert.deepEqual(errors, []);
  await context.close();
});

test("after importing a model: Reset returns to its own weights, a new seed keeps its data, links carry it", async () => {
  const { page, context, errors } = await openApp(env.browser, env.server.url);
  await drop(page, THREE_INPUTS, "parity3.json");
  await page.waitForFunction(() => /[#&]data=/.test(location.hash)); // the address carries a file's data set too
  const w0 = await lab(page, () => [...window.backpropLab.lab.weights(1)]);
  await lab(page, () => window.backpropLab.lab.train(100));
  await page.getByRole("button", { name: "Reset" }).click();
  await page.waitForFunction(() => window.backpropLab.lab.epoch === 0);
  assert.deepEqual(await lab(page, () => [...window.backpropLab.lab.weights(1)]), w0, "the file's weights, not the seed's");
  await page.getByLabel("Seed").fill("3");
  await page.getByLabel("Seed").press("Enter");
  await page.waitForFunction(() => window.backpropLab.lab.seed === 3);
  assert.deepEqual(await lab(page, () => [window.backpropLab.lab.datasetName, window.backpropLab.lab.neurons(0)]), ["custom", 3]);
  await page.locator("#files-menu summary").click();
  await page.getByRole("button", { name: "Copy link" }).click();
  await page.waitForFunction(() => /[#&]data=/.test(location.hash) && /&w=/.test(location.hash));
  assert.deepEqual(errors, []);
  await context.close();
});

test("E = ∞ from the start says why and offers a way out; a blow-up in the first epoch restores epoch 0", async () => {
  const { page, context, errors } = await openApp(env.browser, env.server.url);
  await drop(page, INFINITE, "infinite.json");
  const out = page.getByRole("button", { name: "Open XOR (the lecture)" });
  await out.waitFor();
  assert.match(await noticeText(page), /∞/);
  await shot(page, "hardening-infinite");
  await page.getByRole("button", { name: "Play" }).click();
  await drawn(page);
  assert.equal(await lab(page, () => window.backpropLab.lab.epoch), 0, "Play does not train into NaN");
  assert.match(await noticeText(page), /∞/, "and says why again");
  await out.click();
  await page.waitForFunction(() => window.backpropLab.lab.datasetName === "xor" && !window.backpropLab.lab.diverged);
  // Diverge in the very first epoch: epoch 0 is the only finite state kept.
  await page.evaluate(() => { location.hash = "#g=linear,linear&eta=1e300&speed=5"; });
  await page.waitForFunction(() => window.backpropLab.lab.learningRate === 1e300);
  await page.getByRole("button", { name: "Play" }).click();
  const restore = page.getByRole("button", { name: "Restore last good state" });
  await restore.waitFor({ timeout: 20000 });
  await restore.click();
  await page.locator("#notice-text").filter({ hasText: /Restored epoch 0\b/ }).waitFor();
  assert.deepEqual(await lab(page, () => [window.backpropLab.lab.epoch, Number.isFinite(window.backpropLab.lab.error)]), [0, true]);
  assert.deepEqual(errors, []);
  await context.close();
});

test("editing the address applies it and says what it ignored", async () => {
  const { page, context, errors } = await openApp(env.browser, env.server.url);
  await page.evaluate(() => { location.hash = "#dataset=circle&hidden=3&zzz=1"; });
  await page.waitForFunction(() => window.backpropLab.lab.datasetName === "circle" && window.backpropLab.lab.neurons(1) === 3);
  await page.locator("#notice-text").filter({ hasText: /not used.*zzz/ }).waitFor();
  await page.waitForFunction(() => document.querySelector("#dataset").value === "circle");
  assert.deepEqual(errors, []);
  await context.close();
});

test("any shape is shown rightly: one input, three inputs, sixteen outputs", async () => {
  const { page, context, errors } = await openApp(env.browser, env.server.url, { width: 390, height: 844 });
  // One input: the table has one x column holding each pattern's own x₁, and ŷ is drawn over x₁.
  await drop(page, ONE_INPUT, "one-input.json");
  await drawn(page);
  const rows = await page.locator("#patterns tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.querySelector("input")?.value ?? c.textContent)));
  assert.equal(rows.length, XS.length);
  rows.forEach((cells, mu) => assert.equal(cells[1].replace("−", "-"), String(XS[mu]), `row ${mu + 1}: x₁ of pattern ${mu + 1}`));
  const head = await page.locator("#patterns thead th").allTextContents();
  assert.ok(!head.some((h) => /x.?2/.test(h.replace(/\s/g, ""))), `no x₂ column: ${head}`);
  assert.match(await page.locator("#boundary-title").textContent(), /against x/);
  assert.ok(await page.locator("#boundary").isVisible(), "ŷ is drawn against x₁");
  await shot(page, "hardening-one-input-phone");
  // Three inputs: a readable, wrapped note instead of a clipped canvas message.
  await drop(page, THREE_INPUTS, "three.json");
  await drawn(page);
  const note = page.locator("#boundary-note");
  assert.ok(await note.isVisible());
  assert.match(await note.textContent(), /2 inputs.*3/);
  const box = await note.boundingBox();
  const panel = await note.evaluate((n) => n.parentElement.getBoundingClientRect().width);
  assert.ok(box.width <= panel + 1, "the note fits its panel");
  // Sixteen outputs, on a phone, stepping (numbers on neurons and edges): no two labels overlap.
  await drop(page, SIXTEEN_OUT, "out16.json");
  for (let k = 0; k < 5; k++) await page.getByRole("button", { name: "Next step" }).click();
  await drawn(page);
  assert.equal(await lab(page, () => window.backpropLab.lab.neurons(2)), 16);
  const boxes = await lab(page, () => window.backpropLab.layout.labels);
  assert.ok(boxes.length >= 16, `${boxes.length} labels`);
  const overlap = (a, b) => a.x0 < b.x1 - 0.5 && b.x0 < a.x1 - 0.5 && a.y0 < b.y1 - 0.5 && b.y0 < a.y1 - 0.5;
  boxes.forEach((a, k) => boxes.slice(k + 1).forEach((b) => assert.ok(!overlap(a, b), `labels overlap: ${JSON.stringify([a, b])}`)));
  await shot(page, "hardening-sixteen-outputs-phone");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a computed NaN or ∞ is shown as such; · only means not computed yet", async () => {
  const { page, context, errors } = await openApp(env.browser, env.server.url);
  await page.getByRole("button", { name: "Next step" }).click();
  await drawn(page);
  const table = () => page.locator("#patterns tbody tr").first().evaluate((tr) => tr.textContent);
  assert.match(await table(), /·/, "Ẽ(μ) not computed yet after the first forward layer");
  await drop(page, INFINITE, "infinite.json");
  await drawn(page);
  const text = await page.locator("#patterns").textContent();
  assert.match(text, /∞/, "E = ∞ shown as ∞");
  assert.doesNotMatch(await page.locator("#formula").textContent(), /not computed yet/, "a computed ∞ is not 'not computed yet'");
  assert.deepEqual(errors, []);
  await context.close();
});
