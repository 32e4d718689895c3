// The network diagram: neurons with their a, x and δ, edges coloured by w, δ flowing backward,
// Δw on the edges at an update, and a small map of what each neuron computes over the input plane.

import { css, yColour, aColour, fitCanvas, paint } from "./util.js";
import { label, arrow } from "./draw.js";
import { weightAt } from "./state.js";
import { layout, edgeEnds, eachEdge, MAP_RES, hitNetwork } from "./network-layout.js";
import { drawHeadings, drawLabels } from "./network-labels.js";

/** Paints every neuron's map (x or a over the input plane) into one offscreen canvas, a row each. */
const neuronMaps = (state, s, pal) => {
  if (s.sizes[0] !== 2) return null;
  const units = s.sizes.slice(1).reduce((a, b) => a + b, 0);
  // A view into wasm memory: read at once, with no call into the Lab until the last unit is painted.
  const view = state.lab.grid(MAP_RES, MAP_RES, state.mapQuantity, false);
  const img = new ImageData(MAP_RES, MAP_RES * units);
  const tanhUnits = new Set();
  let u = 0;
  for (let n = 1; n <= s.L; n++) {
    for (let i = 0; i < s.sizes[n]; i++, u++) {
      // tanh and linear outputs span [−1, 1] or more: colour them like drives, around 0.
      if (state.mapQuantity === "x" && s.activations[n] !== "sigmoid") tanhUnits.add(u);
    }
  }
  const plane = MAP_RES * MAP_RES;
  const lut = pal.lut;
  for (let unit = 0; unit < units; unit++) {
    const values = view.subarray(unit * plane, (unit + 1) * plane);
    const pixels = img.data.subarray(unit * plane * 4, (unit + 1) * plane * 4);
    const asDrive = state.mapQuantity === "a" || tanhUnits.has(unit);
    const scale = state.mapQuantity === "a" ? 0.5 : 1; // a: tanh(a/2); tanh/linear outputs: tanh(x)
    paint(values, pixels, lut, asDrive ? (v) => Math.tanh(scale * v) : (v) => 2 * v - 1);
  }
  const canvas = new OffscreenCanvas(MAP_RES, MAP_RES * units);
  canvas.getContext("2d").putImageData(img, 0, 0);
  return canvas;
};

/** Is edge (n, i, j) the focused edge, or one touching the focused neuron? */
const focusTest = (focus) => (n, i, j) =>
  !!focus && ((focus.kind === "edge" && focus.n === n && focus.i === i && focus.j === j) ||
    (focus.kind === "neuron" && ((focus.n === n && focus.i === i) || (focus.n === n - 1 && focus.i === j))));

/** Is edge (n, i, j) the weight w = (n, i, j) being derived, or on a path from its neuron a_i^(n) to E? */
const pathTest = (w) => (n, i, j) => (n === w.n && i === w.i && j === w.j) || (j >= 0 && (n === w.n + 1 ? j === w.i : n > w.n + 1));

/** Edges: colour = sign of w, width = |w|, dashed for biases; the focused ones stand out. */
const drawEdges = ({ ctx, s, lay, pal, focus, isFocus }) => {
  const { phase } = s;
  eachEdge(s, (n, i, j) => {
    const wv = weightAt(s, s.weights, n, i, j);
    const e = edgeEnds(lay, n, i, j);
    const forwardNow = phase.kind === "forward" && phase.n === n;
    ctx.strokeStyle = wv >= 0 ? pal.pos : pal.neg;
    ctx.globalAlpha = focus && !isFocus(n, i, j) ? 0.35 : forwardNow ? 1 : 0.8;
    ctx.lineWidth = (Number.isFinite(wv) ? Math.min(8, 0.7 + 2.2 * Math.sqrt(Math.abs(wv))) : 1) + (isFocus(n, i, j) ? 2 : 0);
    ctx.setLineDash(j < 0 ? [3, 3] : []);
    ctx.beginPath();
    ctx.moveTo(e.x0, e.y0);
    ctx.lineTo(e.x1, e.y1);
    ctx.stroke();
  });
  ctx.setLineDash([]);
  ctx.globalAlpha = 1;
};

