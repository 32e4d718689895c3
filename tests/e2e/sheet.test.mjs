// The exercise sheet: Save & share → Exercise sheet opens a print-ready page in
// a new tab whose answer key holds the trace's numbers, prints to two pages on A4 and on Letter with
// the answers only on the second, exports the same content as Markdown, explains a broken link, and
// passes axe-core. Screenshots: the sheet on a desktop and a phone, and as printed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { inflateSync } from "node:zlib";
import { join } from "node:path";
import { useBrowser, openApp, shot, drawn, ROOT, assertAxeClean } from "./harness.mjs";
import { fmt } from "../../www/util.js";
import { metaPolicy } from "../../tools/csp.mjs";

const env = useBrowser();

/** Console errors and page errors of `page`, collected into the returned array. */
const errorsOf = (page) => {
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  return errors;
};

/** Waits until the sheet page has drawn the sheet (or its message); returns "ready" or "error". */
const settled = async (sheet) => {
  await sheet.waitForFunction(() => ["ready", "error"].includes(document.getElementById("sheet")?.dataset.state));
  return sheet.evaluate(() => document.getElementById("sheet").dataset.state);
};

/**
 * The app after 30 epochs (weights no longer the seed's) with pattern μ = 2 chosen, and the sheet
 * its menu opens: { app, sheet, sheetErrors, trace, eta } (the trace of the weights as printed).
 */
const openFromApp = async (options = {}) => {
  const { page: app, context, errors } = await openApp(env.browser, env.server.url, options);
  await app.evaluate(() => {
    window.backpropLab.lab.train(30);
    window.backpropLab.dirty = true;
  });
  await drawn(app);
  await app.locator("#patterns tbody tr").nth(1).locator("th, td").first().click(); // μ = 2 (its μ cell: the t cell holds ⇄)
  await drawn(app);
  await app.getByText("Save & share").click();
  const [sheet] = await Promise.all([context.waitForEvent("page"), app.getByRole("button", { name: "Exercise sheet" }).click()]);
  const sheetErrors = errorsOf(sheet);
  assert.equal(await settled(sheet), "ready");
  const { trace, eta } = await paperTrace(app, sheet);
  assert.deepEqual(errors, [], "the app logs no error");
  return { app, context, sheet, sheetErrors, trace, eta };
};

/** The trace's number for one answer box of the key (data-kind, -mu, -n, -i, -j), computed independently of the sheet. */
const expected = (trace, eta, { kind, mu, n, i, j }) => {
  if (kind === "E") return trace.patterns[mu].E;
  if (kind === "grad") return j < 0 ? trace.gradient[n - 1].biases[i] : trace.gradient[n - 1].weights[i][j];
  if (kind === "dw" && mu < 0) return -eta * expected(trace, eta, { kind: "grad", mu, n, i, j });
  const p = trace.patterns[mu];
  if (kind === "dw") return -eta * p.delta[n - 1][i] * (j < 0 ? 1 : n === 1 ? p.input[j] : p.x[n - 2][j]);
  return p[kind][n - 1][i]; // a, x, delta
};

/** Every answer box of the key: its place and its numbers (exact and as shown). */
const keyBoxes = (sheet) =>
  sheet.$$eval(".answers .box", (boxes) => boxes.map((b) => ({
    kind: b.dataset.kind, mu: Number(b.dataset.mu), n: Number(b.dataset.n), i: Number(b.dataset.i), j: Number(b.dataset.j),
    value: Number(b.dataset.value), text: b.textContent,
  })));

/**
 * The weights and biases printed on page 1, in the parameter layout (layer by layer, row i's w_ij
 * then the b_i): each layer's tables (one, or parts side by side) read by their column heads.
 */
const printedWeights = (sheet) =>
  sheet.$$eval(".questions table[data-layer]", (tables) => {
    const layers = new Map();
    for (const t of tables) {
      const heads = [...t.tHead.rows[0].cells].slice(1).map((c) => c.textContent);
      const layer = layers.get(t.dataset.layer) ?? layers.set(t.dataset.layer, []).get(t.dataset.layer);
      [...t.tBodies[0].rows].forEach((r, i) => {
        layer[i] ??= {};
        [...r.cells].slice(1).forEach((c, k) => (layer[i][heads[k]] = Number(c.textContent.replace(/−/g, "-"))));
      });
    }
    return [...layers.values()].flatMap((rows) => {
      const js = Object.keys(rows[0]).filter((h) => h !== "b").sort((a, b) => Number(a.slice(4)) - Number(b.slice(4)));
      return [...rows.flatMap((r) => js.map((h) => r[h])), ...rows.map((r) => r.b)];
    });
  });

