// The exercise sheet: a print-ready page of one forward and backward pass by hand (one pattern μ or
// a whole batch epoch), built from the app's share link in the address (#sheet=μ|batch&<lab hash>).
// The core computes every number (lab.exerciseSheet); this page lays them out as blanks, with the
// answer key on a page of its own, and writes the same content as Markdown.

import init, { Lab } from "../pkg/backprop_lab.js";
import { el, fmt, fmtShort, download } from "../util.js";
import { FORMULAS, MAX_LISTED, facts, group, listed, markdown, taskText, what } from "./markdown.js";

/** Why there is no batch sheet of `count` patterns (by hand, a batch epoch over more is no exercise). */
const batchTooBig = (count) => `One batch epoch: only for data of up to ${MAX_LISTED} patterns (this has ${count})`;
import { sym, wSym, blankSym, typeset } from "./typeset.js";
import { sub } from "../network-layout.js";

const $ = (id) => document.getElementById(id);

/** @typedef {string | Node} Cell  What a table cell holds: text, or a node (a typeset symbol). */
/**
 * @typedef {object} Blank  One blank of the exercise, as the core lists it (lab.exerciseSheet).
 * @property {number} mu  its pattern (−1: ∂E/∂w and Δw of a batch epoch)
 * @property {string} kind  "a", "x", "E", "delta", "grad" or "dw"
 * @property {number} n  the layer
 * @property {number} i  the neuron
 * @property {number} j  the weight's input (−1: the bias, or a blank of a neuron)
 * @property {string} symbol  its name in Unicode
 * @property {number} value  the answer, worked out from the numbers as printed
 * @property {number} [within]  how far an answer may be off, where the printed digits allow no closer
 */

/**
 * The Lab the address describes (setup and weights), its full share link (every setting spelt out,
 * for the regenerate link) and the exercise it asks for ("sheet=": μ from 1, "batch", or null).
 * The core reads the address as the app reads a share link, `sheet=` included; throws with every
 * reason the address is unusable.
 */
