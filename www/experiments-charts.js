// The Experiments tab's charts on 2-D canvas: log axes, the η sweep's loss curves and its valley
// (final E and epochs to solve against η), the seeds' histogram of final E, and the thumbnails of
// decision boundaries. Each function draws one picture from results; none keeps state.

import { fitCanvas, fmt, paint } from "./util.js";
import { setFont, yAxisName } from "./draw.js";
/** @import { Range } from "./draw.js" */

const SUP = { "-": "⁻", 0: "⁰", 1: "¹", 2: "²", 3: "³", 4: "⁴", 5: "⁵", 6: "⁶", 7: "⁷", 8: "⁸", 9: "⁹" };

/** 10^d as text: 0.01, 1, 1000 for |d| ≤ 3, else 10⁻⁸. */
export const decade = (d) => (Math.abs(d) <= 3 ? String(10 ** d) : `10${String(d).split("").map((c) => SUP[c]).join("")}`);

/**
 * Colours for `count` runs ordered by η, from a viridis-like scale (colour-blind safe, light to
 * dark monotone), kept off the end that would vanish into the theme's background.
 */
export const runColours = (count, dark) => {
  const stops = dark
    ? [[137, 97, 214], [62, 130, 214], [33, 168, 158], [110, 206, 88], [253, 231, 37]]
    : [[68, 1, 84], [59, 82, 139], [33, 145, 140], [70, 170, 70], [190, 160, 0]];
  return Array.from({ length: count }, (_, k) => {
    const t = count > 1 ? (k / (count - 1)) * (stops.length - 1) : 0;
    const a = Math.min(stops.length - 2, Math.floor(t));
    const f = t - a;
    const c = stops[a].map((v, i) => Math.round(v + (stops[a + 1][i] - v) * f));
    return `rgb(${c[0]} ${c[1]} ${c[2]})`;
  });
};

/** Viridis as a 256-entry RGBA table (for the landscape's log E). */
export const viridisLut = () => {
  const stops = [[68, 1, 84], [72, 40, 120], [62, 74, 137], [49, 104, 142], [38, 130, 142], [31, 158, 137], [53, 183, 121], [109, 205, 89], [180, 222, 44], [253, 231, 37]];
  const lut = new Uint8ClampedArray(256 * 4);
  for (let k = 0; k < 256; k++) {
    const t = (k / 255) * (stops.length - 1);
    const a = Math.min(stops.length - 2, Math.floor(t));
    const f = t - a;
    lut.set([...stops[a].map((v, i) => v + (stops[a + 1][i] - v) * f), 255], 4 * k);
  }
  return lut;
};

/** Decades from floor(lo) to ceil(hi), thinned to at most `max` labels. */
const decades = (lo, hi, max) => {
  const out = [];
  const a = Math.floor(lo + 1e-9);
  const b = Math.ceil(hi - 1e-9);
  const step = Math.max(1, Math.ceil((b - a + 1) / Math.max(2, max)));
  for (let d = a; d <= b; d++) if (d >= lo - 1e-9 && d <= hi + 1e-9 && (d - a) % step === 0) out.push(d);
  return out;
};

/**
 * A chart's frame in a w × h canvas with log axes: x and y ranges in log₁₀ units, tick labels at
 * decades (`xTick`/`yTick` turn a decade into text), faint grid lines; returns { box, toX, toY }.
 */