/**
 * The trace of the app's network with the weights as printed on the sheet (what a student works
 * from: XOR's inputs and targets, and η = 2, are printed exactly), and its η.
 */
const paperTrace = async (app, sheet) => {
  const w = await printedWeights(sheet);
  return app.evaluate((w) => {
    const { lab } = window.backpropLab;
    const paper = lab.constructor.fromModel(lab.toModel());
    paper.setWeights(Float64Array.from(w));
    const trace = JSON.parse(paper.trace());
    paper.free();
    return { trace, eta: lab.learningRate };
  }, w);
};

/** Checks the key against the trace of the printed numbers: every a, x, Ẽ(μ), δ and update, exactly (up to 1e-12) and as shown (4 digits). */
const checkKey = async (sheet, trace, eta, count) => {
  const boxes = await keyBoxes(sheet);
  assert.equal(boxes.length, count);
  for (const b of boxes) {
    const want = expected(trace, eta, b);
    assert.ok(Math.abs(b.value - want) <= 1e-12 * Math.max(1, Math.abs(want)), `${JSON.stringify(b)}: trace has ${want}`);
    assert.equal(b.text, fmt(want, 4), `${b.kind} μ=${b.mu} n=${b.n} i=${b.i} j=${b.j}`);
  }
  assert.equal(await sheet.locator(".questions .box").count(), count, "a blank on the sheet for every answer");
  assert.equal(await sheet.locator(".questions .box:not(:empty), .questions [data-value], .questions .within").count(), 0, "the blanks are empty");
};

/**
 * The text of each page of a PDF printed by Chromium (Skia), in drawing order without the spacing:
 * each page's content stream (Flate) is read for its strings (Tj, TJ), whose glyph codes are mapped
 * to text by the ToUnicode table of the font in use (Tf). Enough for Chromium's own PDFs, which
 * draw text with Type0 fonts of 2-byte codes; not a general PDF reader.
 */
const pdfPages = (pdf) => {
  const raw = pdf.toString("latin1");
  const objects = new Map();
  for (const m of raw.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) objects.set(m[1], { body: m[2], at: m.index + m[0].indexOf(m[2]) });
  const stream = (id) => {
    const { body, at } = objects.get(id);
    const start = at + body.search(/stream\r?\n/) + body.match(/stream\r?\n/)[0].length;
    return inflateSync(pdf.subarray(start, start + Number(body.match(/\/Length (\d+)/)[1]))).toString("latin1");
  };
  const utf16 = (hex) => String.fromCharCode(...hex.match(/.{4}/g).map((h) => parseInt(h, 16)));
  /** A font's glyph code → text, from its ToUnicode CMap (bfchar and bfrange entries). */
  const toUnicode = (fontId) => {
    const map = new Map();
    const cmap = stream(objects.get(fontId).body.match(/\/ToUnicode (\d+) 0 R/)[1]);
    for (const [, block] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const [, code, text] of block.matchAll(/<(\w+)>\s*<(\w+)>/g)) map.set(parseInt(code, 16), utf16(text));
    }
    for (const [, block] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const [, lo, hi, text] of block.matchAll(/<(\w+)>\s*<(\w+)>\s*<(\w+)>/g)) {
        for (let c = parseInt(lo, 16); c <= parseInt(hi, 16); c++) map.set(c, String.fromCharCode(parseInt(text, 16) + c - parseInt(lo, 16)));
      }
    }
    return map;
  };
  const pages = raw.match(/\/Type \/Pages[^]*?\/Kids \[([^\]]*)\]/)[1].match(/\d+(?= 0 R)/g);
  return pages.map((id) => {
    const page = objects.get(id).body;
    const fonts = Object.fromEntries([...page.match(/\/Font <<([^>]*)>>/)[1].matchAll(/\/(\w+) (\d+) 0 R/g)].map(([, name, font]) => [name, toUnicode(font)]));
    let font = null;
    let text = "";
    for (const [, name, hex] of stream(page.match(/\/Contents (\d+) 0 R/)[1]).matchAll(/\/(\w+) [\d.]+ Tf|<([0-9A-Fa-f]+)>/g)) {
      if (name) font = fonts[name];
      else if (font) for (const code of hex.match(/.{4}/g)) text += font.get(parseInt(code, 16)) ?? "";
    }
    return text.replace(/\s+/g, "");
  });
};