/** δ flowing backward: from layer n + 1 to layer n during "backward through layer n". */
const drawDeltaArrows = ({ ctx, s, lay, pal }) => {
  const n = s.phase.n;
  if (s.phase.kind !== "backward") return;
  if (n === s.L) {
    for (let i = 0; i < s.sizes[n]; i++) {
      const p = lay.nodes[n][i];
      arrow(ctx, p.x + lay.size * 1.15, p.y, p.x + lay.size / 2 + 2, p.y, pal.delta, 2.5);
    }
    return;
  }
  for (let j = 0; j < s.sizes[n + 1]; j++)
    for (let k = 0; k < s.sizes[n]; k++) {
      const e = edgeEnds(lay, n + 1, j, k);
      arrow(ctx, e.x1, e.y1, e.x0, e.y0, pal.delta, 2.5);
    }
};

/** An input x_i: a disc coloured by its value. */
const drawInput = ({ ctx, s, lay, pal, focus }, i) => {
  const p = lay.nodes[0][i];
  const focused = focus?.kind === "neuron" && focus.n === 0 && focus.i === i;
  const v = s.x[0][i];
  ctx.fillStyle = css(s.sizes[0] === 2 ? yColour(v, pal.rgb) : aColour(v, pal.rgb));
  ctx.beginPath();
  ctx.arc(p.x, p.y, lay.size * 0.36, 0, 2 * Math.PI);
  ctx.fill();
  ctx.strokeStyle = focused ? pal.accent : pal.fg;
  ctx.lineWidth = focused ? 3 : 1.2;
  ctx.stroke();
};

/** Neuron i of layer n: its map over the input plane (or its a as a flat colour), δ ring, frame. */
const drawUnit = (v, n, i, unit) => {
  const { ctx, state, s, lay, pal, focus, maps } = v;
  const { phase } = s;
  const p = lay.nodes[n][i];
  const half = lay.size / 2;
  const justForward = phase.kind === "forward" && phase.n === n;
  const focused = focus?.kind === "neuron" && focus.n === n && focus.i === i;
  if (maps) {
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(maps, 0, unit * MAP_RES, MAP_RES, MAP_RES, p.x - half, p.y - half, lay.size, lay.size);
    drawPatternDot(v, n, i, p);
  } else {
    ctx.fillStyle = css(aColour(s.a[n][i], pal.rgb));
    ctx.fillRect(p.x - half, p.y - half, lay.size, lay.size);
  }
  const d = s.delta[n][i];
  const deltaShown = s.stepping && Number.isFinite(d) && (phase.kind === "backward" || phase.kind === "update" || phase.kind === "forward");
  if (deltaShown) {
    ctx.strokeStyle = pal.delta;
    ctx.lineWidth = 2.5 + 4 * Math.min(1, Math.abs(d) / v.maxDelta);
    ctx.strokeRect(p.x - half - 4, p.y - half - 4, lay.size + 8, lay.size + 8);
  }
  ctx.strokeStyle = focused ? pal.accent : justForward ? pal.hi : pal.fg;
  ctx.lineWidth = focused || justForward ? 3.5 : 1.2;
  ctx.strokeRect(p.x - half, p.y - half, lay.size, lay.size);
};

/** Where pattern μ sits on a neuron's map, filled with this neuron's value for it. */
const drawPatternDot = ({ ctx, state, s, lay, pal, domain }, n, i, p) => {
  const half = lay.size / 2;
  const [x1lo, x1hi, x2lo, x2hi] = domain;
  const px = p.x - half + ((s.x[0][0] - x1lo) / (x1hi - x1lo)) * lay.size;
  const py = p.y - half + ((x2hi - s.x[0][1]) / (x2hi - x2lo)) * lay.size;
  const v = state.mapQuantity === "a" ? s.a[n][i] : s.x[n][i];
  if (!Number.isFinite(v) || lay.size < 24) return;
  const fill = state.mapQuantity === "a" || s.activations[n] !== "sigmoid" ? aColour(state.mapQuantity === "a" ? v : 2 * v, pal.rgb) : yColour(v, pal.rgb);
  ctx.fillStyle = css(fill);
  ctx.strokeStyle = pal.fg;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.arc(px, py, Math.max(3, lay.size * 0.07), 0, 2 * Math.PI);
  ctx.fill();
  ctx.stroke();
};

