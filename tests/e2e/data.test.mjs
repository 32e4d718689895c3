// Your own data in the page: points drawn on the plot by clicking and by tapping, the
// table's editable cells, flip and remove buttons, XOR flipped to OR and learnt without a hidden
// layer, CSV in (file picker, drop, paste) and out byte for byte, a bad CSV refused with its line
// and column, undo and redo, a link that reproduces drawn data, and axe-core clean in edit mode.
// Every read waits for a condition (the frame that draws it), never for a time.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { useBrowser, appUrl, openApp, shot, drawn, ROOT, assertAxeClean } from "./harness.mjs";

const env = useBrowser();
const dir = mkdtempSync(join(tmpdir(), "bpl-data-"));
const lab = (page, f, arg) => page.evaluate(f, arg);
const count = (page) => lab(page, () => window.backpropLab.lab.patternCount);
const data = (page) => lab(page, () => ({ x: [...window.backpropLab.lab.patternInputs()], t: [...window.backpropLab.lab.patternTargets()] }));
const rows = (page) => page.locator("#patterns tbody tr").count();
const tableE = (page) => page.locator("#table-e").textContent();
const noticeText = (page) => page.locator("#notice-text").textContent();

/** Where plot point (x1, x2) is on the screen, through the mapping the plot was last drawn with. */
const onPlot = async (page, x1, x2) => {
  await page.locator("#boundary").scrollIntoViewIfNeeded();
  await drawn(page);
  return lab(page, ([x1, x2]) => {
    const m = window.backpropLab.plotMap;
    const r = document.getElementById("boundary").getBoundingClientRect();
    return [
      r.left + m.box.x + ((x1 - m.x[0]) / (m.x[1] - m.x[0])) * m.box.w,
      r.top + m.box.y + ((m.y[1] - x2) / (m.y[1] - m.y[0])) * m.box.h,
    ];
  }, [x1, x2]);
};

/** Clicks plot point (x1, x2) and waits until the data has `expect` patterns. */
const clickPlot = async (page, x1, x2, expect) => {
  const [x, y] = await onPlot(page, x1, x2);
  await page.mouse.click(x, y);
  await page.waitForFunction((n) => window.backpropLab.lab.patternCount === n, expect);
  await drawn(page);
};

/** Pattern μ's inputs as [x1, x2]. */
const point = (d, mu) => [d.x[2 * mu], d.x[2 * mu + 1]];
/** Whether two points are within `tol` of each other in both coordinates (drawn points are rounded to the view). */
const near = ([a, b], [c, d], tol = 0.02) => Math.abs(a - c) <= tol && Math.abs(b - d) <= tol;

