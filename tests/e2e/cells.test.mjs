// The pattern table and the plot as a spreadsheet user expects them: typing into a selected cell
// replaces what was selected (after Tab, a triple-click, a click), cells pasted into a cell fill from
// that cell on, a cell's error names it once, and a removal during a drag ends the drag. Every read
// waits for the frame that draws it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openApp, shot, drawn } from "./harness.mjs";

const env = useBrowser();
const inputs = (page) => page.evaluate(() => [...window.backpropLab.lab.patternInputs()]);
const targets = (page) => page.evaluate(() => [...window.backpropLab.lab.patternTargets()]);
/** The cell's full-digit text, drawn into it once it has the focus. */
const expanded = (page, name) => page.waitForFunction((n) => {
  const input = document.querySelector(`input[aria-label="${n}"]`);
  return document.activeElement === input && input.value === input.dataset.shown && input.value.length > 5;
}, name);

test("typing into a selected cell replaces the selection, whatever the cell showed", async () => {
  const { page, errors, context } = await openApp(env.browser, env.server.url, { hash: "#dataset=circle" });
  const before = await inputs(page);
  const first = page.getByRole("textbox", { name: "x1 of pattern 1", exact: true });
  assert.notEqual(String(Number(before[0].toPrecision(3))), String(before[0]), "the cell shows a shortened number");
  // Triple-click selects all; the full digits are drawn in, and the selection stays whole.
  await first.click({ clickCount: 3 });
  await expanded(page, "x1 of pattern 1");
  await page.keyboard.type("1");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => window.backpropLab.lab.patternInputs()[0] === 1);
  // Tab selects the next cell's text; typing replaces it, after the digits are drawn in too.
  await page.keyboard.press("Tab");
  await expanded(page, "x2 of pattern 1");
  await page.keyboard.type("-0,25");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => window.backpropLab.lab.patternInputs()[1] === -0.25);
  // A caret at the end stays at the end: typing appends, as in any field.
  const cell = page.getByRole("textbox", { name: "x1 of pattern 2", exact: true });
  await cell.click();
  await page.keyboard.press("End");
  await expanded(page, "x1 of pattern 2");
  assert.equal(await cell.evaluate((i) => i.selectionStart === i.value.length), true);
  const rest = await inputs(page);
  assert.deepEqual(rest.slice(2), before.slice(2), "no other number moved");
  assert.deepEqual(errors, []);
  await context.close();
});

