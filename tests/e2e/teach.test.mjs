// Teaching in the page: "Derive a weight" shows Blackboard 2.2's Steps 1–3 with the trace's numbers
// (the sum over paths equal to backprop's δ to the last digit shown), "Quiz me" asks before each
// step (right, wrong with the hint, unreadable, Reveal, the score, one kind only, Play), the
// projector layout keeps the network, the formulas (or the derivation, or the quiz) and the
// decision boundary on one screen at 1920×1080 and 1280×720 in both themes, and axe-core is clean.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, appUrl, openApp, shot, drawn, assertAxeClean } from "./harness.mjs";
import { fmt } from "../../www/util.js";

const env = useBrowser();

/** The core's trace of every number at the current weights. */
const trace = (page) => page.evaluate(() => JSON.parse(window.backpropLab.lab.trace()));
/** The highlighted results of the Derive view, in order. */
const results = (page) => page.$$eval("#derive .res", (r) => r.map((e) => e.textContent));
/** The path sum and backprop's δ, as the last line of the Derive view shows them. */
const sumLine = (page) => page.$$eval("#derive .sum .res", (r) => r.map((e) => e.textContent));
/** The stepper's phase as [kind, μ, n]. */
const phase = (page) => page.evaluate(() => {
  const lab = window.backpropLab.lab;
  return [lab.phaseKind, lab.phasePattern, lab.phaseLayer];
});

