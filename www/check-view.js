// The numerical-differentiation lab: every weight's ∂E/∂w by backprop and by finite differences,
// the error against ε, and the cost against n. The O(n²) work runs as jobs cut into slices that
// share each frame with drawing, so the page stays responsive.

import { fmt, el, fitCanvas } from "./util.js";
import { scalingSweep, fitSlopes } from "./scaling.js";
/** ε of the sweep: 10^−14 … 10^−1 in half decades. */
const SWEEP = Array.from({ length: 27 }, (_, k) => 10 ** (-14 + 0.5 * k));

/** What the lab last drew: nothing yet (tableKey: the selection the table was drawn with). */
const notDrawn = () => ({ sweep: null, scaling: undefined, table: null, tableKey: null });

/** The lab's part of the app state. */
export const createCheck = () => ({
  active: false, key: null, jobs: [], eps: 1e-6, progress: 0,
  table: null, sweep: null, scaling: null, measuring: null, drawn: notDrawn(),
  longestMeasuringFrameMs: 0, // the most any one frame spent (sweep work and drawing) while measuring time against n
});

/** Relative error → class and symbol (shape as well as colour). */
const grade = (r) => (r <= 1e-7 ? ["rel-good", "✓✓"] : r <= 1e-4 ? ["rel-ok", "✓"] : ["rel-bad", "✗"]);

/** One finite-difference check of every parameter at ε, a slice per step; yields progress. */
function* checkAt(lab, eps, onProgress) {
  lab.startCheck(eps);
  let chunk = 4;
  for (;;) {
    const t0 = performance.now();
    const done = lab.advanceCheck(chunk);
    onProgress?.(done);
    if (done >= 1) return;
    const ms = performance.now() - t0;
    chunk = Math.max(1, Math.round(chunk * Math.min(4, Math.max(0.25, 3 / Math.max(ms, 0.05)))));
    yield done;
  }
}

function* tableJob(state) {
  const lab = state.lab;
  const c = state.check;
  yield* checkAt(lab, c.eps, (p) => {
    c.progress = p;
  });
  const forward = lab.checkForward();
  const central = lab.checkCentral();
  const costs = lab.checkCosts();
  c.table = {
    eps: c.eps,
    names: Array.from({ length: lab.paramCount }, (_, k) => lab.paramLocation(k)),
    backprop: lab.gradientAll(),
    forward,
    central,
    relForward: lab.relativeErrors(forward),
    relCentral: lab.relativeErrors(central),
    costs: { backprop: lab.backpropCost(), forward: costs.slice(0, 3), central: costs.slice(3) },
    notes: lab.notesCost(),
  };
}

function* sweepJob(state) {
  const lab = state.lab;
  const fwd = [];
  const cen = [];
  for (const eps of SWEEP) {
    yield* checkAt(lab, eps);
    fwd.push(Math.max(...lab.relativeErrors(lab.checkForward())));
    cen.push(Math.max(...lab.relativeErrors(lab.checkCentral())));
    yield 0;
  }
  state.check.sweep = { eps: SWEEP, forward: fwd, central: cen };
}

/** The cost-against-n measurement (www/scaling.js); it goes on when the weights change. */
function* scalingJob(state) {
  state.check.scaling = yield* scalingSweep(state.wasm.Lab);
  state.check.measuring = null;
}

/** Restarts the jobs that depend on the weights (and, until it is done, the scaling measurement). */
export const restartCheck = (state) => {
  const c = state.check;
  c.progress = 0;
  c.jobs = [tableJob(state), sweepJob(state)];
  if (!c.scaling) c.jobs.push((c.measuring ??= scalingJob(state)));
};

/** Re-measures the scaling chart (a measurement under way stops and frees its networks). */
export const remeasure = (state) => {
  const c = state.check;
  c.jobs = c.jobs.filter((j) => j !== c.measuring);
  c.measuring?.return();
  c.scaling = null;
  c.measuring = scalingJob(state);
  c.jobs.push(c.measuring);
  state.dirty = true;
};