test("points drawn by clicking join the table and E; a click removes one, a drag moves one (one undo step)", async () => {
  const { page, errors, context } = await openApp(env.browser, env.server.url);
  const e0 = await tableE(page);
  await page.getByRole("button", { name: "Edit data" }).click();
  assert.equal(await page.getByRole("button", { name: "Edit data" }).getAttribute("aria-pressed"), "true");
  await page.getByRole("combobox", { name: "New point target" }).selectOption("1");
  await page.locator("#edit-hint").filter({ hasText: /Click to add a point with t = 1; drag a point to move it; click a point to remove it/ }).waitFor();
  const wanted = [[0.5, 0.5], [0.25, 0.8], [0.8, 0.2]];
  for (const [k, [x1, x2]] of wanted.entries()) await clickPlot(page, x1, x2, 5 + k);
  assert.equal(await rows(page), 7, "the table has a row per pattern");
  const d = await data(page);
  wanted.forEach((p, k) => assert.ok(near(point(d, 4 + k), p), `pattern ${5 + k} at ${point(d, 4 + k)}, clicked at ${p}`));
  assert.deepEqual(d.t.slice(4), [1, 1, 1], "the chosen target");
  assert.notEqual(await tableE(page), e0, "E follows the data");
  assert.equal(await lab(page, () => window.backpropLab.lab.datasetName), "custom");
  assert.equal(await page.getByLabel("Dataset").inputValue(), "custom");
  await shot(page, "data-edit-desktop");
  // A click on a pattern removes it.
  await clickPlot(page, 0.5, 0.5, 6);
  assert.equal(await rows(page), 6);
  // A drag moves one, and one Undo edit puts it back where it was.
  const [fx, fy] = await onPlot(page, 0.25, 0.8);
  const [tx, ty] = await onPlot(page, 0.4, 0.35);
  await page.mouse.move(fx, fy);
  await page.mouse.down();
  for (let k = 1; k <= 8; k++) await page.mouse.move(fx + ((tx - fx) * k) / 8, fy + ((ty - fy) * k) / 8);
  await page.mouse.up();
  await drawn(page);
  const moved = await data(page);
  assert.equal(moved.x.length, 12, "a drag adds nothing");
  assert.ok(near(point(moved, 4), [0.4, 0.35], 0.03), `moved to ${point(moved, 4)}`);
  await page.getByRole("button", { name: "Undo edit" }).click();
  await drawn(page);
  assert.ok(near(point(await data(page), 4), [0.25, 0.8]), "the whole drag is one undo step");
  // Delete on the focused plot removes the ringed pattern μ.
  const mu = await lab(page, () => window.backpropLab.mu);
  const gone = point(await data(page), mu);
  await page.locator("#boundary").focus();
  await page.keyboard.press("Delete");
  await page.waitForFunction(() => window.backpropLab.lab.patternCount === 5);
  const left = await data(page);
  assert.ok(!Array.from({ length: 5 }, (_, m) => point(left, m)).some((p) => p[0] === gone[0] && p[1] === gone[1]), `pattern ${mu + 1} removed`);
  assert.deepEqual(errors, []);
  await context.close();
});