test("Derive a weight: Steps 1–3 with the trace's numbers, the path sum equal to δ (batch, a menu, a click, a deeper network)", async () => {
  const { page, errors, context } = await openApp(env.browser, env.server.url);
  await page.getByRole("button", { name: "Derive a weight" }).click();
  await drawn(page);
  const t = await trace(page);
  // XOR 2-2-1 has no w_23^(1): the view starts on w_11^(1), pattern μ = 1.
  assert.equal(await page.getByLabel("Weight", { exact: true }).inputValue(), "1,0,0");
  assert.equal(await page.locator("#formula").isHidden(), true, "the derivation takes the formula panel's place");
  const d = t.patterns[0].delta[0][0];
  assert.deepEqual(await sumLine(page), [fmt(d, 4), fmt(d, 4)], "Σ over paths = δ₁⁽¹⁾ by backprop");
  assert.match(await page.locator("#derive .sum").textContent(), /✓/);
  const g = t.gradient[0].weights[0][0];
  const r = await results(page);
  assert.equal(r[0], fmt(d * t.patterns[0].input[0], 4), "∂Ẽ(μ)/∂w = δ x");
  assert.equal(r[1], fmt(g, 4), "batch: ∂E/∂w summed over μ");
  assert.equal(r[2], fmt(-2 * g, 4), "Δw = −η ∂E/∂w");
  // The paths are lit on the diagram with their factors: g′ at the neurons, w on the edges, x on the weight's edge.
  const labels = await page.evaluate(() => window.backpropLab.layout.labels.length);
  assert.ok(labels > 10);
  await shot(page, "teach-derive-desktop");

  // The bias b_2^(1) from the menu, for pattern μ = 3 (a row of the table).
  await page.getByLabel("Weight", { exact: true }).selectOption("1,1,-1");
  await page.locator("#patterns tbody tr").nth(2).locator(":scope > *").first().click(); // the μ cell
  await drawn(page);
  const d3 = t.patterns[2].delta[0][1];
  assert.deepEqual(await sumLine(page), [fmt(d3, 4), fmt(d3, 4)]);
  assert.match(await page.locator("#derive").textContent(), /pattern μ = 3/);

  // A click on an edge of the diagram chooses w_12^(2).
  const at = await page.evaluate(() => {
    const lay = window.backpropLab.layout;
    const [from, to] = [lay.nodes[1][1], lay.nodes[2][0]];
    const r = document.getElementById("network").getBoundingClientRect();
    return { x: r.left + (from.x + to.x) / 2, y: r.top + (from.y + to.y) / 2 };
  });
  await page.mouse.click(at.x, at.y);
  await drawn(page);
  assert.equal(await page.getByLabel("Weight", { exact: true }).inputValue(), "2,0,1");
  const out = t.patterns[2].delta[1][0];
  assert.deepEqual(await sumLine(page), [fmt(out, 4), fmt(out, 4)], "the output's δ: one path, (ŷ − t) g′");

  // Online mode shows this pattern's update, no sum over μ.
  await page.getByLabel("Mode", { exact: true }).selectOption("online");
  await drawn(page);
  assert.doesNotMatch(await page.locator("#derive").textContent(), /Σμ/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("Derive: with three inputs the view starts on the notes' own weight, w₂₃⁽¹⁾", async () => {
  const hash = "#data=x1,x2,x3,t1;0,0,1,0;0,1,1,1;1,0,1,1;1,1,1,0&hidden=2&seed=7";
  const { page, errors, context } = await openApp(env.browser, env.server.url, { hash });
  await page.getByRole("button", { name: "Derive a weight" }).click();
  await drawn(page);
  assert.equal(await page.getByLabel("Weight", { exact: true }).inputValue(), "1,1,2", "w_23^(1): neuron 2 of layer 1, input 3");
  const t = await trace(page);
  const d = t.patterns[0].delta[0][1];
  assert.deepEqual(await sumLine(page), [fmt(d, 4), fmt(d, 4)], "Σ over paths = δ₂⁽¹⁾ by backprop");
  assert.deepEqual(errors, []);
  await context.close();
});

test("Derive: in a 2-3-3-1 network every path from a₁⁽¹⁾ to E is summed and equals δ₁⁽¹⁾", async () => {
  const hash = "#dataset=xor&hidden=3,3&g=tanh,sigmoid,sigmoid&seed=3&eta=0.5&mode=batch";
  const { page, errors, context } = await openApp(env.browser, env.server.url, { hash });
  await page.getByRole("button", { name: "Derive a weight" }).click();
  await drawn(page);
  const t = await trace(page);
  const d = t.patterns[0].delta[0][0];
  assert.deepEqual(await sumLine(page), [fmt(d, 4), fmt(d, 4)]);
  assert.match(await page.locator("#derive").textContent(), /all 3 paths/);
  assert.equal(await page.locator("#derive .eq", { hasText: "→ E" }).count(), 3, "each path's product on its own line");
  assert.deepEqual(errors, []);
  await context.close();
});

test("Derive: diverged weights show NaN, never a number or a ✓", async () => {
  const { page, errors, context } = await openApp(env.browser, env.server.url, { hash: "#hidden=3&g=relu,linear" });
  await page.evaluate(() => {
    const s = window.backpropLab;
    s.lab.setLearningRate(1e300);
    s.lab.train(20);
    s.dirty = true;
  });
  await page.getByRole("button", { name: "Derive a weight" }).click();
  await drawn(page);
  assert.deepEqual(await sumLine(page), ["NaN", "NaN"]);
  const text = await page.locator("#derive").textContent();
  assert.ok(!text.includes("✓") && !text.includes("∞"), text);
  assert.match(text, /= −1\.000e300 · NaN = NaN/, "Δw = −η ∂E/∂w is NaN, not 0");
  assert.deepEqual(errors, []);
  await context.close();
});

test("Quiz me: a right answer steps, a wrong one shows the hint, unreadable text changes nothing, Reveal, the score", async () => {
  const { page, errors, context } = await openApp(env.browser, env.server.url);
  const t = await trace(page);
  await page.getByRole("button", { name: "Quiz me" }).click();
  const answer = page.getByLabel("Your answer");
  const check = page.getByRole("button", { name: "Check", exact: true });

  // The selected neuron 2 of layer 1: the first step computes its a, for μ = 1.
  await page.evaluate(() => {
    window.backpropLab.selected = { kind: "neuron", n: 1, i: 1 };
    window.backpropLab.dirty = true;
  });
  await page.getByRole("button", { name: "Next step" }).click();
  await drawn(page);
  assert.deepEqual(await phase(page), ["ready", -1, 0], "the question comes before the step");
  assert.match(await page.locator("#quiz-q").textContent(), /a₂⁽¹⁾ for pattern μ = 1/);
  const s = await page.evaluate(() => window.backpropLab.snapshot);
  assert.equal(s.known[1], 0, "the numbers the step computes are hidden meanwhile");
  await expectFocus(page, "quiz-answer");
  await answer.fill(String(t.patterns[0].a[0][1]));
  await check.click();
  await drawn(page);
  // The same step computes x = g(a): asked next, before the step.
  assert.deepEqual(await phase(page), ["ready", -1, 0], "x is asked before the step");
  assert.match(await page.locator("#quiz-q").textContent(), /^Right: a₂⁽¹⁾ = .* The same step computes x₂⁽¹⁾ too/);
  await expectFocus(page, "quiz-answer");
  await answer.fill("7");
  await check.click();
  assert.match(await page.locator("#quiz-hint").textContent(), /^Not 7\. Hint: x₂⁽¹⁾ = g\(a₂⁽¹⁾\) = sigmoid\(/);
  await answer.fill(String(t.patterns[0].x[0][1]));
  await check.click();
  await drawn(page);
  assert.deepEqual(await phase(page), ["forward", 0, 1]);
  assert.match(await page.locator("#quiz-q").textContent(), /^Right: x₂⁽¹⁾ = /);
  assert.equal(await page.locator("#quiz-score").textContent(), "Score: 1 of 2 right at the first try", "x right only at the second try");

  // Nothing selected: the core asks for neuron 1 of the next layer. Wrong, unreadable, then right.
  await page.evaluate(() => {
    window.backpropLab.selected = null;
  });
  await page.keyboard.press("ArrowRight");
  await drawn(page);
  assert.match(await page.locator("#quiz-q").textContent(), /a₁⁽²⁾/);
  await answer.fill("42");
  await answer.press("Enter");
  await drawn(page);
  assert.deepEqual(await phase(page), ["forward", 0, 1], "a wrong answer does not step");
  const hint = page.locator("#quiz-hint");
  assert.match(await hint.textContent(), /^Not 42\. Hint: a₁⁽²⁾ = .*w₁ⱼ⁽²⁾/);
  await answer.fill("abc");
  await check.click();
  assert.equal(await page.locator("#quiz-msg").textContent(), "Your answer: “abc” is not a number");
  assert.equal(await answer.getAttribute("aria-invalid"), "");
  assert.deepEqual(await phase(page), ["forward", 0, 1], "unreadable text changes nothing");
  await page.getByRole("button", { name: "Next step" }).click();
  await expectFocus(page, "quiz-answer");
  assert.deepEqual(await phase(page), ["forward", 0, 1], "Next step does not skip a waiting question");
  await answer.fill(String(t.patterns[0].a[1][0]).replace(".", ",").replace("-", "−"));
  assert.equal(await answer.getAttribute("aria-invalid"), null, "typing clears the complaint");
  await check.click();
  await drawn(page);
  assert.deepEqual(await phase(page), ["forward", 0, 1], "then x₁⁽²⁾ = ŷ is asked");
  assert.equal(await page.locator("#quiz-score").textContent(), "Score: 1 of 3 right at the first try", "right after a wrong try does not count");
  await page.getByRole("button", { name: "Reveal" }).click();
  await drawn(page);
  assert.deepEqual(await phase(page), ["forward", 0, 2]);
  assert.equal(await page.locator("#quiz-score").textContent(), "Score: 1 of 4 right at the first try");

  // Ẽ(μ): revealed.
  await page.getByRole("button", { name: "Next step" }).click();
  assert.match(await page.locator("#quiz-q").textContent(), /Ẽ\(μ=1\)/);
  await drawn(page);
  await shot(page, "teach-quiz-desktop");
  await page.getByRole("button", { name: "Reveal" }).click();
  await drawn(page);
  assert.deepEqual(await phase(page), ["error", 0, 0]);
  assert.equal(await page.locator("#quiz-q").textContent(), `Revealed: Ẽ(μ=1) = ${fmt(t.patterns[0].E, 4)}.`);
  assert.equal(await page.locator("#quiz-score").textContent(), "Score: 1 of 5 right at the first try");

  // Only updates: the steps up to the update pass without a question, then Δw₁₁⁽¹⁾ is asked.
  await page.getByLabel("Ask about", { exact: true }).selectOption("update");
  await page.evaluate(() => {
    window.backpropLab.selected = { kind: "edge", n: 1, i: 0, j: 0 };
  });
  for (let k = 0; k < 17; k++) await page.getByRole("button", { name: "Next step" }).click();
  assert.deepEqual(await phase(page), ["backward", 3, 1]);
  await page.getByRole("button", { name: "Next step" }).click();
  assert.match(await page.locator("#quiz-q").textContent(), /Δw₁₁⁽¹⁾/);
  await drawn(page); // the panel hides the asked Δw from the next frame on
  assert.equal(await page.locator("#formula .res").last().textContent(), "·", "the formula panel does not give Δw away");
  await answer.fill(String(-2 * t.gradient[0].weights[0][0]));
  await check.click();
  await drawn(page);
  assert.deepEqual(await phase(page), ["update", -1, 0]);
  assert.equal(await page.locator("#quiz-score").textContent(), "Score: 2 of 6 right at the first try");

  // Play drops a waiting question and pauses the quiz.
  await page.getByLabel("Ask about", { exact: true }).selectOption("all");
  await page.getByRole("button", { name: "Next step" }).click();
  await page.getByRole("button", { name: "Play" }).click();
  await page.waitForFunction(() => document.getElementById("quiz-q").textContent.startsWith("Quizzing pauses"));
  assert.equal(await page.locator("#quiz-ask").isHidden(), true);
  await page.getByRole("button", { name: "Pause" }).click();
  assert.deepEqual(errors, []);
  await context.close();
});

/** Waits until the element with `id` has the focus. */
const expectFocus = (page, id) => page.waitForFunction((id) => document.activeElement?.id === id, id);

/** Asserts that each of `ids` lies wholly inside the viewport of the page (nothing to scroll to). */
const inView = async (page, ids, what) => {
  const { boxes, w, h } = await page.evaluate((ids) => ({
    boxes: ids.map((id) => [id, document.getElementById(id).getBoundingClientRect().toJSON()]),
    w: innerWidth,
    h: innerHeight,
  }), ids);
  for (const [id, b] of boxes) {
    assert.ok(b.width > 100 && b.height > 100, `${what}: #${id} is shown (${b.width}×${b.height})`);
    assert.ok(b.left >= 0 && b.top >= 0 && b.right <= w && b.bottom <= h, `${what}: #${id} (${Math.round(b.top)}–${Math.round(b.bottom)} of ${h}) lies in the viewport`);
  }
};

for (const [width, height] of [[1920, 1080], [1280, 720]]) {
  test(`projector at ${width}×${height}: network, formulas (or derivation, or quiz), boundary and error curve on one screen, both themes`, async () => {
    for (const colorScheme of ["light", "dark"]) {
      const { page, errors, context } = await openApp(env.browser, env.server.url, { width, height, colorScheme, bypassCSP: true });
      await page.getByRole("button", { name: "Projector" }).click();
      await drawn(page);
      await inView(page, ["network", "formula", "boundary", "loss"], `${colorScheme}, formulas`);
      await page.getByRole("button", { name: "Derive a weight" }).click();
      await drawn(page);
      await inView(page, ["network", "derive", "boundary", "loss"], `${colorScheme}, derivation`);
      if (width === 1920) await shot(page, `teach-derive-projector-${colorScheme}`);
      await assertAxeClean(page, `projector ${width}×${height}, ${colorScheme}, derivation`);
      await page.getByRole("button", { name: "Derive a weight" }).click();
      await page.getByRole("button", { name: "Quiz me" }).click();
      await page.getByRole("button", { name: "Next step" }).click();
      await page.getByLabel("Your answer").fill("1");
      await page.getByRole("button", { name: "Check", exact: true }).click();
      await drawn(page);
      await inView(page, ["network", "quiz", "boundary", "loss"], `${colorScheme}, quiz with its hint`);
      if (width === 1920) await shot(page, `teach-quiz-projector-${colorScheme}`);
      await assertAxeClean(page, `projector ${width}×${height}, ${colorScheme}, quiz`);
      assert.deepEqual(errors, []);
      await context.close();
    }
    // A deeper network's derivation is longer: its result (Σ over paths = δ by backprop) still shows without scrolling.
    const { page, errors, context } = await openApp(env.browser, env.server.url, { width, height, hash: "#hidden=3,3,3" });
    await page.getByRole("button", { name: "Projector" }).click();
    await page.getByRole("button", { name: "Derive a weight" }).click();
    await drawn(page);
    const b = await page.evaluate(() => document.querySelector("#derive .sum").getBoundingClientRect().toJSON());
    assert.ok(b.top >= 0 && b.bottom <= height, `2-3-3-3-1: the path sum (${Math.round(b.top)}–${Math.round(b.bottom)} of ${height}) lies in the viewport`);
    assert.deepEqual(errors, []);
    await context.close();
    // The widest and deepest networks: a derivation of many paths scrolls inside its panel, the
    // page never; the quiz's formulas, the boundary and the error curve stay on the screen.
    for (const hash of ["#hidden=8,8,8", "#hidden=16,16,16"]) {
      const deep = await openApp(env.browser, env.server.url, { width, height, hash });
      await deep.page.getByRole("button", { name: "Projector" }).click();
      await deep.page.getByRole("button", { name: "Derive a weight" }).click();
      await drawn(deep.page);
      const pageFits = () => deep.page.evaluate(() => document.scrollingElement.scrollHeight <= innerHeight);
      assert.equal(await pageFits(), true, `${hash}, derivation: the page does not scroll`);
      await inView(deep.page, ["network", "boundary", "loss"], `${hash}, derivation`);
      await deep.page.getByRole("button", { name: "Derive a weight" }).click();
      await deep.page.getByRole("button", { name: "Quiz me" }).click();
      await deep.page.getByRole("button", { name: "Next step" }).click();
      await drawn(deep.page);
      await inView(deep.page, ["network", "formula", "boundary", "loss"], `${hash}, quiz`);
      assert.equal(await pageFits(), true, `${hash}, quiz: the page does not scroll`);
      if (width === 1280) await shot(deep.page, `teach-quiz-projector-720-${hash.slice(8).replace(/,/g, "-")}`);
      assert.deepEqual(deep.errors, []);
      await deep.context.close();
    }
  });
}

test("on a phone the derivation and the quiz stack in the explanation panel", async () => {
  const { page, errors, context } = await openApp(env.browser, env.server.url, { width: 390, height: 844 });
  await page.getByRole("button", { name: "Derive a weight" }).click();
  await drawn(page);
  const fits = () => page.evaluate(() => document.scrollingElement.scrollWidth <= innerWidth);
  assert.equal(await fits(), true, "no sideways scrolling");
  await shot(page, "teach-derive-phone");
  await page.getByRole("button", { name: "Derive a weight" }).click();
  await page.getByRole("button", { name: "Quiz me" }).click();
  await page.getByRole("button", { name: "Next step" }).click();
  await page.getByLabel("Your answer").fill("0.3");
  await page.getByRole("button", { name: "Check", exact: true }).click();
  await drawn(page);
  assert.equal(await fits(), true);
  await shot(page, "teach-quiz-phone");
  assert.deepEqual(errors, []);
  await context.close();
});

test("axe-core finds no violation (minor ones included) in the derivation and the quiz", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const context = await env.browser.newContext({ viewport: { width: 1366, height: 768 }, colorScheme, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(appUrl(env.server.url));
    await page.waitForFunction(() => window.backpropLab?.snapshot);
    await page.getByRole("button", { name: "Derive a weight" }).click();
    await page.getByRole("button", { name: "Quiz me" }).click();
    await page.getByRole("button", { name: "Next step" }).click();
    await page.getByLabel("Your answer").fill("abc");
    await page.getByRole("button", { name: "Check", exact: true }).click();
    await page.getByLabel("Your answer").fill("2");
    await page.getByRole("button", { name: "Check", exact: true }).click();
    await drawn(page);
    await assertAxeClean(page, colorScheme);
    await context.close();
  }
});
