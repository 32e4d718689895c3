// Nothing a user does breaks the page or loses their work: hostile links, bad files, a bad η,
// divergence and recovery, scrubbing back and resuming, and links that reproduce a setup.
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync, mkdtempSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { useBrowser, openApp, shot, drawn } from "./harness.mjs";

const env = useBrowser();
const state = (page, f) => page.evaluate(f);

test("a hostile hash loads the valid part, says what was ignored, never a blank page", async () => {
  const junk = "x".repeat(1 << 20);
  for (const [name, hash, keep] of [
    ["types", "#dataset=moons&eta=abc&hidden=2&g=tanh,sigmoid&mode=online&zzz=1&speed=1e9&seed=-3&w=1,2,oops", "online"],
    ["huge", `#${junk}`, "batch"],
    ["numbers", "#hidden=999999999999999999999&eta=1e400&seed=99999999999999999999999", "batch"],
  ]) {
    const { page, errors, context } = await openApp(env.browser, env.server.url, { hash });
    assert.equal(await state(page, () => window.backpropLab.lab.mode), keep, name);
    assert.ok(await page.locator("#notice").isVisible(), `${name}: a notice`);
    assert.match(await page.locator("#notice-text").textContent(), /not used/);
    assert.ok(await state(page, () => window.backpropLab.lab.error > 0), "a working network");
    await shot(page, `robust-hash-${name}`);
    assert.deepEqual(errors, [], name);
    await context.close();
  }
});

test("a link reproduces the setup and, with Copy link, the weights", async () => {
  const { page, context } = await openApp(env.browser, env.server.url);
  await page.getByLabel("Dataset").selectOption("circle");
  await page.getByLabel("Seed").fill("42");
  await page.getByLabel("Seed").press("Enter");
  await page.getByRole("button", { name: "Step epoch" }).click();
  await page.locator("#files-menu summary").click(); // the Save & share menu
  await page.getByRole("button", { name: "Copy link" }).click();
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /dataset=circle/);
  assert.match(hash, /seed=42/);
  assert.match(hash, /&w=/);
  const weights = await state(page, () => [1, 2].flatMap((n) => [...window.backpropLab.lab.weights(n)]));
  const other = await openApp(env.browser, env.server.url, { hash });
  assert.equal(await state(other.page, () => window.backpropLab.lab.datasetName), "circle");
  assert.deepEqual(await state(other.page, () => [1, 2].flatMap((n) => [...window.backpropLab.lab.weights(n)])), weights);
  assert.deepEqual(other.errors, []);
  await other.context.close();
  await context.close();
});

test("a bad model file shows the core's reason and leaves the network untouched; a good one opens", async () => {
  const { page, errors, context } = await openApp(env.browser, env.server.url);
  const dir = mkdtempSync(join(tmpdir(), "bpl-"));
  const bad = join(dir, "bad.json");
  writeFileSync(bad, JSON.stringify({ format: "backprop-lab/model@1", inputs: 2, layers: [{ activation: "softmax", weights: [[1, 2]], biases: [0] }] }));
  const before = await state(page, () => window.backpropLab.lab.toModel());
  await page.locator("#model-file").setInputFiles(bad);
  await page.locator("#notice-text").filter({ hasText: "not opened" }).waitFor();
  assert.match(await page.locator("#notice-text").textContent(), /layers\[0\]\.activation: unknown activation "softmax"/);
  assert.equal(await state(page, () => window.backpropLab.lab.toModel()), before, "untouched");
  await shot(page, "robust-bad-file");
  const good = join(dir, "good.json");
  writeFileSync(good, JSON.stringify({
    format: "backprop-lab/model@1", inputs: 2, learning_rate: 0.5,
    layers: [{ activation: "tanh", weights: [[1, -1], [-1, 1], [0.5, 0.5]], biases: [0, 0, 0] }, { activation: "sigmoid", weights: [[1, 1, -1]], biases: [0] }],
    dataset: { inputs: [[0, 0], [0, 1], [1, 0], [1, 1]], targets: [[0], [1], [1], [0]] },
  }));
  await page.locator("#model-file").setInputFiles(good);
  await page.locator("#notice-text").filter({ hasText: "Opened good.json" }).waitFor();
  assert.deepEqual(await state(page, () => [window.backpropLab.lab.neurons(1), window.backpropLab.lab.datasetName, window.backpropLab.lab.learningRate]), [3, "custom", 0.5]);
  await shot(page, "robust-good-file");
  assert.deepEqual(errors, []);
  await context.close();
});