test("flipping XOR's pattern 4 names OR; without a hidden layer it trains to a solution", async () => {
  const { page, errors, context } = await openApp(env.browser, env.server.url);
  const flip = page.getByRole("button", { name: "flip t of pattern 4" });
  const match = page.locator("#data-match");
  await flip.click();
  await match.filter({ hasText: /This data is now OR/ }).waitFor();
  assert.equal(JSON.parse(await lab(page, () => window.backpropLab.lab.dataInfo())).separable, true);
  assert.equal(await match.textContent(), "This data is now OR — linearly separable: try a network with no hidden layer.");
  assert.deepEqual((await data(page)).t, [0, 1, 1, 1]);
  assert.equal(await page.getByRole("textbox", { name: "t of pattern 4" }).inputValue(), "1");
  // Flipped back it is the lecture's XOR again, which no straight line separates.
  await flip.click();
  await match.filter({ hasText: /^This data is now XOR \(the lecture\)\.$/ }).waitFor();
  await flip.click();
  await match.filter({ hasText: /This data is now OR — linearly separable/ }).waitFor();
  await page.getByRole("button", { name: "Remove hidden layer" }).click();
  await page.waitForFunction(() => window.backpropLab.lab.depth === 1);
  await match.filter({ hasText: /^This data is now OR — linearly separable, so this network without a hidden layer can learn it\.$/ }).waitFor();
  assert.deepEqual((await data(page)).t, [0, 1, 1, 1], "a new architecture keeps the data");
  assert.equal(await page.getByLabel("Dataset").inputValue(), "or", "the data set menu names it too");
  await page.getByRole("button", { name: "Play" }).click();
  await page.waitForFunction(() => {
    const lab = window.backpropLab.lab;
    const t = lab.patternTargets();
    return Array.from(t).every((t, mu) => lab.x(mu, lab.depth)[0] > 0.5 === t > 0.5);
  }, null, { timeout: 60000 });
  await page.getByRole("button", { name: "Pause" }).click();
  await drawn(page);
  const y = await page.$$eval("#patterns tbody tr", (trs) => trs.map((tr) => Number(tr.cells[4].textContent)));
  assert.deepEqual(y.map((v) => v > 0.5), [false, true, true, true], `ŷ = ${y}`);
  await shot(page, "data-or-no-hidden-layer");
  // Training goes on across an edit, on the new data: while playing, pattern 1 flips to t = 1 and
  // the same network (no new Lab) learns ŷ > 0.5 everywhere.
  const labId = await page.evaluate(() => window.backpropLab.labId);
  await page.getByRole("button", { name: "Play" }).click();
  await page.getByRole("button", { name: "flip t of pattern 1" }).click();
  await page.waitForFunction(() => {
    const lab = window.backpropLab.lab;
    return [0, 1, 2, 3].every((mu) => lab.x(mu, lab.depth)[0] > 0.5);
  }, null, { timeout: 60000 });
  await page.getByRole("button", { name: "Pause" }).click();
  assert.equal(await page.evaluate(() => window.backpropLab.labId), labId, "the same Lab trained on");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a CSV imported through the file picker exports byte for byte; a bad one says where and changes nothing", async () => {
  const { page, errors, context } = await openApp(env.browser, env.server.url);
  const good = join(dir, "points.csv");
  const csv = "x1,x2,t1\n0,0,1\n0.5,-1.25,0\n2,3,1\n-0.75,1,0\n1,1,1\n";
  writeFileSync(good, csv);
  await page.locator("#data-file").setInputFiles(good);
  await page.locator("#notice-text").filter({ hasText: /Imported 5 patterns from points\.csv/ }).waitFor();
  await drawn(page);
  assert.equal(await rows(page), 5);
  await page.locator("#files-menu summary").click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export data (CSV)" }).click()]);
  assert.equal(download.suggestedFilename(), "backprop-lab-data.csv");
  assert.equal(readFileSync(await download.path(), "utf8"), csv, "exported bytes equal the imported file");
  // A bad CSV: the line and column of the first problem, and the data as it was.
  const e = await tableE(page);
  const before = await data(page);
  const bad = join(dir, "bad.csv");
  writeFileSync(bad, "x1,x2,t1\n0,0,0\n1,abc,1\n");
  await page.locator("#data-file").setInputFiles(bad);
  await page.locator("#notice-text").filter({ hasText: /Nothing was imported from bad\.csv; the data is unchanged/ }).waitFor();
  assert.match(await noticeText(page), /line 3, column 2/);
  await drawn(page);
  assert.deepEqual(await data(page), before, "the data is unchanged");
  assert.equal(await rows(page), 5);
  assert.equal(await tableE(page), e);
  await shot(page, "data-bad-csv");
  // A file over the core's size limit is refused before it is read.
  const huge = join(dir, "huge.csv");
  writeFileSync(huge, `x1,x2,t1\n${"0,0,0\n".repeat(200000)}`);
  await page.locator("#data-file").setInputFiles(huge);
  await page.locator("#notice-text").filter({ hasText: /Nothing was imported from huge\.csv; the data is unchanged: the data is [0-9.]+ MB, more than the 1 MB a data set may be/ }).waitFor();
  assert.deepEqual(await data(page), before);
  // A CSV dropped on the page is read as data; a .json still opens as a model.
  await lab(page, () => {
    const dt = new DataTransfer();
    dt.items.add(new File(["x1,x2,t1\n0,0,0\n1,0,1\n"], "dropped.csv", { type: "text/csv" }));
    document.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, cancelable: true }));
  });
  await page.locator("#notice-text").filter({ hasText: /Imported 2 patterns from dropped\.csv/ }).waitFor();
  // Cells pasted into the table replace the data (spreadsheet columns: tabs, no header).
  await page.locator("#patterns tbody tr").first().focus();
  await lab(page, () => {
    const dt = new DataTransfer();
    dt.setData("text/plain", "0\t0\t1\n0\t1\t0\n1\t0\t0\n");
    document.querySelector("#patterns tbody tr").dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  await page.locator("#notice-text").filter({ hasText: /Imported 3 patterns from the pasted cells/ }).waitFor();
  assert.deepEqual(await data(page), { x: [0, 0, 0, 1, 1, 0], t: [1, 0, 0] });
  assert.deepEqual(errors, []);
  await context.close();
});