const buildLab = (hash, defaultSpeed) => {
  if (!hash.replace(/^#/, "")) throw new Error("This address holds no network.");
  const wanted = JSON.parse(Lab.parseSheetHash(hash));
  if (wanted.ignored.length) throw new Error(`This link is damaged: ${wanted.ignored.join("; ")}.`);
  const lab = Lab.fromSetup(JSON.stringify(wanted.setup));
  if (wanted.weights) lab.setWeights(Float64Array.from(wanted.weights));
  return { lab, hash: lab.toHash(wanted.speed ?? defaultSpeed, true), which: wanted.sheet };
};

/** μ (0-based) or −1 from the address's exercise (μ from 1, "batch", or null: the first pattern); throws when the data has no such pattern. */
const pickMu = (which, count) => {
  if (which === null) return 0;
  if (which === "batch") {
    if (count > MAX_LISTED) throw new Error(batchTooBig(count));
    return -1;
  }
  if (which > count) throw new Error(`This link asks for pattern ${which}; the data set has patterns 1 to ${count} (or “batch”).`);
  return which - 1;
};

/** A table in a box that scrolls sideways when the table is wider than the screen (on paper: never). */
const scroller = (t) => el("div", { class: "scroll" }, t);
/** Lets the keyboard reach (and scroll) every table box too narrow for its table, named by its caption. */
const focusScrollers = () => {
  for (const box of document.querySelectorAll(".scroll")) {
    if (box.scrollWidth > box.clientWidth) {
      for (const [k, v] of [["tabindex", "0"], ["role", "region"], ["aria-label", box.querySelector("caption").textContent]]) box.setAttribute(k, v);
    } else {
      for (const k of ["tabindex", "role", "aria-label"]) box.removeAttribute(k);
    }
  }
};

/** A corner header's name for screen readers only (a header cell must not be empty). */
const hidden = (text) => el("span", { class: "visually-hidden" }, text);

/** A table with a caption, a head row and body rows; the first cell of a row is its header. */
const table = (cls, caption, head, rows, attrs = {}) =>
  scroller(el("table", { class: cls, ...attrs },
    el("caption", {}, caption),
    el("thead", {}, el("tr", {}, head.map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, rows.map((r) => el("tr", {}, r.map((c, k) => (k === 0 ? el("th", { scope: "row" }, c) : el("td", {}, c))))))));

/** A copy of a cell's content that may go in a second place (text, or a node cloned). */
const copy = (c) => (c instanceof Node ? c.cloneNode(true) : c);

/**
 * How many columns of `cells` fit beside a column of `rowHeads` on paper: the printable width of A4
 * (sheet.css's --print-width) at the print font size, measured with the page's own fonts.
 */
const fitting = (rowHeads, cells) => {
  const column = (tag, items) => el("table", { class: "grid" }, el("tbody", {}, items.map((c) => el("tr", {}, el(tag, {}, copy(c))))));
  const probe = el("div", { class: "probe", "aria-hidden": "true" }, column("th", rowHeads), column("td", cells));
  document.body.append(probe);
  const [paper, head, cell] = [probe, ...probe.children].map((e) => e.getBoundingClientRect().width);
  probe.remove();
  return Math.max(1, Math.floor((paper - head - 2) / cell));
};

/** Columns 0…count − 1 in runs of at most `most`, as even as can be: 17 by 6 → 0–5, 6–11, 12–16. */
const runs = (count, most) => {
  const size = Math.ceil(count / Math.ceil(count / most));
  return Array.from({ length: Math.ceil(count / size) }, (_, r) => Array.from({ length: Math.min(size, count - r * size) }, (_, k) => r * size + k));
};

/**
 * A table of numbers (`rows`: [row header, cell…]) under `heads`, in parts of as many columns as
 * fit across the paper, each part with the corner and the row headers again and a caption that
 * names its columns (`name(run)`). On screen the same parts as on paper.
 * @param {object} table
 * @param {string} table.cls  the table's class
 * @param {Cell[]} table.caption
 * @param {Cell} table.corner  the header above the row headers
 * @param {Cell[]} table.heads  the column headers
 * @param {Cell[][]} table.rows
 * @param {(run: number[]) => string} table.name  the columns of a part, for its caption
 * @param {Record<string, string | number>} [table.attrs]  more attributes of each part's table
 */
const parts = ({ cls, caption, corner, heads, rows, name, attrs }) => {
  const cut = runs(heads.length, fitting(rows.map((r) => r[0]), [...heads, ...rows.flatMap((r) => r.slice(1))]));
  return cut.map((run) => table(cls, cut.length > 1 ? [...caption.map(copy), `, columns ${name(run)}`] : caption, [copy(corner), ...run.map((k) => heads[k])],
    rows.map((r) => [copy(r[0]), ...run.map((k) => r[k + 1])]), attrs));
};

/** "j = 1–6", "j = 13–16, b" or "b": the weight columns `run` of a layer with `fanIn` inputs (column fanIn is b). */
const weightColumns = (run, fanIn) => {
  const js = run.filter((k) => k < fanIn).map((k) => k + 1);
  const span = js.length > 1 ? `j = ${js[0]}–${js[js.length - 1]}` : js.length ? `j = ${js[0]}` : "";
  return [span, run.includes(fanIn) ? "b" : ""].filter(Boolean).join(", ");
};

/** The weights and biases of every layer, row i and columns j and b, in parts that fit across the paper. */
const weightTables = (s) =>
  s.weights.flatMap((layer) => parts({
    cls: "grid", attrs: { "data-layer": layer.n },
    caption: [`Layer ${layer.n}: `, sym("w", "ij", `(${layer.n})`), " and ", sym("b", "i", `(${layer.n})`)],
    corner: hidden("Neuron"), heads: [...layer.w[0].map((_, j) => `j = ${j + 1}`), "b"],
    rows: layer.w.map((row, i) => [`i = ${i + 1}`, ...row.map((v) => fmt(v, s.digits)), fmt(layer.b[i], s.digits)]),
    name: (run) => weightColumns(run, layer.w[0].length),
  }));

/** The patterns: μ, inputs x₁…, targets t₁…, in parts that fit across the paper. */
const patternTables = (s) => {
  const p = s.patterns[0];
  const names = [...p.input.map((_, k) => `x${sub(k + 1)}`), ...p.target.map((_, k) => `t${sub(k + 1)}`)];
  const { patterns, caption } = listed(s);
  const tables = parts({
    cls: "grid patterns", caption: [caption], corner: "μ",
    heads: [...p.input.map((_, k) => sym("x", k + 1, "(0)")), ...p.target.map((_, k) => sym("t", k + 1))],
    rows: patterns.map((q) => [String(q.mu + 1), ...q.input.map((v) => fmtShort(v, s.digits)), ...q.target.map((v) => fmtShort(v, s.digits))]),
    name: (run) => (run.length > 1 ? `${names[run[0]]}–${names[run[run.length - 1]]}` : names[run[0]]),
  });
  if (s.mu >= 0 && patterns.length > 1) for (const t of tables) t.querySelector("tbody").rows[s.mu].classList.add("chosen");
  return tables;
};

/**
 * A blank's box: empty on the sheet; in the key the number at `digits` (exact in data-value, with
 * its place, for tests) and after it, where the printed digits allow no closer, how far an answer may be off.
 */
const box = (b, key, digits) =>
  key
    ? [el("span", { class: "box filled", "data-kind": b.kind, "data-mu": b.mu, "data-n": b.n, "data-i": b.i, "data-j": b.j, "data-value": b.value }, fmt(b.value, digits)),
      b.within != null ? el("span", { class: "within" }, `± ${fmtShort(b.within, 2)}`) : []]
    : el("span", { class: "box" });

/** Up to this many patterns side by side in one table of the pass (more: another table below). */
const COLUMNS = 4;

/**
 * A table of blanks: a row per quantity (blanks with the same `id`, in the order the core lists
 * them), a column per entry of `cols` (`col(b)` says whose a blank is), a group row where `part(b)` changes.
 * @template C  what tells the columns apart (a pattern μ, a kind of blank)
 * @param {object} table
 * @param {string} table.cls  the table's class
 * @param {string} table.caption
 * @param {Cell} table.corner  the header above the row headers
 * @param {C[]} table.cols
 * @param {(c: C) => string} table.head  a column's header
 * @param {Blank[]} table.blanks
 * @param {(b: Blank) => string} table.id  the row a blank goes in
 * @param {(b: Blank) => C} table.col  the column a blank goes in
 * @param {(b: Blank) => Cell | Cell[]} table.label  a row's header, from its first blank
 * @param {(b: Blank) => string | null} [table.part]  the group of rows a blank's row is in (none: null)
 * @param {boolean} table.key  numbers (the answer key) rather than empty boxes
 * @param {number} table.digits  significant digits of the numbers
 */
const blankTable = ({ cls, caption, corner, cols, head, blanks, id, col, label, part = () => null, key, digits }) => {
  const rows = new Map();
  for (const b of blanks) {
    if (!rows.has(id(b))) rows.set(id(b), { b, cells: new Map() });
    rows.get(id(b)).cells.set(col(b), b);
  }
  const body = [];
  let last = null;
  for (const { b, cells } of rows.values()) {
    if (part(b) && part(b) !== last) body.push(el("tr", { class: "group" }, el("th", { scope: "rowgroup", colspan: String(cols.length + 1) }, part(b))));
    last = part(b);
    body.push(el("tr", {}, el("th", { scope: "row" }, label(b)), cols.map((c) => el("td", {}, cells.has(c) ? box(cells.get(c), key, digits) : ""))));
  }
  return scroller(el("table", { class: cls },
    el("caption", {}, caption),
    el("thead", {}, el("tr", {}, el("th", { scope: "col" }, corner), cols.map((c) => el("th", { scope: "col" }, head(c))))),
    el("tbody", {}, body)));
};

/** Words for the parts of the pass. */
const PARTS = { forward: "forward pass", error: "error", backward: "backward pass" };

/** The pass: a row per quantity in lecture order (a, x; Ẽ(μ); δ), a column per pattern. */
const passTables = (s, key) => {
  const blanks = s.blanks.filter((b) => group(b.kind));
  const mus = [...new Set(blanks.map((b) => b.mu))];
  const out = [];
  for (let c = 0; c < mus.length; c += COLUMNS) {
    const cols = mus.slice(c, c + COLUMNS);
    out.push(blankTable({
      cls: "pass", caption: mus.length > 1 ? `1. Patterns μ = ${cols[0] + 1} to ${cols[cols.length - 1] + 1}` : `1. Pattern μ = ${cols[0] + 1}`,
      corner: hidden("Quantity"), cols, head: (mu) => `μ = ${mu + 1}`, blanks, id: (b) => `${b.kind} ${b.n} ${b.i}`, col: (b) => b.mu,
      label: blankSym, part: (b) => PARTS[group(b.kind)], key, digits: s.digits,
    }));
  }
  return out;
};

/** The updates, a table per layer side by side: a row per weight and bias, a column for ∂E/∂w (batch) and one for Δw. */
const updateTables = (s, key) => {
  const kinds = s.mu < 0 ? ["grad", "dw"] : ["dw"];
  return s.weights.map(({ n }) => blankTable({
    cls: "updates", caption: `2. ${s.mu < 0 ? "∂E/∂w, Δw" : "Δw"}, layer ${n}`, corner: hidden("Parameter"),
    cols: kinds, head: (k) => (k === "dw" ? "Δw" : "∂E/∂w"), blanks: s.blanks.filter((b) => b.n === n && kinds.includes(b.kind)),
    id: (b) => `${b.i} ${b.j}`, col: (b) => b.kind, label: (b) => wSym(b.n, b.i, b.j), key, digits: s.digits,
  }));
};

/** The lecture's formulas the exercise needs, one a line. */
const formulas = (s) =>
  el("div", { class: "formulas" }, [["forward", "Forward"], ["error", "Error"], ["backward", "Backward"], [s.mu < 0 ? "grad" : "dw", "Update"]]
    .map(([k, name]) => el("p", {}, el("span", { class: "what" }, name), el("span", {}, typeset(FORMULAS[k])))));

/** The pass and the updates side by side (stacked when narrow): blanks (key = false) or numbers (key = true). */
const exercise = (s, key) => el("div", { class: "work" }, el("div", {}, passTables(s, key)), el("div", { class: "layers" }, updateTables(s, key)));

/** The whole sheet: page 1 the setup, weights, patterns and blanks; page 2 the answer key. */
const render = (s, derivatives, link) => [
  el("section", { class: "questions", "aria-labelledby": "sheet-title" },
    el("div", { class: "head" },
      el("h1", { id: "sheet-title" }, `Backprop by hand: ${what(s)}`),
      el("p", { class: "name" }, "Name: ", el("span", { class: "line" }))),
    el("dl", { class: "facts" }, facts(s, derivatives).map(([k, v]) => el("div", {}, el("dt", {}, k), el("dd", {}, typeset(v))))),
    el("p", { class: "task" }, taskText(s)),
    el("div", { class: "tables" }, weightTables(s), patternTables(s)),
    formulas(s),
    exercise(s, false),
    el("p", { class: "link" }, `Seed ${s.seed}. This sheet again, with these weights: `, el("a", { href: link }, link))),
  el("section", { class: "answers", "aria-labelledby": "key-title" },
    el("h1", { id: "key-title" }, `Answer key: ${what(s)}`),
    exercise(s, true)),
];

/** Replaces the sheet with a message saying why there is none. */
const fail = (message) => {
  const app = new URL("../../", location.href).href;
  $("sheet").replaceChildren(el("div", { class: "message", role: "alert" },
    el("h1", {}, "No exercise sheet"),
    el("p", {}, message),
    el("p", {}, "Open ", el("a", { href: app }, "Backprop Lab"), ", set up the network, then choose Save & share → Exercise sheet.")));
  $("sheet").dataset.state = "error";
};

/** Loads the core, builds the Lab from the address and draws the sheet; redraws when the chooser changes. */
const boot = async () => {
  try {
    await init();
  } catch (e) {
    return fail(`The WebAssembly core did not load (${e.message}).`);
  }
  const limits = JSON.parse(Lab.limits());
  const derivatives = Object.fromEntries(limits.activations.map((g) => [g.name, g.derivative]));
  let lab;
  let labHash;
  let mu;
  let patterns;
  let digits;
  try {
    let which;
    ({ lab, hash: labHash, which } = buildLab(location.hash, limits.defaultSpeed));
    mu = pickMu(which, lab.patternCount);
    ({ patterns, digits } = JSON.parse(lab.exerciseSheet(0)));
  } catch (e) {
    return fail(e.message);
  }
  const appLink = /** @type {HTMLAnchorElement} */ ($("app-link"));
  appLink.href = `${new URL("../../", location.href).href}#${labHash}`;
  const chooser = /** @type {HTMLSelectElement} */ ($("which"));
  chooser.replaceChildren(
    ...patterns.map((p) => el("option", { value: String(p.mu + 1) }, `Pattern μ = ${p.mu + 1}: x = (${p.input.map((v) => fmtShort(v, digits)).join(", ")}), t = ${p.target.map((v) => fmtShort(v, digits)).join(", ")}`)),
    patterns.length > MAX_LISTED
      ? el("option", { value: "batch", disabled: "" }, batchTooBig(patterns.length))
      : el("option", { value: "batch" }, `One batch epoch (all ${patterns.length} patterns)`));
  let sheet;
  let link;
  const show = () => {
    try {
      sheet = JSON.parse(lab.exerciseSheet(mu));
    } catch (e) {
      return fail(e.message);
    }
    const choice = mu < 0 ? "batch" : String(mu + 1);
    link = `${location.href.replace(/#.*$/, "")}#sheet=${choice}&${labHash}`;
    history.replaceState(null, "", link);
    chooser.value = choice;
    document.title = `Exercise sheet: ${what(sheet)} — Backprop Lab`;
    $("sheet").replaceChildren(...render(sheet, derivatives, link));
    focusScrollers();
    $("sheet").dataset.state = "ready";
  };
  chooser.addEventListener("change", () => {
    mu = chooser.value === "batch" ? -1 : Number(chooser.value) - 1;
    show();
  });
  addEventListener("resize", focusScrollers);
  $("print").addEventListener("click", () => print());
  $("markdown").addEventListener("click", () =>
    download(`exercise-sheet-${sheet.dataset}-${sheet.mu < 0 ? "batch" : `mu${sheet.mu + 1}`}.md`, new Blob([markdown(sheet, facts(sheet, derivatives), link)], { type: "text/markdown" })));
  for (const c of [chooser, /** @type {HTMLButtonElement} */ ($("print")), /** @type {HTMLButtonElement} */ ($("markdown"))]) c.disabled = false;
  show();
};

boot();