/**
 * Prints the sheet on `format` and checks it as a teacher would: two pages, the questions (title,
 * weights, patterns, regenerate link) on the first and no answer there, the answer key with every
 * answer on the second. `answers` are the key's numbers as shown; those that also appear among the
 * sheet's own numbers (a weight or input such as "0") cannot tell the pages apart and are not sought on page 1.
 * Returns the answers it sought on page 1.
 */
const checkPrint = async (sheet, format, answers) => {
  const pages = pdfPages(await sheet.pdf({ format }));
  assert.equal(pages.length, 2, `${format}: two pages`);
  const [questions, key] = pages;
  assert.ok(questions.includes("Backpropbyhand:") && !questions.includes("Answerkey"), `${format}: page 1 is the sheet`);
  assert.ok(questions.includes((await sheet.locator(".link a").innerText()).replace(/\s+/g, "")), `${format}: the link in full on page 1`);
  // The sheet's own numbers (setup, weights, patterns, formulas, link): everything on page 1 but
  // the blanks, which checkKey has seen empty.
  const given = (await sheet.locator(".questions > :not(.work)").allInnerTexts()).join(" ").replace(/\s+/g, "");
  const sought = answers.filter((a) => !given.includes(a.replace(/\s+/g, "")));
  for (const a of sought) assert.ok(!questions.includes(a.replace(/\s+/g, "")), `${format}: the answer ${a} is not on page 1`);
  for (const a of answers) assert.ok(key.includes(a), `${format}: the answer ${a} is on page 2`);
  assert.ok(key.startsWith("Answerkey:") && !key.includes("Backpropbyhand:"), `${format}: page 2 is the key alone`);
  return sought;
};