test("the table edits the data by keyboard: cells, Delete, Add pattern; undo and redo by buttons and keys", async () => {
  const { page, errors, context } = await openApp(env.browser, env.server.url);
  const undo = page.getByRole("button", { name: "Undo edit" });
  const redo = page.getByRole("button", { name: "Redo edit" });
  assert.ok(await undo.isDisabled(), "nothing to undo yet");
  const cell = page.getByRole("textbox", { name: "x1 of pattern 2" });
  await cell.fill("0,5");
  await cell.press("Enter");
  await page.waitForFunction(() => window.backpropLab.lab.patternInputs()[2] === 0.5);
  await cell.fill("abc");
  await cell.press("Enter");
  await page.locator("#table-message").filter({ hasText: /x1 of pattern 2: .*abc.*It stays 0\.5/ }).waitFor();
  assert.equal(await cell.inputValue(), "0.5", "the refused text is put back");
  assert.equal((await data(page)).x[2], 0.5);
  // Delete on a focused row removes its pattern; Add pattern adds one and focuses its first cell.
  await page.locator("#patterns tbody tr").first().focus();
  await page.keyboard.press("Delete");
  await page.waitForFunction(() => window.backpropLab.lab.patternCount === 3);
  await page.getByRole("button", { name: "Add pattern" }).click();
  await page.waitForFunction(() => window.backpropLab.lab.patternCount === 4);
  const added = page.getByRole("textbox", { name: "x1 of pattern 4" });
  await page.waitForFunction(() => document.activeElement?.getAttribute("aria-label") === "x1 of pattern 4");
  // Ctrl+Z in a text field is the field's own undo, not a data edit.
  await added.press("Control+z");
  assert.equal(await count(page), 4);
  // Elsewhere it undoes the last data edit; Ctrl+Shift+Z and Ctrl+Y redo.
  await page.locator("#patterns tbody tr").first().focus();
  await page.keyboard.press("Control+z");
  await page.waitForFunction(() => window.backpropLab.lab.patternCount === 3);
  await page.keyboard.press("Control+Shift+Z");
  await page.waitForFunction(() => window.backpropLab.lab.patternCount === 4);
  await page.keyboard.press("Control+z");
  await page.waitForFunction(() => window.backpropLab.lab.patternCount === 3);
  await page.keyboard.press("Control+y");
  await page.waitForFunction(() => window.backpropLab.lab.patternCount === 4);
  // The buttons: back to XOR's four patterns as they were, and forward again.
  await undo.click();
  await undo.click();
  await undo.click();
  await page.waitForFunction(() => window.backpropLab.lab.patternCount === 4 && window.backpropLab.lab.patternInputs()[2] === 0);
  await drawn(page);
  assert.ok(await undo.isDisabled(), "all undone");
  assert.equal(await page.getByLabel("Dataset").inputValue(), "xor", "XOR again");
  await redo.click();
  await page.waitForFunction(() => window.backpropLab.lab.patternInputs()[2] === 0.5);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a link with drawn data reproduces it in a new page", async () => {
  const { page, errors, context } = await openApp(env.browser, env.server.url);
  await page.getByRole("button", { name: "Edit data" }).click();
  await clickPlot(page, 0.3, 0.6, 5);
  await page.getByRole("combobox", { name: "New point target" }).selectOption("0");
  await clickPlot(page, 0.7, 0.45, 6);
  await page.locator("#files-menu summary").click();
  await page.getByRole("button", { name: "Copy link" }).click();
  await page.waitForFunction(() => /&w=/.test(location.hash));
  const hash = await lab(page, () => location.hash);
  const want = await data(page);
  const other = await openApp(env.browser, env.server.url, { hash });
  assert.deepEqual(await data(other.page), want, "the same patterns");
  assert.equal(await lab(other.page, () => window.backpropLab.lab.datasetName), "custom");
  assert.deepEqual(other.errors, []);
  await other.context.close();
  // Data too big for a link: the reason, and the model file offered instead.
  const big = join(dir, "eight-inputs.csv");
  let csv = "x1,x2,x3,x4,x5,x6,x7,x8,t1\n";
  for (let k = 0; k < 1000; k++) csv += `${Array.from({ length: 8 }, (_, j) => Math.sin(k * 8 + j + 1) / 3).join(",")},${k % 2}\n`;
  writeFileSync(big, csv);
  await page.locator("#data-file").setInputFiles(big);
  await page.locator("#notice-text").filter({ hasText: /Imported 1000 patterns/ }).waitFor();
  await page.locator("#edit-hint").filter({ hasText: /needs 1 or 2 inputs; this data has 8/ }).waitFor();
  await page.locator("#files-menu summary").click();
  await page.getByRole("button", { name: "Copy link" }).click();
  await page.locator("#notice-text").filter({ hasText: /^No link: the data \(1000 patterns\) makes the link \d+ KB long, more than a link can carry/ }).waitFor();
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#notice").getByRole("button", { name: "Export model" }).click()]);
  assert.equal(download.suggestedFilename(), "backprop-lab-model.json");
  await shot(page, "data-too-big-for-link");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a tap on a touch screen adds a point (phone width)", async () => {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(appUrl(env.server.url));
  await page.waitForFunction(() => window.backpropLab?.snapshot);
  await page.getByRole("button", { name: "Edit data" }).tap();
  await page.locator("#edit-hint").filter({ hasText: /^Tap to add a point/ }).waitFor();
  const [x, y] = await onPlot(page, 0.5, 0.5);
  await page.touchscreen.tap(x, y);
  await page.waitForFunction(() => window.backpropLab.lab.patternCount === 5);
  assert.ok(near(point(await data(page), 4), [0.5, 0.5]));
  await drawn(page);
  const overflow = await lab(page, () => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  await page.locator("#boundary").scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ROOT, "tests", "screenshots", "data-edit-phone.png") });
  await shot(page, "data-edit-phone-full");
  assert.deepEqual(errors, []);
  await context.close();
});