test("divergence pauses with a banner, and Restore last good state works", async () => {
  const { page, errors, context } = await openApp(env.browser, env.server.url, { hash: "#g=linear,linear&eta=50&speed=9" });
  await page.getByRole("button", { name: "Play" }).click();
  await page.getByRole("button", { name: "Restore last good state" }).waitFor({ timeout: 60000 });
  assert.equal(await state(page, () => window.backpropLab.playing), false, "paused");
  assert.match(await page.locator("#notice-text").textContent(), /diverged at epoch \d+ with η = 50/);
  await shot(page, "robust-diverged");
  await page.getByRole("button", { name: "Restore last good state" }).click();
  assert.equal(await state(page, () => window.backpropLab.lab.diverged), false);
  assert.match(await page.locator("#notice-text").textContent(), /Restored epoch \d+/);
  await page.getByLabel("Learning rate η", { exact: true }).fill("0.01");
  await page.getByLabel("Learning rate η", { exact: true }).press("Enter");
  const restored = await state(page, () => window.backpropLab.lab.epoch);
  await page.getByRole("button", { name: "Play" }).click();
  await page.waitForFunction((e) => window.backpropLab.lab.epoch >= e + 200, restored, { timeout: 60000 });
  await page.getByRole("button", { name: "Pause" }).click();
  assert.equal(await state(page, () => window.backpropLab.lab.diverged), false, "trains on after recovery");
  await shot(page, "robust-recovered");
  assert.deepEqual(errors, []);
  await context.close();
});

test("after a divergence no file or link is written that the app cannot read back", async () => {
  const { page, errors, context } = await openApp(env.browser, env.server.url, { hash: "#g=linear,linear&eta=50" });
  // Epoch by epoch up to the first diverged one: E is no longer a number, the weights still are.
  const finite = await state(page, () => {
    const lab = window.backpropLab.lab;
    while (!lab.diverged) lab.train(1);
    window.backpropLab.dirty = true;
    return [...lab.weights(1), ...lab.weights(2)].every(Number.isFinite) && !Number.isFinite(lab.error);
  });
  assert.ok(finite, "finite weights, E not finite");
  const setupHash = await state(page, () => location.hash);
  const refusedWith = async (item) => {
    await page.locator("#files-menu summary").click();
    await page.locator(item).click();
    await page.locator("#notice-text").filter({ hasText: /restore the last good state or reset/ }).waitFor();
    assert.equal(await page.locator("#notice-action").textContent(), "Restore last good state", item);
  };
  let downloads = 0;
  page.on("download", () => downloads++);
  // Where training paused, the weights are still numbers but E is not: a file of them would open on
  // a network that cannot train.
  await refusedWith("#export-model");
  assert.match(await page.locator("#notice-text").textContent(), /^No model file: training diverged \(E = .* at epoch \d+\)/);
  // Stepping on makes every weight NaN: still refused, and the address keeps the setup.
  for (let k = 0; k < 2; k++) await page.getByRole("button", { name: "Step epoch" }).click();
  assert.ok(await state(page, () => [...window.backpropLab.lab.weights(1)].every(Number.isNaN)), "all NaN");
  await refusedWith("#export-model");
  assert.match(await page.locator("#notice-text").textContent(), /^No model file: 9 of the 9 weights/);
  await refusedWith("#copy-link");
  assert.equal(await state(page, () => location.hash), setupHash, "the address keeps the setup");
  await refusedWith("#exercise-sheet");
  assert.equal(context.pages().length, 1, "no sheet opened");
  assert.match(await state(page, () => { try { window.backpropLab.lab.toModel(); return "written"; } catch (e) { return e.message; } }), /no longer finite/);
  // The way out: restore, and the file it then writes opens again.
  await page.locator("#notice-action").click();
  const text = await state(page, () => window.backpropLab.lab.toModel());
  assert.equal(await page.evaluate((t) => { const l = window.backpropLab.wasm.Lab.fromModel(t); const e = l.error; l.free(); return Number.isFinite(e); }, text), true);
  assert.equal(downloads, 0, "nothing was downloaded while refused");
  await shot(page, "robust-diverged-refused");
  assert.deepEqual(errors, []);
  await context.close();
});

