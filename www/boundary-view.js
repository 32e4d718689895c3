// The decision boundary: ŷ over the input plane as a colour map, its 0.5 contour, and the patterns
// drawn by target, with the pattern being stepped ringed. With one input, ŷ against x₁ instead;
// with more than two, a note on why there is no picture. Each drawing leaves its data → pixel
// mapping in state.plotMap, for the pointer (data-edit.js).

import { fitCanvas, paint, el, outputToUnit } from "./util.js";
import { plotBox, drawAxes } from "./draw.js";
/** @import { Range } from "./draw.js" */
import { boundaryLegend } from "./legends.js";

/** Marching squares on the 0.5 level of an nx × ny grid, as line segments in grid coordinates. */
const contour = (v, nx, ny, level = 0.5) => {
  const segs = [];
  const cross = (a, b) => (level - a) / (b - a);
  for (let r = 0; r + 1 < ny; r++) {
    for (let c = 0; c + 1 < nx; c++) {
      const tl = v[r * nx + c];
      const tr = v[r * nx + c + 1];
      const bl = v[(r + 1) * nx + c];
      const br = v[(r + 1) * nx + c + 1];
      const pts = [];
      if ((tl < level) !== (tr < level)) pts.push([c + cross(tl, tr), r]);
      if ((tr < level) !== (br < level)) pts.push([c + 1, r + cross(tr, br)]);
      if ((bl < level) !== (br < level)) pts.push([c + cross(bl, br), r + 1]);
      if ((tl < level) !== (bl < level)) pts.push([c, r + cross(tl, bl)]);
      if (pts.length >= 2) segs.push([pts[0], pts[1]]);
      if (pts.length === 4) segs.push([pts[2], pts[3]]);
    }
  }
  return segs;
};

/** Paints ŷ (first output) over the input plane into the reused offscreen image; returns the image and the values. */
const paintPlane = (state, s, pal, nx, ny) => {
  const view = state.lab.grid(nx, ny, "x", true);
  const values = Float32Array.from(view.subarray(0, nx * ny)); // a copy: the view goes stale at the next Lab call
  let cache = state.boundaryImage;
  if (!cache || cache.img.width !== nx || cache.img.height !== ny) {
    cache = state.boundaryImage = { img: new ImageData(nx, ny), off: new OffscreenCanvas(nx, ny) };
  }
  paint(values, cache.img.data, pal.lut, outputToUnit(s.activations[s.L]));
  cache.off.getContext("2d").putImageData(cache.img, 0, 0);
  return { off: cache.off, values };
};

/** A pattern's mark: filled by its target, circle for class 1 and square for class 0 (shape as well as colour). */
const mark = (ctx, x, y, r, t, pal) => {
  ctx.fillStyle = t > 0.5 ? pal.pos : pal.neg;
  ctx.strokeStyle = pal.fg;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  if (t > 0.5) ctx.arc(x, y, r, 0, 2 * Math.PI);
  else ctx.rect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
  ctx.fill();
  ctx.stroke();
};

/** The ring around the pattern μ being shown. */
const ring = (ctx, x, y, r, pal) => {
  ctx.strokeStyle = pal.hi;
  ctx.lineWidth = 3;
  ctx.beginPath();
  ctx.arc(x, y, r + 5, 0, 2 * Math.PI);
  ctx.stroke();
  ctx.strokeStyle = pal.fg;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.arc(x, y, r + 7, 0, 2 * Math.PI);
  ctx.stroke();
};

/** Two inputs: ŷ over the input plane as colour, its 0.5 contour, and the patterns by target. */
const drawPlane = (ctx, state, s, pal, { w, h, dpr, font }) => {
  const domain = state.lab.domain();
  const box = plotBox(ctx, state.wasm, w, h, [domain[2], domain[3]], font);
  // At least one evaluation per 2 × 2 device pixels.
  const side = state.limits.maxGridSide;
  const nx = Math.max(2, Math.min(side, Math.ceil((box.w * dpr) / 2)));
  const ny = Math.max(2, Math.min(side, Math.ceil((box.h * dpr) / 2)));
  const { off, values } = paintPlane(state, s, pal, nx, ny);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(off, box.x, box.y, box.w, box.h);
  // The 0.5 contour: where ŷ crosses the class threshold.
  ctx.strokeStyle = pal.fg;
  ctx.lineWidth = 2;
  ctx.beginPath();
  const sx = box.w / (nx - 1);
  const sy = box.h / (ny - 1);
  for (const [[c0, r0], [c1, r1]] of contour(values, nx, ny)) {
    ctx.moveTo(box.x + c0 * sx, box.y + r0 * sy);
    ctx.lineTo(box.x + c1 * sx, box.y + r1 * sy);
  }
  ctx.stroke();
  const { toX, toY } = drawAxes(ctx, state.wasm, box, [domain[0], domain[1]], [domain[2], domain[3]], ["x₁", "x₂"], { pal, font });
  const r = s.P > 20 ? 4 : 9;
  const points = new Float32Array(2 * s.P);
  for (let mu = 0; mu < s.P; mu++) {
    const x = (points[2 * mu] = toX(s.inputs[2 * mu]));
    const y = (points[2 * mu + 1] = toY(s.inputs[2 * mu + 1]));
    mark(ctx, x, y, r, s.targets[mu * s.K], pal);
    if (mu === s.mu) ring(ctx, x, y, r, pal);
  }
  state.plotMap = { N: 2, box, x: [domain[0], domain[1]], y: [domain[2], domain[3]], r, points };
};