/** The Lab's setup: hidden sizes and activations, η, mode, seed. */
const setupOf = (page) =>
  lab(page, () => {
    const l = window.backpropLab.lab;
    const hidden = [];
    const activations = [];
    for (let n = 1; n <= l.depth; n++) {
      if (n < l.depth) hidden.push(l.neurons(n));
      activations.push(l.activation(n));
    }
    return { hidden, activations, eta: l.learningRate, mode: l.mode, seed: l.seed, P: l.patternCount };
  });

/** Asserts that the settings bar shows the Lab's setup `want`. */
const controlsShow = async (page, want) => {
  assert.equal(Number(await page.getByLabel("Learning rate η", { exact: true }).inputValue()).toPrecision(3), want.eta.toPrecision(3), "η field");
  assert.equal(Number((10 ** Number(await page.getByLabel("Learning rate η (log slider)").inputValue())).toPrecision(3)), Number(want.eta.toPrecision(3)), "η slider");
  assert.equal(await page.getByLabel("Mode", { exact: true }).inputValue(), want.mode);
  assert.equal(await page.getByLabel("Seed").inputValue(), String(want.seed));
  assert.equal(await page.locator("#architecture .layer").count(), want.hidden.length, "hidden layers");
  for (const [k, m] of want.hidden.entries()) {
    assert.equal(await page.getByLabel(`Neurons in hidden layer ${k + 1}`).inputValue(), String(m));
    assert.equal(await page.getByLabel(`Activation of hidden layer ${k + 1}`).inputValue(), want.activations[k]);
  }
  assert.equal(await page.getByLabel("Activation of the output layer").inputValue(), want.activations.at(-1));
};

/** Whether every pattern is on the right side of ½. */
const allRight = () => {
  const lab = window.backpropLab.lab;
  const K = lab.neurons(lab.depth);
  const t = lab.patternTargets();
  for (let mu = 0; mu < lab.patternCount; mu++) {
    const y = lab.x(mu, lab.depth);
    for (let i = 0; i < K; i++) if (y[i] > 0.5 !== t[mu * K + i] > 0.5) return false;
  }
  return true;
};