export const logFrame = (ctx, w, h, { x: [xlo, xhi], y: [ylo, yhi], xName, yName, pal, font, xTick = decade, yTick = decade, bottom = 0 }) => {
  setFont(ctx, font);
  const yd = decades(ylo, yhi, Math.floor((h - bottom) / (font * 2.2)));
  const widest = Math.max(0, ...yd.map((d) => ctx.measureText(yTick(d)).width));
  const box = { x: font * 1.5 + widest + 6, y: font * 0.6, w: 0, h: h - bottom - font * 3.1 };
  box.w = w - box.x - 10;
  const toX = (v) => box.x + ((v - xlo) / (xhi - xlo || 1)) * box.w;
  const toY = (v) => box.y + ((yhi - v) / (yhi - ylo || 1)) * box.h;
  ctx.strokeStyle = pal.line;
  ctx.lineWidth = 1;
  ctx.fillStyle = pal.muted;
  ctx.textAlign = "right";
  ctx.textBaseline = "middle";
  for (const d of yd) {
    const y = Math.round(toY(d)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(box.x, y);
    ctx.lineTo(box.x + box.w, y);
    ctx.stroke();
    ctx.fillText(yTick(d), box.x - 4, y);
  }
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  for (const d of decades(xlo, xhi, Math.floor(box.w / (font * 3.5)))) {
    const x = Math.round(toX(d)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(x, box.y);
    ctx.lineTo(x, box.y + box.h);
    ctx.stroke();
    ctx.fillText(xTick(d), x, box.y + box.h + 3);
  }
  ctx.fillText(xName, box.x + box.w / 2, box.y + box.h + font * 1.45);
  ctx.strokeStyle = pal.muted;
  ctx.strokeRect(box.x, box.y, box.w, box.h);
  yAxisName(ctx, yName, font * 0.75, box);
  return { box, toX, toY };
};

/** Prepares a canvas for drawing in CSS pixels; returns { ctx, w, h }. */
export const begin = (canvas) => {
  const { w, h, dpr } = fitCanvas(canvas);
  const ctx = canvas.getContext("2d");
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, w, h);
  return { ctx, w, h };
};

/** An × of half-size r at (x, y). */
const cross = (ctx, x, y, r) => {
  ctx.beginPath();
  ctx.moveTo(x - r, y - r);
  ctx.lineTo(x + r, y + r);
  ctx.moveTo(x + r, y - r);
  ctx.lineTo(x - r, y + r);
  ctx.stroke();
};

/** log₁₀ of E, or NaN when E is not a positive finite number. */
const lg = (v) => (v > 0 && Number.isFinite(v) ? Math.log10(v) : NaN);

/** The range of log₁₀ E over the finite values of `lists`, at least one decade, floor and ceiling at decades. */
const logRange = (values, floor = -12) => {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    const l = lg(v);
    if (Number.isFinite(l)) {
      lo = Math.min(lo, l);
      hi = Math.max(hi, l);
    }
  }
  if (!Number.isFinite(lo)) return [-4, 0];
  lo = Math.max(floor, Math.floor(lo));
  hi = Math.max(lo + 1, Math.ceil(hi));
  return [lo, hi];
};

/**
 * The sweep's loss curves: log E against log(1 + epoch), one colour per η, an × at a diverged run's
 * last finite point; `hot` (index or −1) drawn thicker. Returns the pixel polylines for hit tests.
 */