/** The constant input 1 of layer n + 1's biases. */
const drawBias = ({ ctx, lay, pal, font }, n) => {
  const b = lay.bias[n];
  ctx.fillStyle = pal.panel;
  ctx.strokeStyle = pal.muted;
  ctx.lineWidth = 1.2;
  ctx.beginPath();
  ctx.arc(b.x, b.y, lay.size * 0.2, 0, 2 * Math.PI);
  ctx.fill();
  ctx.stroke();
  label(ctx, "1", b.x, b.y, { colour: pal.muted, font });
};

/** Draws the diagram for snapshot `s`; returns the layout for hit testing. */
export const drawNetwork = (canvas, state, s, pal) => {
  const { w, h, dpr } = fitCanvas(canvas);
  const ctx = canvas.getContext("2d");
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, w, h);
  const font = Math.round(pal.font * 0.86);
  const lay = layout(s, w, h, font);
  const derived = state.teach.derived && state.teach.w; // Step 3 of a derivation: its paths lit
  const focus = derived ? { kind: "edge", ...derived } : state.hover ?? state.selected;
  const maps = neuronMaps(state, s, pal);
  const v = {
    ctx, state, s, lay, pal, font, focus, maps,
    isFocus: derived ? pathTest(derived) : focusTest(focus),
    derived: state.teach.derived,
    domain: maps ? state.lab.domain() : null,
    manyEdges: s.sizes.slice(1).reduce((acc, m, k) => acc + m * (s.sizes[k] + 1), 0) > 40,
    maxDelta: Math.max(1e-12, ...s.delta.slice(1).flatMap((d) => Array.from(d).filter(Number.isFinite).map(Math.abs))),
  };
  drawHeadings(v);
  drawEdges(v);
  drawDeltaArrows(v);
  let unit = 0;
  for (let n = 0; n <= s.L; n++) {
    for (let i = 0; i < s.sizes[n]; i++) {
      if (n === 0) drawInput(v, i);
      else drawUnit(v, n, i, unit++);
    }
    if (n < s.L) drawBias(v, n);
  }
  lay.labels = drawLabels(v); // text last, on backdrops, so no edge or arrow runs through it
  if (state.experiments.active && state.experiments.plane) drawPicked(v, state.experiments.plane);
  return lay;
};

/** The Experiments tab's landscape: tags "p" and "q" on the edges of the two parameters it plots. */
const drawPicked = ({ ctx, state, lay, pal, font }, plane) => {
  for (const [k, tag] of [[plane.p, "p"], [plane.q, "q"]]) {
    if (k >= state.lab.paramCount) continue;
    const [n, i, j] = state.lab.paramLocation(k);
    const e = edgeEnds(lay, n, i, j);
    const t = tag === "p" ? 0.3 : 0.38; // off the middle, where the edges of a layer cross, and away from the labels
    label(ctx, tag, e.x0 + t * (e.x1 - e.x0), e.y0 + t * (e.y1 - e.y0), { colour: pal.hi_fg, bg: pal.hi, bold: true, font: font + 2 });
  }
};

/** Calls `pick(n, i, j)` when a click on the diagram hits an edge (j = −1: a bias): how the
 * landscape's parameters are chosen on the diagram while the Experiments tab is open. */
export const pickEdges = (canvas, state, pick) =>
  canvas.addEventListener("click", (e) => {
    const r = canvas.getBoundingClientRect();
    const hit = hitNetwork(state.layout, state.snapshot, e.clientX - r.left, e.clientY - r.top);
    if (hit?.kind === "edge") pick(hit.n, hit.i, hit.j);
  });