test("picking circle opens it with its defaults, the controls show them, and playing solves it", async () => {
  const { page, errors, context } = await openApp(env.browser, env.server.url, { height: 900 });
  const xor = await setupOf(page);
  await page.getByLabel("Dataset").selectOption("circle");
  await page.waitForFunction(() => window.backpropLab.lab.datasetName === "circle");
  await drawn(page);
  const circle = await setupOf(page);
  // The core's defaults for the circle (src/advice.rs): a tanh hidden layer of 4 and η = 0.1, not XOR's 2-2-1 at η = 2.
  assert.deepEqual({ hidden: circle.hidden, activations: circle.activations, eta: circle.eta }, { hidden: [4], activations: ["tanh", "sigmoid"], eta: 0.1 });
  assert.notDeepEqual({ hidden: circle.hidden, eta: circle.eta }, { hidden: xor.hidden, eta: xor.eta });
  await controlsShow(page, circle);
  // The η line: the scaling for P = 100, and no suggestion (the defaults suit the data).
  await page.locator("#eta-scaling").filter({ hasText: new RegExp(`P = ${circle.P} patterns`) }).waitFor();
  assert.ok(await page.locator("#eta-suggest").isHidden(), "no η advice at the data set's own η");
  assert.ok(await page.locator("#data-match").isHidden(), "a set picked from the menu is not 'now' that set");
  await page.getByRole("button", { name: "Play" }).click();
  await page.waitForFunction(allRight, null, { timeout: 180000, polling: 200 });
  await page.getByRole("button", { name: "Pause" }).click();
  await drawn(page);
  assert.ok(await lab(page, allRight), "every pattern on the right side of ½");
  assert.deepEqual(errors, []);
  await context.close();
});