test("scrub back through the timeline, step there, and resume", async () => {
  const { page, errors, context } = await openApp(env.browser, env.server.url);
  await page.evaluate(() => window.backpropLab.lab.train(300));
  await page.evaluate(() => { window.backpropLab.dirty = true; });
  await page.waitForFunction(() => window.backpropLab.timeline?.length === 301);
  const at120 = await page.evaluate(() => {
    const lab = window.backpropLab.wasm.Lab.fromSetup("{}");
    lab.train(120);
    const w = [...lab.weights(1), ...lab.weights(2)];
    lab.free();
    return w;
  });
  await page.locator("#scrub").fill("120");
  assert.equal(await state(page, () => window.backpropLab.lab.epoch), 120);
  assert.deepEqual(await state(page, () => [...window.backpropLab.lab.weights(1), ...window.backpropLab.lab.weights(2)]), at120);
  await page.locator("#scrub-label").filter({ hasText: /^epoch 120 of 300$/ }).waitFor(); // drawn on the next frame
  await shot(page, "robust-scrubbed");
  // Phase-level stepping works after a scrub, and steps back exactly.
  await page.getByRole("button", { name: "Next step" }).click();
  await page.getByRole("button", { name: "Previous step" }).click();
  assert.deepEqual(await state(page, () => [...window.backpropLab.lab.weights(1), ...window.backpropLab.lab.weights(2)]), at120);
  await page.locator("#scrub").fill("120");
  await page.getByRole("button", { name: "Resume from here" }).click();
  await page.waitForFunction(() => window.backpropLab.lab.epoch > 130);
  await page.getByRole("button", { name: "Pause" }).click();
  // The old future (epochs 121–300) is gone: the timeline holds every epoch from 0 to now, and no other.
  const { epochs, now } = await state(page, () => ({ epochs: [...window.backpropLab.lab.timelineEpochs()], now: window.backpropLab.lab.epoch }));
  assert.deepEqual(epochs, Array.from({ length: now + 1 }, (_, k) => k), `timeline after resuming at 120, now at ${now}`);
  await shot(page, "robust-resumed");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a model file dropped on the page opens; architecture edits past the limits are refused", async () => {
  const { page, errors, context } = await openApp(env.browser, env.server.url);
  const model = await page.evaluate(() => {
    const lab = window.backpropLab.wasm.Lab.fromSetup('{"hidden": [5], "dataset": "or"}');
    const text = lab.toModel();
    lab.free();
    return text;
  });
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], "dropped.json", { type: "application/json" }));
    document.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, cancelable: true }));
    document.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, cancelable: true }));
  }, model);
  await page.locator("#notice-text").filter({ hasText: "Opened dropped.json" }).waitFor();
  assert.deepEqual(await state(page, () => [window.backpropLab.lab.neurons(1), window.backpropLab.lab.datasetName]), [5, "or"]);
  const field = page.getByLabel("Neurons in hidden layer 1");
  await field.fill("17");
  await field.press("Enter");
  // The core's reason (the one place the limits are kept), and the field back at the size in use.
  await page.locator("#settings-message").filter({ hasText: /a layer has 1 to 16 neurons, got 17/ }).waitFor();
  assert.equal(await state(page, () => window.backpropLab.lab.neurons(1)), 5, "refused, unchanged");
  assert.equal(await field.inputValue(), "5");
  await shot(page, "robust-dropped-and-refused");
  assert.deepEqual(errors, []);
  await context.close();
});