/** Runs queued jobs for at most `budgetMs` (a step is not begun when one as long as the last would
 * overrun it); marks the state dirty only when a job finished (the progress bar is updated
 * directly), so a long check does not redraw everything every frame. */
export const workCheck = (state, budgetMs, progressBar) => {
  const c = state.check;
  const t0 = performance.now();
  let last = 0;
  while (c.jobs.length && performance.now() - t0 + last < budgetMs) {
    const s0 = performance.now();
    const step = c.jobs[0].next();
    last = performance.now() - s0;
    if (step.done) {
      c.jobs.shift();
      state.dirty = true;
    }
  }
  progressBar.value = c.jobs.length ? c.progress : 1;
};

/** w₁₂⁽¹⁾ or b₁⁽²⁾ as DOM. */
const paramName = ([n, i, j]) =>
  j < 0
    ? el("span", {}, "b", el("sub", {}, `${i + 1}`), el("sup", {}, `(${n})`))
    : el("span", {}, "w", el("sub", {}, `${i + 1}${j + 1}`), el("sup", {}, `(${n})`));

/** The check table (redrawn when its results or the selection change) and the cost table. */
const drawTable = (ui, state) => {
  const t = state.check.table;
  const key = t && `${JSON.stringify(state.selected)}`;
  if (t && state.check.drawn.table === t && state.check.drawn.tableKey === key) return;
  state.check.drawn.table = t;
  state.check.drawn.tableKey = key;
  const body = ui.checkTable.tBodies[0];
  if (!t) {
    body.replaceChildren();
    return;
  }
  if (body.dataset.key !== String(t.backprop.length)) {
    body.replaceChildren();
    body.dataset.key = String(t.backprop.length);
    t.names.forEach((loc, k) => {
      const row = body.insertRow();
      row.dataset.k = k;
      row.tabIndex = 0;
      row.insertCell().append(paramName(loc));
      for (let c = 0; c < 5; c++) row.insertCell();
    });
  }
  const sel = state.selected;
  t.names.forEach((loc, k) => {
    const row = body.rows[k];
    const [gf, sf] = grade(t.relForward[k]);
    const [gc, sc] = grade(t.relCentral[k]);
    row.cells[1].textContent = fmt(t.backprop[k], 6);
    row.cells[2].textContent = fmt(t.forward[k], 6);
    row.cells[3].textContent = `${fmt(t.relForward[k], 2)} ${sf}`;
    row.cells[3].className = gf;
    row.cells[4].textContent = fmt(t.central[k], 6);
    row.cells[5].textContent = `${fmt(t.relCentral[k], 2)} ${sc}`;
    row.cells[5].className = gc;
    row.classList.toggle("selected", sel?.kind === "edge" && sel.n === loc[0] && sel.i === loc[1] && sel.j === loc[2]);
  });
  const costs = ui.costTable.tBodies[0];
  const rows = [["backprop", t.costs.backprop], ["forward difference", t.costs.forward], ["central difference", t.costs.central]];
  costs.replaceChildren(...rows.map(([name, c]) => el("tr", {},
    el("th", { scope: "row" }, name),
    ...Array.from(c, (v) => el("td", {}, v.toLocaleString("en-US"))),
    el("td", {}, `${(c[1] / t.costs.backprop[1]).toFixed(1)}×`))));
  const n = t.backprop.length;
  const P = t.costs.backprop[0];
  ui.costExplain.textContent =
    `n = ${n} weights and biases, P = ${P} patterns. Backprop: one forward and one backward pass per pattern, O(n). ` +
    `Forward difference: (n + 1)·P = ${(n + 1) * P} forward passes; central: 2n·P = ${2 * n * P}; each costs O(n), so O(n²) in all.`;
  // Blackboard 2.3's own count, one pattern: 2(n + m) per perturbed weight, 2n(n + m) for all n.
  const m = t.notes[2];
  const [, macs, acts] = t.costs.central;
  const num = (v) => v.toLocaleString("en-US");
  document.getElementById("notes-cost").textContent =
    `The notes' count (Blackboard 2.3, one pattern): perturbing one weight costs 2(n + m) = 2(${n} + ${m}) = ${num(t.notes[0])} operations ` +
    `(n weights' multiply-adds and m = ${m} neurons' evaluations of g, for w + ε and for w − ε), so all n weights cost ` +
    `2n(n + m) = ${num(t.notes[1])}: O(n²). Ours, central difference per pattern: (multiply-adds + activations) / P = ` +
    `(${num(macs)} + ${num(acts)}) / ${P} = ${num((macs + acts) / P)}.`;
};