test("η = 2 on the circle: the page says it is too large, and one click applies the suggestion", async () => {
  for (const [name, viewport] of [["desktop", { width: 1366, height: 900 }], ["phone", { width: 390, height: 844 }]]) {
    const phone = name === "phone";
    const context = await env.browser.newContext({ viewport, deviceScaleFactor: 1, hasTouch: phone, isMobile: phone });
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto(appUrl(env.server.url, "#dataset=circle"));
    await page.waitForFunction(() => window.backpropLab?.snapshot && window.backpropLab.lab.datasetName === "circle");
    const eta = page.getByLabel("Learning rate η", { exact: true });
    await eta.fill("2");
    await eta.press("Enter");
    await page.waitForFunction(() => window.backpropLab.lab.learningRate === 2);
    const advice = JSON.parse(await lab(page, () => window.backpropLab.lab.advice()));
    assert.ok(advice.eta && advice.eta.suggested < 2, `the core advises a smaller η: ${JSON.stringify(advice.eta)}`);
    const line = page.locator("#eta-suggest");
    await line.filter({ hasText: /^η = 2 with 100 patterns is likely too large: try / }).waitFor();
    const use = page.getByRole("button", { name: `Use η = ${advice.eta.suggested}` });
    assert.ok(await use.isVisible());
    // Training at η = 2 saturates every output: the warning under the loss chart, which moves no plot.
    const at = () => lab(page, () => ["boundary", "loss", "scrub"].map((id) => Math.round(document.getElementById(id).getBoundingClientRect().top + scrollY)));
    const before = await at();
    await page.getByRole("button", { name: "Play" }).click();
    await page.locator("#loss-warnings").filter({ hasText: /saturated|oscillates/ }).waitFor({ timeout: 120000 });
    assert.deepEqual(await at(), before, "the plots stay where they were when the warning appears");
    await page.getByRole("button", { name: "Pause" }).click();
    await drawn(page);
    const overflow = await lab(page, () => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(ROOT, "tests", "screenshots", `data-advice-${name}.png`) });
    await page.locator("#loss-warnings").evaluate((e) => e.scrollIntoView({ block: "end" }));
    await page.screenshot({ path: join(ROOT, "tests", "screenshots", `data-advice-warning-${name}.png`) });
    // One click (or tap): η is the suggestion, in the Lab, the field and the slider; the advice goes.
    await (phone ? use.tap() : use.click());
    await page.waitForFunction((eta) => window.backpropLab.lab.learningRate === eta, advice.eta.suggested);
    await line.waitFor({ state: "hidden" });
    assert.equal(Number(await eta.inputValue()), advice.eta.suggested, "the η field");
    const slider = Number(await page.getByLabel("Learning rate η (log slider)").inputValue());
    assert.ok(Math.abs(slider - Math.log10(advice.eta.suggested)) < 0.01, `the slider at log10 η: ${slider}`);
    await page.waitForFunction((eta) => new URLSearchParams(location.hash.slice(1)).get("eta") === String(eta), advice.eta.suggested);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test("screenshots: the OR message at desktop and phone width", async () => {
  for (const [name, viewport] of [["desktop", { width: 1366, height: 900 }], ["phone", { width: 390, height: 844 }]]) {
    const phone = name === "phone";
    const context = await env.browser.newContext({ viewport, deviceScaleFactor: 1, hasTouch: phone, isMobile: phone });
    const page = await context.newPage();
    await page.goto(appUrl(env.server.url));
    await page.waitForFunction(() => window.backpropLab?.snapshot);
    await page.getByRole("button", { name: "flip t of pattern 4" }).click();
    await page.locator("#data-match").filter({ hasText: /This data is now OR — linearly separable/ }).waitFor();
    await drawn(page);
    const overflow = await lab(page, () => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
    if (phone) await page.locator("#boundary-title").evaluate((e) => e.scrollIntoView());
    await page.screenshot({ path: join(ROOT, "tests", "screenshots", `data-or-separable-${name}.png`) });
    await context.close();
  }
});

test("a built-in set picked over drawn data: Undo edit brings the data back, also of another shape", async () => {
  const { page, errors, context } = await openApp(env.browser, env.server.url);
  const undo = page.getByRole("button", { name: "Undo edit" });
  const redo = page.getByRole("button", { name: "Redo edit" });
  await page.getByRole("button", { name: "Edit data" }).click();
  await clickPlot(page, 0.3, 0.6, 5);
  await clickPlot(page, 0.7, 0.45, 6);
  const drawnData = await data(page);
  const mine = await setupOf(page);
  await page.getByLabel("Dataset").selectOption("spiral");
  await page.waitForFunction(() => window.backpropLab.lab.datasetName === "spiral");
  await drawn(page);
  const spiral = await setupOf(page);
  await controlsShow(page, spiral);
  assert.ok(spiral.P > 6);
  assert.ok(await undo.isEnabled(), "Undo edit brings the drawn data back");
  assert.ok(await page.locator("#data-match").isHidden(), "no 'this data is now spiral' for a set picked from the menu");
  await undo.click();
  await page.waitForFunction(() => window.backpropLab.lab.datasetName === "custom");
  await drawn(page);
  assert.deepEqual(await data(page), drawnData, "the drawn data is back");
  assert.deepEqual(await setupOf(page), mine, "with the network it had");
  assert.notDeepEqual(spiral.hidden, mine.hidden, "which the spiral's defaults had replaced");
  const layout = () => lab(page, () => {
    const { lab: l, paramIndex } = window.backpropLab;
    return paramIndex.slice(1).map((ix) => ix.length).join(",") + " / " + Array.from({ length: l.depth }, (_, k) => l.neurons(k + 1) * (l.neurons(k) + 1)).join(",");
  });
  const [have, want] = (await layout()).split(" / ");
  assert.equal(have, want, "the page reads the weights of the network that is back");
  assert.equal(await rows(page), 6);
  assert.equal(await page.getByLabel("Dataset").inputValue(), "custom");
  await controlsShow(page, mine);
  assert.ok(await redo.isEnabled());
  await redo.click();
  await page.waitForFunction(() => window.backpropLab.lab.datasetName === "spiral");
  await drawn(page);
  assert.equal(await count(page), spiral.P);
  await undo.click();
  await page.waitForFunction(() => window.backpropLab.lab.datasetName === "custom");
  // Data with three inputs, then the circle (two), then Undo edit: the network is rebuilt for three again.
  const three = join(dir, "three.csv");
  writeFileSync(three, "x1,x2,x3,t1\n0,0,0,0\n0,1,1,1\n1,0,1,1\n1,1,0,0\n");
  await page.locator("#data-file").setInputFiles(three);
  await page.locator("#notice-text").filter({ hasText: /Imported 4 patterns from three\.csv/ }).waitFor();
  const threeSetup = await setupOf(page);
  await page.getByLabel("Dataset").selectOption("circle");
  await page.waitForFunction(() => window.backpropLab.lab.datasetName === "circle" && window.backpropLab.lab.neurons(0) === 2);
  await drawn(page);
  await controlsShow(page, await setupOf(page));
  await undo.click();
  await page.waitForFunction(() => window.backpropLab.lab.neurons(0) === 3 && window.backpropLab.lab.patternCount === 4);
  await drawn(page);
  assert.deepEqual(await data(page), { x: [0, 0, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0], t: [0, 1, 1, 0] });
  assert.deepEqual(await setupOf(page), threeSetup, "the network for three inputs is back");
  await controlsShow(page, threeSetup);
  assert.equal(await lab(page, () => window.backpropLab.snapshot.sizes.join("-")), `3-${threeSetup.hidden.join("-")}-1`, "the views draw it");
  assert.equal(await page.locator("#patterns thead th").nth(3).textContent(), "x3", "the table has x3 again");
  assert.equal(await page.getByRole("textbox", { name: "x3 of pattern 2" }).inputValue(), "1");
  await page.locator("#edit-hint").filter({ hasText: /needs 1 or 2 inputs; this data has 3/ }).waitFor({ state: "attached" });
  assert.deepEqual(errors, []);
  await context.close();
});

test("stepping through backprop after an edit works on the edited data: the formulas show its pattern", async () => {
  const { page, errors, context } = await openApp(env.browser, env.server.url);
  await page.getByRole("button", { name: "Edit data" }).click();
  await clickPlot(page, 0.75, 0.25, 5);
  const [x1] = point(await data(page), 4);
  // Next step through the forward pass until it reaches pattern μ = 5 (index 4), the drawn one.
  const next = page.getByRole("button", { name: "Next step" });
  for (let k = 0; k < 200 && (await lab(page, () => window.backpropLab.lab.phasePattern)) !== 4; k++) {
    await next.click();
    await drawn(page);
  }
  assert.equal(await lab(page, () => window.backpropLab.lab.phasePattern), 4, "the stepper reaches the drawn pattern");
  const formula = page.locator("#formula");
  await formula.filter({ hasText: /pattern μ = 5/ }).waitFor();
  // Layer 1's drive a = Σ w x + b uses the drawn point's x₁, as the formula writes it (4 digits).
  for (let k = 0; k < 20 && !(await formula.textContent()).includes(x1.toFixed(4)); k++) {
    if ((await lab(page, () => window.backpropLab.lab.phasePattern)) !== 4) break;
    await next.click();
    await drawn(page);
  }
  assert.ok((await formula.textContent()).includes(x1.toFixed(4)), `x₁ = ${x1} in: ${await formula.textContent()}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test("axe-core finds no violation (minor ones included) in edit mode", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const context = await env.browser.newContext({ viewport: { width: 1366, height: 768 }, colorScheme, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(appUrl(env.server.url));
    await page.waitForFunction(() => window.backpropLab?.snapshot);
    await page.getByRole("button", { name: "Edit data" }).click();
    await page.getByRole("button", { name: "flip t of pattern 4" }).click();
    await page.locator("#data-match").filter({ hasText: /OR/ }).waitFor();
    await drawn(page);
    await assertAxeClean(page, colorScheme);
    await context.close();
  }
});