test("Save & share → Exercise sheet: the key holds the trace's numbers, printed on its own page (A4 and Letter)", async () => {
  const { app, context, sheet, sheetErrors, trace, eta } = await openFromApp();
  assert.match(sheet.url(), /\/www\/sheet\/#sheet=2&/, "the sheet's address names pattern 2 and carries the share link");
  assert.equal(await sheet.locator("#which").inputValue(), "2");
  // 2-2-1: a and x of 3 neurons, Ẽ(μ), δ of 3 neurons, Δw of 6 weights and 3 biases.
  await checkKey(sheet, trace, eta, 3 + 3 + 1 + 3 + 9);
  const page1 = await sheet.locator(".questions").innerText();
  assert.match(page1, /Seed\s+7/);
  assert.ok(page1.includes(await sheet.locator(".link a").getAttribute("href")), "the regenerate link is printed in full");
  const weights = await app.evaluate(() => Array.from(window.backpropLab.lab.weights(1)));
  assert.ok(page1.includes(fmt(weights[0], 4)), "the current (trained) weights, not the seed's");
  assert.ok(weights.some((w, k) => w !== Number(fmt(w, 4).replace(/−/g, "-"))), "weights with more digits than printed, so the key's rounding is tested");

  await sheet.setViewportSize({ width: 720, height: 1000 }); // about A4's width inside its margins, for the screenshot
  await sheet.emulateMedia({ media: "print" });
  assert.equal(await sheet.locator(".answers").evaluate((e) => getComputedStyle(e).breakBefore), "page");
  assert.equal(await sheet.locator(".toolbar").isVisible(), false, "no toolbar on paper");
  await shot(sheet, "sheet-print");
  await sheet.emulateMedia({ media: null }); // page.pdf prints with print media unless screen is emulated
  const answers = async () => [...new Set((await keyBoxes(sheet)).map((b) => b.text))];
  const sought = [];
  for (const format of ["A4", "Letter"]) sought.push(...(await checkPrint(sheet, format, await answers())));
  const distinct = new Set(sought).size;
  assert.ok(distinct >= 10, `most of the key's ${new Set(await answers()).size} numbers are sought on page 1 (${distinct})`);
  // The check can fail: an answer written into page 1's blanks is found there.
  await sheet.locator(".questions .work").evaluate((work, a) => work.append(Object.assign(document.createElement("span"), { className: "leak", textContent: a })), sought[0]);
  await assert.rejects(checkPrint(sheet, "A4", await answers()), /is not on page 1/);
  await sheet.locator(".leak").evaluate((e) => e.remove());

  // One batch epoch: every pattern's pass, then ∂E/∂w summed and Δw.
  await sheet.locator("#which").selectOption("batch");
  await settled(sheet);
  assert.match(sheet.url(), /#sheet=batch&/);
  await checkKey(sheet, trace, eta, 4 * (3 + 3 + 1 + 3) + 9 + 9);
  for (const format of ["A4", "Letter"]) await checkPrint(sheet, format, await answers());
  assert.deepEqual(sheetErrors, [], "the sheet logs no error (nor a CSP violation)");
  await context.close();
});

test("Download Markdown: weights, patterns, questions and the answer key with the numbers", async () => {
  const { context, sheet, trace, eta } = await openFromApp();
  const [download] = await Promise.all([sheet.waitForEvent("download"), sheet.getByRole("button", { name: "Download Markdown" }).click()]);
  assert.equal(download.suggestedFilename(), "exercise-sheet-xor-mu2.md");
  const md = readFileSync(await download.path(), "utf8");
  const [questions, key] = md.split("\n## Answer key\n");
  assert.ok(key, "an answer key section");
  assert.match(questions, /^# Backprop by hand: XOR \(the lecture\), pattern μ = 2, seed 7$/m);
  assert.match(questions, /## Weights and biases[\s\S]*## Patterns[\s\S]*## Questions/);
  const link = await sheet.locator(".link a").getAttribute("href");
  assert.ok(questions.includes(`<${link}>`), "the regenerate link");
  for (const b of await keyBoxes(sheet)) {
    const text = fmt(expected(trace, eta, b), 4);
    assert.ok(key.includes(`| ${text} |`), `the key has ${b.kind} = ${text}`);
  }
  // The questions hold blanks: each table row of the questions' pass ends in an empty cell.
  assert.match(questions, /^\| a₁⁽¹⁾ \| +\|$/m);
  assert.match(questions, /^\| δ₁⁽²⁾ \| +\|$/m);
  await context.close();
});

test("a broken or missing address shows what is wrong, not a blank page", async () => {
  const context = await env.browser.newContext();
  const cases = [
    ["", /holds no network/],
    ["#sheet=1&dataset=xor&hidden=99&eta=two", /damaged/],
    ["#sheet=9&dataset=xor", /asks for pattern 9; the data set has patterns 1 to 4/],
    ["#sheet=%&dataset=xor", /damaged: sheet=% is not a pattern \(1, 2, …\) or batch/], // not valid %-encoding: shown as typed
    // sheet= is read as the app reads its settings: plain digits or batch, once.
    ["#sheet=1e0&dataset=xor", /damaged: sheet=1e0 is not a pattern/],
    ["#sheet=0x2&dataset=xor", /damaged: sheet=0x2 is not a pattern/],
    ["#sheet=1.0&dataset=xor", /damaged: sheet=1\.0 is not a pattern/],
    ["#sheet=0&dataset=xor", /damaged: sheet=0 is not a pattern/],
    ["#sheet=2&dataset=xor&sheet=3", /damaged: sheet given twice/],
    ["#dataset=xor&sheet=batch&sheet=1", /damaged: sheet given twice/],
    ["#sheet=batch&dataset=circle", /batch epoch: only for data of up to 12 patterns \(this has 100\)/],
  ];
  for (const [hash, why] of cases) {
    const page = await context.newPage();
    const errors = errorsOf(page);
    await page.goto(`${env.server.url}www/sheet/${hash}`);
    assert.equal(await settled(page), "error", hash);
    const alert = page.getByRole("alert");
    assert.match(await alert.innerText(), why, hash);
    assert.match(await alert.innerText(), /No exercise sheet/);
    assert.equal(await alert.getByRole("link", { name: "Backprop Lab" }).getAttribute("href"), env.server.url);
    assert.deepEqual(errors, [], hash);
    await page.close();
  }
  await context.close();
});

test("a setup that does not fit in a link gets a notice from the menu, not a broken sheet", async () => {
  const { page, context, errors } = await openApp(env.browser, env.server.url);
  await drawn(page);
  // As for data too big for a link (the core's toHash refuses it): the same reason Copy link gives.
  await page.evaluate(() => {
    window.backpropLab.lab.toHash = () => {
      throw new Error("the data (2000 patterns) makes the link longer than 65536 characters");
    };
  });
  await page.locator("#files-menu summary").click();
  await page.getByRole("button", { name: "Exercise sheet" }).click();
  await page.locator("#notice-text").filter({ hasText: "No exercise sheet" }).waitFor();
  assert.match(await page.locator("#notice-text").innerText(), /^No exercise sheet: the data \(2000 patterns\) makes the link longer than 65536 characters\.$/);
  assert.equal(await page.locator("#notice-action").innerText(), "Export model");
  assert.equal(context.pages().length, 1, "no new tab");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the sheet keeps the app's Content-Security-Policy, is served with its headers and shipped by dist.sh", async () => {
  const page = readFileSync(join(ROOT, "www/sheet/index.html"), "utf8");
  assert.equal(metaPolicy(page), metaPolicy(readFileSync(join(ROOT, "index.html"), "utf8")));
  const response = await fetch(`${env.server.url}www/sheet/`);
  assert.equal(response.status, 200);
  assert.match(response.headers.get("content-type"), /^text\/html/);
  assert.match(response.headers.get("content-security-policy"), /frame-ancestors 'none'$/);
  assert.match(readFileSync(join(ROOT, "tools/dist.sh"), "utf8"), /www\/sheet/);
});

test("axe-core finds no violation (minor ones included) on the sheet; screenshots on a desktop and a phone", async () => {
  const { app, context } = await openFromApp();
  const hash = await app.evaluate(() => window.backpropLab.lab.toHash(7, true));
  for (const [name, viewport] of [["desktop", { width: 1366, height: 768 }], ["phone", { width: 390, height: 844 }]]) {
    const axeContext = await env.browser.newContext({ viewport, deviceScaleFactor: 1, bypassCSP: true });
    const page = await axeContext.newPage();
    await page.goto(`${env.server.url}www/sheet/#sheet=2&${hash}`);
    assert.equal(await settled(page), "ready");
    await shot(page, `sheet-${name}`);
    await assertAxeClean(page, name);
    if (name === "phone") {
      const wide = await page.evaluate(() => document.documentElement.scrollWidth > innerWidth);
      assert.equal(wide, false, "no sideways scrolling of the whole page on a phone");
    }
    await axeContext.close();
  }
  await context.close();
});

/** A4's printable width in CSS pixels: 210 mm less the sheet's 14 mm margins (Letter's is wider). */
const A4_WIDTH = Math.floor(((210 - 2 * 14) * 96) / 25.4);

/**
 * What of the sheet does not fit across A4 when printed: the cells and captions past the printable
 * width, the tables that overlap another, and per layer and for the patterns the column heads in
 * all their parts together.
 */
const onA4 = async (page) => {
  await page.emulateMedia({ media: "print" });
  await page.setViewportSize({ width: A4_WIDTH, height: 1000 });
  const found = await page.evaluate(() => {
    const edge = document.documentElement.clientWidth + 0.5;
    const past = [...document.querySelectorAll("#sheet :is(th, td, caption, p, h1, dl)")]
      .filter((c) => c.getBoundingClientRect().right > edge)
      .map((c) => `${c.closest("table")?.caption.textContent ?? c.tagName}: ${c.textContent.slice(0, 24)}`);
    const boxes = [...document.querySelectorAll("#sheet table")].map((t) => [t.caption.textContent, t.getBoundingClientRect()]);
    const overlaps = boxes.flatMap(([n, a], k) => boxes.slice(k + 1)
      .filter(([, b]) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
      .map(([m]) => `${n} × ${m}`));
    const heads = (tables) => tables.flatMap((t) => [...t.tHead.rows[0].cells].slice(1).map((c) => c.textContent));
    const layers = {};
    for (const t of document.querySelectorAll(".questions table[data-layer]")) (layers[t.dataset.layer] ??= []).push(t);
    return {
      past, overlaps, wide: document.documentElement.scrollWidth > document.documentElement.clientWidth,
      layers: Object.values(layers).map((ts) => ({ heads: heads(ts), rows: ts.map((t) => t.tBodies[0].rows.length), parts: ts.length })),
      patterns: heads([...document.querySelectorAll(".questions table.patterns")]),
    };
  });
  await page.emulateMedia({ media: null });
  return found;
};

test("the widest sheets fit across A4: wide tables in parts with every column, nothing past the edge or over another", async () => {
  const { initSync, Lab } = await import("../../www/pkg/backprop_lab.js");
  initSync({ module: readFileSync(join(ROOT, "www/pkg/backprop_lab_bg.wasm")) });
  // The core's limits: the widest network there is.
  const { maxInputs, maxHidden, maxNeurons } = JSON.parse(Lab.limits());
  const widest = Array(maxHidden).fill(maxNeurons).join(",");
  const names = (k, x) => Array.from({ length: k }, (_, j) => `${x}${j + 1}`);
  const data = [[...names(maxInputs, "x"), ...names(maxNeurons, "t")].join(","), ...[0, 1, 2].map((mu) =>
    [...names(maxInputs, "").map((_, j) => ((j * 7 + mu * 3) % 11) / 10 - 0.55), ...names(maxNeurons, "").map((_, j) => (j + mu) % 2)].join(","))].join(";");
  const g = (k) => `&g=${Array(k).fill("tanh").join(",")},sigmoid`;
  const cases = [
    [`dataset=xor&hidden=${maxNeurons}${g(1)}`, [2, maxNeurons], 3],
    [`dataset=xor&hidden=${widest}${g(maxHidden)}`, [2, ...Array(maxHidden).fill(maxNeurons)], 3],
    [`data=${data}&hidden=${widest}${g(maxHidden)}`, [maxInputs, ...Array(maxHidden).fill(maxNeurons)], maxInputs + maxNeurons],
  ];
  const context = await env.browser.newContext();
  for (const [hash, fanIns, patternColumns] of cases) {
    for (const which of ["1", "batch"]) {
      const page = await context.newPage();
      const errors = errorsOf(page);
      await page.goto(`${env.server.url}www/sheet/#sheet=${which}&${hash}`);
      assert.equal(await settled(page), "ready", hash);
      const { past, overlaps, wide, layers, patterns } = await onA4(page);
      const what = `${fanIns.join("-")} ${which}`;
      assert.deepEqual(past, [], `${what}: nothing past A4's printable width`);
      assert.deepEqual(overlaps, [], `${what}: no table over another`);
      assert.equal(wide, false, what);
      assert.equal(layers.length, fanIns.length, what);
      for (const [n, { heads, rows, parts }] of layers.entries()) {
        assert.deepEqual(heads, [...names(fanIns[n], "j = "), "b"], `${what}: layer ${n + 1} has every column j and b, once`);
        assert.ok(rows.every((r) => r === rows[0]), `${what}: every part of layer ${n + 1} has every row`);
        if (fanIns[n] === maxNeurons) assert.ok(parts > 1, `${what}: layer ${n + 1} in parts`);
      }
      assert.equal(patterns.length, patternColumns, `${what}: every input and target`);
      if (which === "1") {
        // On paper too (page.pdf prints as A4 does): the last column of each widest layer, at
        // least once (a part that runs onto the next page repeats its head row there).
        const text = pdfPages(await page.pdf({ format: "A4" })).join("");
        const last = text.split(`j=${maxNeurons}`).length - 1;
        assert.ok(last >= fanIns.filter((k) => k === maxNeurons).length, `${what}: j = ${maxNeurons} printed in each layer that has it (${last})`);
      }
      assert.deepEqual(errors, [], what);
      await page.close();
    }
  }
  await context.close();
});