/** The ε sweep and the scaling charts, each when its results are new (drawn by the core). */
const drawCharts = (ui, state, pal) => {
  const c = state.check;
  const { drawLogLog, loglogSlope } = state.wasm;
  if (c.sweep && c.drawn.sweep !== c.sweep) {
    fitCanvas(ui.epsChart);
    const s = c.sweep;
    const k = SWEEP.length - 3; // ε = 10^−2, on the truncation side: anchor the slope-1 and slope-2 lines there
    drawLogLog(ui.epsChart, "ε", "largest relative error", "forward difference|central difference",
      Float64Array.from(s.eps), Float64Array.from([...s.forward, ...s.central]),
      Float64Array.from([1, SWEEP[k], s.forward[k], 2, SWEEP[k], s.central[k]]), "top-middle", pal.dark);
    c.drawn.sweep = c.sweep;
  }
  if (c.drawn.scaling !== c.scaling) {
    drawScaling(ui, c.scaling, loglogSlope, drawLogLog, pal);
    c.drawn.scaling = c.scaling;
  }
};

/** The cost-against-n charts (counted, and timed: guide lines through the largest network, where n
 * sets the time) and their fitted slopes as text, which a screen reader reads too. */
const drawScaling = (ui, rows, loglogSlope, drawLogLog, pal) => {
  const said = document.getElementById("scaling-slopes");
  if (!rows) {
    said.textContent = "Measuring the time against n (networks up to n = 8,577, taking turns a few milliseconds at a time)…";
    return;
  }
  const fit = fitSlopes(rows, loglogSlope);
  const n = Float64Array.from(rows, (r) => r.n);
  const series = (keys) => Float64Array.from(keys.flatMap((k) => rows.map((r) => r[k])));
  const last = rows.at(-1);
  for (const [canvas, [bp, num], unit, at] of [
    [ui.scalingOps, ["bpOps", "numOps"], "multiply-adds (counted)", rows[0]],
    [ui.scalingTime, ["bpMs", "numMs"], "ms in this browser", last],
  ]) {
    fitCanvas(canvas);
    drawLogLog(canvas, "n (weights and biases)", unit,
      `backprop: slope ${fit[bp].toFixed(2)}|numerical (central): slope ${fit[num].toFixed(2)}`, n, series([bp, num]),
      Float64Array.from([1, at.n, at[bp], 2, at.n, at[num]]), "top-left", pal.dark);
  }
  said.textContent = `fitted time slope: backprop ${fit.bpMs.toFixed(2)}, numerical (central) ${fit.numMs.toFixed(2)} ` +
    `(least squares on the ${rows.length - (rows.length >> 1)} largest networks, n = ${fit.from.toLocaleString("en-US")} to ` +
    `${fit.to.toLocaleString("en-US")}; one backprop gradient ${fmt(last.bpMs, 2)} ms, one numerical ${fmt(last.numMs, 3)} ms at ` +
    `n = ${last.n.toLocaleString("en-US")}). Counted multiply-adds: slopes ${fit.bpOps.toFixed(2)} and ${fit.numOps.toFixed(2)}.`;
};

/** Draws the lab (only when its tab is shown). */
export const drawCheck = (ui, state, pal) => {
  const c = state.check;
  ui.checkProgress.value = c.jobs.length ? c.progress : 1;
  ui.epsLabel.textContent = fmt(c.eps, 2).replace(/−/g, "-");
  drawTable(ui, state);
  drawCharts(ui, state, pal);
};

/** Forces the charts to redraw (theme or size changed). */
export const invalidateCharts = (state) => {
  state.check.drawn = notDrawn();
};