export const drawSweepCurves = (canvas, runs, colours, epochs, hot, pal) => {
  const { ctx, w, h } = begin(canvas);
  const font = Math.round(pal.font * 0.82);
  const done = runs.filter(Boolean);
  // The top: two decades over the largest E at epoch 0, so a run on its way to overflow (E of
  // 10²⁷⁶ before it diverges) leaves the chart at the top instead of squashing every other curve.
  const [ylo, top] = logRange(done.flatMap((r) => r.e));
  const yhi = Math.min(top, Math.ceil(Math.max(...done.map((r) => lg(r.e[0])).filter(Number.isFinite), ylo)) + 2);
  const xhi = Math.log10(1 + epochs);
  const f = logFrame(ctx, w, h, {
    x: [0, xhi], y: [ylo, yhi], xName: "epoch (log scale)", yName: "E (log)", pal, font,
    xTick: (d) => (d === 0 ? "0" : decade(d)),
  });
  const lines = [];
  const order = runs.map((_, k) => k).filter((k) => runs[k] && k !== hot);
  if (hot >= 0 && runs[hot]) order.push(hot);
  ctx.save();
  ctx.beginPath();
  ctx.rect(f.box.x, f.box.y, f.box.w, f.box.h);
  ctx.clip();
  for (const k of order) {
    const r = runs[k];
    const pts = [];
    for (let i = 0; i < r.epochs.length; i++) {
      const l = lg(r.e[i]);
      if (!Number.isFinite(l)) break;
      pts.push([f.toX(Math.log10(1 + r.epochs[i])), f.toY(Math.max(ylo - 0.05, Math.min(yhi + 0.05, l)))]);
    }
    lines[k] = pts;
    ctx.strokeStyle = colours[k];
    ctx.lineWidth = k === hot ? 4 : 2;
    ctx.lineJoin = "round";
    ctx.beginPath();
    pts.forEach(([x, y], i) => (i ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
    ctx.stroke();
    if (r.divergedAt != null && pts.length) {
      ctx.lineWidth = 2.5;
      const [x, y] = pts.at(-1);
      cross(ctx, x, Math.max(f.box.y + 7, y), 6);
    }
  }
  ctx.restore();
  return { lines, box: f.box };
};

/**
 * The valley: final E against η (top, log–log; the solved line E = `solvedE` dashed; × for diverged
 * runs, drawn at the top edge), and below it the epoch each η solved the task at ("–": not solved).
 */
export const drawSweepValley = (canvas, runs, colours, epochs, pal, solvedE) => {
  const { ctx, w, h } = begin(canvas);
  const font = Math.round(pal.font * 0.82);
  const done = runs.filter(Boolean);
  if (!done.length) return;
  const le = done.map((r) => Math.log10(r.eta));
  const pad = 0.15;
  /** @type {Range} */
  const x = [Math.min(...le) - pad, Math.max(...le) + pad];
  const lower = Math.round(h * 0.36);
  const [ylo, yhi] = logRange(done.map((r) => r.final).concat([solvedE]), -10);
  const ls = Math.log10(solvedE);
  const f = logFrame(ctx, w, h, { x, y: [ylo, yhi], xName: "η (log scale)", yName: "final E (log)", pal, font, bottom: lower });
  // The solved line.
  ctx.strokeStyle = pal.muted;
  ctx.setLineDash([5, 4]);
  ctx.beginPath();
  ctx.moveTo(f.box.x, f.toY(ls));
  ctx.lineTo(f.box.x + f.box.w, f.toY(ls));
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.fillStyle = pal.muted;
  // Under the line at the right, where the too-large steps are above it; above the line when the
  // line is the chart's floor (the label would sit on the η ticks).
  const under = f.toY(ls) + 2 + font <= f.box.y + f.box.h;
  ctx.textAlign = "right";
  ctx.textBaseline = under ? "top" : "bottom";
  ctx.fillText(`solved: E < ${fmt(solvedE, 2).replace(/\.?0+$/, "")}`, f.box.x + f.box.w - 4, f.toY(ls) + (under ? 2 : -2));
  // The line through the finite final E, then the points (a final E below the chart sits on its floor).
  const clampY = (l) => f.toY(Math.max(ylo, Math.min(yhi, l)));
  ctx.strokeStyle = pal.muted;
  ctx.lineWidth = 1.2;
  ctx.beginPath();
  let on = false;
  runs.forEach((r) => {
    const l = r && r.divergedAt == null ? lg(r.final) : NaN;
    if (!Number.isFinite(l)) {
      on = false;
      return;
    }
    const px = f.toX(Math.log10(r.eta));
    const py = clampY(l);
    if (on) ctx.lineTo(px, py);
    else ctx.moveTo(px, py);
    on = true;
  });
  ctx.stroke();
  runs.forEach((r, k) => {
    if (!r) return;
    const px = f.toX(Math.log10(r.eta));
    const l = lg(r.final);
    ctx.strokeStyle = ctx.fillStyle = colours[k];
    if (r.divergedAt != null || !Number.isFinite(l)) {
      ctx.lineWidth = 2.5;
      cross(ctx, px, f.box.y + 7, 6);
    } else {
      ctx.beginPath();
      ctx.arc(px, clampY(l), 4.5, 0, 2 * Math.PI);
      ctx.fill();
    }
  });
  if (runs.some((r) => r && r.divergedAt != null)) {
    ctx.fillStyle = pal.muted;
    ctx.textAlign = "right";
    ctx.textBaseline = "top";
    ctx.fillText("× diverged", f.box.x + f.box.w - 4, f.box.y + 15);
  }
  // Epochs to solve, on its own log axis below.
  const top = h - lower + font * 0.8;
  const bh = lower - font * 2.6;
  const eTop = Math.max(1, Math.ceil(Math.log10(Math.max(1, epochs))));
  const toY = (v) => top + bh - (v / eTop) * bh;
  ctx.strokeStyle = pal.muted;
  ctx.lineWidth = 1;
  ctx.strokeRect(f.box.x, top, f.box.w, bh);
  ctx.fillStyle = pal.muted;
  ctx.textAlign = "right";
  ctx.textBaseline = "middle";
  for (const d of [0, eTop]) ctx.fillText(decade(d), f.box.x - 4, toY(d));
  ctx.textAlign = "left";
  ctx.textBaseline = "top";
  ctx.fillText("epochs to solve (log)", f.box.x + 4, top + 2);
  ctx.textAlign = "center";
  runs.forEach((r, k) => {
    if (!r) return;
    const px = f.toX(Math.log10(r.eta));
    if (r.solvedAt == null) {
      ctx.fillStyle = pal.muted;
      ctx.textBaseline = "bottom";
      ctx.fillText("–", px, top + bh - 1);
      return;
    }
    const py = toY(Math.log10(Math.max(1, r.solvedAt)));
    ctx.fillStyle = colours[k];
    ctx.fillRect(px - 3, py, 6, top + bh - py);
  });
  ctx.fillStyle = pal.muted;
  ctx.textBaseline = "top";
  ctx.fillText("–: not solved", f.box.x + f.box.w - font * 3.5, top + 2);
};

/**
 * Histogram of final E (log bins of half a decade; diverged runs in their own bar at the right),
 * bars of solved runs in the theme's blue, the others in its orange and hatched, the solved
 * line at E = `solvedE`. Returns the bins for the text alternative.
 */
export const drawHistogram = (canvas, runs, pal, solved, solvedE) => {
  const { ctx, w, h } = begin(canvas);
  if (!runs.length) return { diverged: 0 }; // nothing yet: no empty axes
  const font = Math.round(pal.font * 0.8);
  const finite = runs.filter((r) => r.divergedAt == null && r.final > 0 && Number.isFinite(r.final));
  const [lo, hi] = logRange(finite.map((r) => r.final).concat([solvedE]), -16);
  const ls = Math.log10(solvedE);
  const per = 2; // bins per decade
  const nb = Math.max(1, (hi - lo) * per);
  const good = new Array(nb).fill(0);
  const bad = new Array(nb).fill(0);
  for (const r of finite) {
    const b = Math.max(0, Math.min(nb - 1, Math.floor((Math.log10(r.final) - lo) * per)));
    if (solved(r)) good[b]++;
    else bad[b]++;
  }
  const diverged = runs.length - finite.length;
  const most = Math.max(1, ...good.map((g, b) => g + bad[b]), diverged);
  setFont(ctx, font);
  const left = Math.max(font * 2.6, ctx.measureText(String(most)).width + 8); // room for the top count ("1068")
  const box = { x: left, y: font * 0.5, w: w - left - 8 - (diverged ? font * 6 : 0), h: h - font * 3 };
  const toX = (v) => box.x + ((v - lo) / (hi - lo)) * box.w;
  const toY = (n) => box.y + box.h - (n / most) * box.h;
  const hatch = ctx.createPattern(hatching(pal.neg), "repeat");
  for (let b = 0; b < nb; b++) {
    const x0 = toX(lo + b / per) + 1;
    const x1 = toX(lo + (b + 1) / per) - 1;
    ctx.fillStyle = pal.pos;
    ctx.fillRect(x0, toY(good[b]), x1 - x0, box.y + box.h - toY(good[b]));
    ctx.fillStyle = hatch;
    ctx.fillRect(x0, toY(good[b] + bad[b]), x1 - x0, toY(good[b]) - toY(good[b] + bad[b]));
  }
  if (diverged) {
    const x0 = box.x + box.w + font * 2.4;
    ctx.fillStyle = hatch;
    ctx.fillRect(x0, toY(diverged), font * 3, box.y + box.h - toY(diverged));
    ctx.fillStyle = pal.muted;
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ctx.fillText("diverged", x0 + font * 1.5, box.y + box.h + 3);
  }
  ctx.strokeStyle = pal.muted;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(box.x, box.y + box.h + 0.5);
  ctx.lineTo(box.x + box.w, box.y + box.h + 0.5);
  ctx.stroke();
  ctx.setLineDash([4, 3]);
  ctx.beginPath();
  ctx.moveTo(toX(ls), box.y);
  ctx.lineTo(toX(ls), box.y + box.h);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.fillStyle = pal.muted;
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  for (const d of decades(lo, hi, Math.floor(box.w / (font * 4)))) ctx.fillText(decade(d), toX(d), box.y + box.h + 3);
  ctx.fillText("final E (log scale)", box.x + box.w / 2, box.y + box.h + font * 1.4);
  ctx.textAlign = "right";
  ctx.textBaseline = "middle";
  ctx.fillText(String(most), box.x - 4, box.y + 4);
  ctx.fillText("0", box.x - 4, box.y + box.h);
  ctx.textAlign = "left";
  ctx.textBaseline = "top";
  ctx.fillText("← solved", Math.max(box.x + 2, toX(ls) - ctx.measureText("← solved").width - 4), box.y);
  return { lo, per, good, bad, diverged };
};

/** A small tile of diagonal stripes in `colour` (the "not solved" fill: shape as well as colour). */
const hatching = (colour) => {
  const c = new OffscreenCanvas(6, 6);
  const g = c.getContext("2d");
  g.fillStyle = colour;
  g.globalAlpha = 0.35;
  g.fillRect(0, 0, 6, 6);
  g.globalAlpha = 1;
  g.strokeStyle = colour;
  g.lineWidth = 1.6;
  g.beginPath();
  g.moveTo(-1, 7);
  g.lineTo(7, -1);
  g.stroke();
  return c;
};

/**
 * One decision-boundary thumbnail: the t × t grid of ŷ (rows from the top, as the boundary view's
 * grid) in the boundary view's colours, scaled to the canvas, and the patterns as small marks
 * (circle: target 1, square: target 0). `toUnit` maps ŷ to [−1, 1] as the boundary view does.
 */
export const drawThumb = (canvas, thumb, t, pal, toUnit, points, side) => {
  // The side in CSS pixels comes from the caller (measured once for a whole gallery): reading each
  // canvas's size would lay the page out once per thumbnail.
  const dpr = window.devicePixelRatio || 1;
  canvas.width = canvas.height = Math.round(side * dpr);
  const ctx = canvas.getContext("2d");
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const w = side;
  const h = side;
  const img = new ImageData(t, t);
  paint(thumb, img.data, pal.lut, toUnit);
  const off = new OffscreenCanvas(t, t);
  off.getContext("2d").putImageData(img, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(off, 0, 0, w, h);
  for (const [px, py, cls] of points) {
    const x = px * w;
    const y = py * h;
    ctx.fillStyle = cls ? pal.pos : pal.neg;
    ctx.strokeStyle = pal.fg;
    ctx.lineWidth = 1;
    ctx.beginPath();
    if (cls) ctx.arc(x, y, 3, 0, 2 * Math.PI);
    else ctx.rect(x - 2.6, y - 2.6, 5.2, 5.2);
    ctx.fill();
    ctx.stroke();
  }
};

/** "1.2e−4" etc. for the text alternatives. */
export const eText = (v) => fmt(v, 2);