/**
 * The range of the vertical axis for one input: every finite target, output and curve value, and 0 … 1, with a margin.
 * @returns {Range}
 */
const valueRange = (s, curve) => {
  const values = [0, 1];
  for (let mu = 0; mu < s.P; mu++) values.push(s.targets[mu * s.K], s.outputs[mu][0]);
  for (const v of curve) values.push(v);
  const finite = values.filter(Number.isFinite);
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  // Half-widths, so that ±1e308 does not overflow to ∞; the ends stay within ±MAX/2.
  const pad = (hi * 0.5 - lo * 0.5) * 0.16;
  const reach = Number.MAX_VALUE / 2;
  return [Math.max(-reach, lo - pad), Math.min(reach, hi + pad)];
};

/**
 * One input: ŷ (first output) against x₁ at each pattern, its target beside it and a line between
 * them — the miss t − ŷ that Ẽ(μ) = ½ (t − ŷ)² squares.
 */
const drawCurve = (ctx, state, s, pal, { w, h, font }) => {
  const domain = state.lab.domain();
  // ŷ at the current weights over the whole x₁ axis (one grid row), a point per two pixels.
  const nx = Math.max(2, Math.min(state.limits.maxGridSide, Math.ceil(w / 2)));
  const curve = Float32Array.from(state.lab.grid(nx, 1, "x", true)); // copy before the next Lab call
  const range = valueRange(s, curve);
  const box = plotBox(ctx, state.wasm, w, h, range, font);
  const { toX, toY } = drawAxes(ctx, state.wasm, box, [domain[0], domain[1]], range, ["x₁", "ŷ and t"], { pal, font });
  ctx.strokeStyle = pal.accent || pal.fg;
  ctx.lineWidth = 2;
  ctx.beginPath();
  curve.forEach((v, k) => {
    if (!Number.isFinite(v)) return;
    const x = box.x + (box.w * k) / (nx - 1);
    if (k === 0) ctx.moveTo(x, toY(v));
    else ctx.lineTo(x, toY(v));
  });
  ctx.stroke();
  if (range[0] < 0.5 && range[1] > 0.5) {
    ctx.strokeStyle = pal.muted;
    ctx.setLineDash([4, 4]);
    ctx.beginPath();
    ctx.moveTo(box.x, toY(0.5));
    ctx.lineTo(box.x + box.w, toY(0.5));
    ctx.stroke();
    ctx.setLineDash([]);
  }
  const r = s.P > 20 ? 4 : 7;
  const points = new Float32Array(2 * s.P);
  for (let mu = 0; mu < s.P; mu++) {
    const x = toX(s.inputs[mu]);
    const t = s.targets[mu * s.K];
    points[2 * mu] = x;
    points[2 * mu + 1] = toY(t);
    const y = s.outputs[mu][0];
    const known = s.yKnown[mu] === 1 && Number.isFinite(y);
    if (known) {
      ctx.strokeStyle = pal.delta;
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.moveTo(x, toY(t));
      ctx.lineTo(x, toY(y));
      ctx.stroke();
    }
    mark(ctx, x, toY(t), r, t, pal);
    if (known) {
      ctx.fillStyle = pal.fg;
      ctx.beginPath();
      ctx.arc(x, toY(y), Math.max(3, r * 0.55), 0, 2 * Math.PI);
      ctx.fill();
    }
    if (mu === s.mu) ring(ctx, x, toY(t), r, pal);
  }
  state.plotMap = { N: 1, box, x: [domain[0], domain[1]], y: range, r, points };
};

/** The panel's heading, legend and note for N inputs (changed only when N changes). */
const frame = (ui, N, K) => {
  const key = `${N}/${K}`;
  if (ui.boundaryTitle.dataset.key === key) return;
  ui.boundaryTitle.dataset.key = key;
  const y = K > 1 ? ["ŷ", el("sub", {}, "1")] : ["ŷ"];
  if (N === 2) ui.boundaryTitle.replaceChildren("Decision boundary ", ...y, "(x", el("sub", {}, "1"), ", x", el("sub", {}, "2"), ")");
  else if (N === 1) ui.boundaryTitle.replaceChildren("Output ", ...y, " against x", el("sub", {}, "1"));
  else ui.boundaryTitle.replaceChildren("Decision boundary");
  ui.boundary.hidden = N > 2;
  ui.boundaryNote.hidden = N <= 2;
  ui.boundaryNote.textContent = N > 2
    ? `The decision boundary is drawn over the input plane (x₁, x₂), so it needs exactly 2 inputs; this network has ${N}. ` +
      "The pattern table lists ŷ for every pattern, and the diagram shows each neuron's a, x and δ."
    : "";
  boundaryLegend(ui.boundaryLegend, N);
};

/** Draws the panel: ŷ over the input plane (2 inputs), against x₁ (1 input), or says why there is no picture. */
export const drawBoundary = (ui, state, s, pal) => {
  const N = s.sizes[0];
  frame(ui, N, s.K);
  if (N > 2) {
    state.plotMap = null; // nothing to point at
    return;
  }
  const canvas = ui.boundary;
  const { w, h, dpr } = fitCanvas(canvas);
  const ctx = canvas.getContext("2d");
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, w, h);
  const size = { w, h, dpr, font: Math.round(pal.font * 0.8) };
  if (N === 2) drawPlane(ctx, state, s, pal, size);
  else drawCurve(ctx, state, s, pal, size);
};