test("cells pasted into a cell fill from that cell on; a paste outside the cells replaces the data", async () => {
  const { page, errors, context } = await openApp(env.browser, env.server.url);
  const paste = (selector, text) => page.evaluate(([s, t]) => {
    const dt = new DataTransfer();
    dt.setData("text/plain", t);
    document.querySelector(s).dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
  }, [selector, text]);
  await page.getByRole("textbox", { name: "x1 of pattern 2", exact: true }).focus();
  await paste('input[aria-label="x1 of pattern 2"]', "7\t8");
  await page.locator("#notice-text").filter({ hasText: /^Pasted 2 cells from x1 of pattern 2 on/ }).waitFor();
  assert.deepEqual(await inputs(page), [0, 0, 7, 8, 1, 0, 1, 1], "x1 and x2 of pattern 2, nothing else");
  assert.equal(await page.evaluate(() => window.backpropLab.lab.depth), 2, "the network stays");
  await drawn(page);
  assert.equal(await page.getByRole("textbox", { name: "x2 of pattern 2", exact: true }).inputValue(), "8");
  // A block that reaches past the table is refused whole.
  await paste('input[aria-label="x2 of pattern 4"]', "1\t2\n3\t4");
  await page.locator("#notice-text").filter({ hasText: /^The pasted cells were not used, nothing changed: the pasted block \(2 rows × 2 columns\) from x2 of pattern 4 on does not fit/ }).waitFor();
  assert.deepEqual(await inputs(page), [0, 0, 7, 8, 1, 0, 1, 1]);
  // A 2 × 2 block into x2 of pattern 3 (x2 and t of patterns 3 and 4); one Undo brings all four back.
  await paste('input[aria-label="x2 of pattern 3"]', "0.5\t0\r\n0.25\t1\r\n");
  await page.locator("#notice-text").filter({ hasText: /^Pasted 4 cells/ }).waitFor();
  assert.deepEqual(await inputs(page), [0, 0, 7, 8, 1, 0.5, 1, 0.25]);
  assert.deepEqual(await targets(page), [0, 1, 0, 1]);
  await page.getByRole("button", { name: "Undo edit" }).click();
  assert.deepEqual(await inputs(page), [0, 0, 7, 8, 1, 0, 1, 1]);
  // On a row (not in a cell) the paste is a data set, as before.
  await paste("#patterns tbody tr", "0\t0\t1\n0\t1\t0\n1\t0\t0\n");
  await page.locator("#notice-text").filter({ hasText: /Imported 3 patterns from the pasted cells/ }).waitFor();
  assert.equal(await page.evaluate(() => window.backpropLab.lab.patternCount), 3);
  await paste("#patterns tbody tr", "0\tabc\t1\n");
  await page.locator("#notice-text").filter({ hasText: /^Nothing was imported from the pasted cells; the data is unchanged: line 1, column 2/ }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("a refused cell says why once, naming the cell", async () => {
  const { page, errors, context } = await openApp(env.browser, env.server.url);
  const cell = page.getByRole("textbox", { name: "x2 of pattern 1", exact: true });
  await cell.fill("1e999");
  await cell.press("Enter");
  const message = page.locator("#table-message");
  await message.filter({ hasText: /It stays 0/ }).waitFor();
  const text = await message.textContent();
  assert.equal(text.match(/x2 of pattern 1/gi)?.length, 1, text);
  assert.match(text, /^x2 of pattern 1: “1e999” is too large for a number\. It stays 0\.$/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("removing the pattern being dragged ends the drag: no other pattern moves", async () => {
  const { page, errors, context } = await openApp(env.browser, env.server.url, { hash: "#data=x1,x2,t1;0,0,0;0,1,1;1,0,1;1,1,0;0.5,0.5,1" });
  await page.getByRole("button", { name: "Edit data" }).click();
  await page.locator("#boundary").scrollIntoViewIfNeeded();
  await drawn(page);
  const at = (x1, x2) => page.evaluate(([x1, x2]) => {
    const m = window.backpropLab.plotMap;
    const r = document.getElementById("boundary").getBoundingClientRect();
    return [r.left + m.box.x + ((x1 - m.x[0]) / (m.x[1] - m.x[0])) * m.box.w, r.top + m.box.y + ((m.y[1] - x2) / (m.y[1] - m.y[0])) * m.box.h];
  }, [x1, x2]);
  const [fx, fy] = await at(0, 1);
  await page.mouse.move(fx, fy);
  await page.mouse.down();
  for (let k = 1; k <= 4; k++) await page.mouse.move(fx + 6 * k, fy + 6 * k);
  await page.waitForFunction(() => window.backpropLab.lab.patternInputs()[2] > 0);
  await page.keyboard.press("Delete"); // the plot took the focus with the press: removes the ringed pattern, the one dragged
  await page.waitForFunction(() => window.backpropLab.lab.patternCount === 4);
  const left = await inputs(page);
  for (let k = 5; k <= 12; k++) await page.mouse.move(fx + 6 * k, fy + 6 * k);
  await page.mouse.up();
  await drawn(page);
  assert.deepEqual(await inputs(page), left, "nothing moved after the removal");
  assert.deepEqual(left.slice(2, 4), [1, 0], "pattern (1, 0) is where it was");
  await shot(page, "cells-drag-removed");
  assert.deepEqual(errors, []);
  await context.close();
});
