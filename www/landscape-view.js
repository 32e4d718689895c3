// The loss landscape of the Experiments tab: E over the plane through the current weights along two
// parameters w_p (across) and w_q (up), as a heatmap of log₁₀ E with contour lines every half
// decade, the training path so far projected onto the plane, the current point and −∇E there.
// Computed by the core on the main thread (lab.landscape, ≤ 8 ms for 101 × 101) at most once a
// frame, whenever the weights, the choice or the range changed — so it follows training live.

import { fmt, el, sentence } from "./util.js";
import { plotBox, drawAxes, setFont } from "./draw.js";
import { pickEdges } from "./network-view.js";
import { begin, viridisLut } from "./experiments-charts.js";
/** @import { Range } from "./draw.js" */

/** Resolutions offered (points per side), those within the core's limits. */
const RESOLUTIONS = [101, 151, 201, 301];
/** The screen reader's line is rewritten at most this often (ms) while the landscape follows training. */
const SAID_EVERY_MS = 1000;

/** w₂₃⁽¹⁾ or b₂⁽¹⁾: parameter k's name in the lecture's notation (the core's). */
const paramName = (lab, k) => lab.paramLabel(k);

/** Parameter k's current value. */
const paramValue = (lab, k) => {
  const [n, i, j] = lab.paramLocation(k);
  return lab.weights(n)[lab.paramIndex(n, i, j)];
};

/** Parameter k of edge (n, i, j) (j = −1: the bias), or −1. */
const paramOf = (lab, n, i, j) => {
  for (let k = 0; k < lab.paramCount; k++) {
    const [a, b, c] = lab.paramLocation(k);
    if (a === n && b === i && c === j) return k;
  }
  return -1;
};

/**
 * Marching squares on the levels base + k·step of a res × res grid, in one pass: each cell is
 * visited once and cut by the levels between its corners' least and greatest value. Segments go
 * to `out` as x0, y0, x1, y1 in grid coordinates (column, row).
 */
const contourSegments = (v, res, base, step, out) => {
  for (let r = 0; r + 1 < res; r++) {
    for (let c = 0; c + 1 < res; c++) {
      const tl = v[r * res + c];
      const tr = v[r * res + c + 1];
      const bl = v[(r + 1) * res + c];
      const br = v[(r + 1) * res + c + 1];
      const lo = Math.min(tl, tr, bl, br);
      const hi = Math.max(tl, tr, bl, br);
      if (!(hi > lo)) continue; // flat, or a NaN corner
      for (let k = Math.ceil((lo - base) / step); base + k * step < hi; k++) {
        const level = base + k * step;
        let n = 0;
        let x0 = 0;
        let y0 = 0;
        const add = (x, y) => {
          if (n === 0) {
            x0 = x;
            y0 = y;
          } else if (n === 1 || n === 3) out.push(x0, y0, x, y);
          else {
            x0 = x;
            y0 = y;
          }
          n++;
        };
        if ((tl < level) !== (tr < level)) add(c + (level - tl) / (tr - tl), r);
        if ((tr < level) !== (br < level)) add(c + 1, r + (level - tr) / (br - tr));
        if ((bl < level) !== (br < level)) add(c + (level - bl) / (br - bl), r + 1);
        if ((tl < level) !== (bl < level)) add(c, r + (level - tl) / (bl - tl));
      }
    }
  }
};

/** Most time a landscape may take to compute (ms) before its resolution is lowered: about a frame. */
const LANDSCAPE_FRAME_MS = 16;
/** The resolution a new Lab or data set is measured at first (its cost per cell unknown). */
const PROBE_RES = 31;

/** The spacing of contour levels (in log₁₀ E) for a range of `span` decades: ½ when that gives at
 * least 4 lines, else the largest of 0.2, 0.1, 0.05, … × 10⁻ᵏ that does. */
const contourStep = (span) => {
  if (span >= 2) return 0.5;
  for (let k = 0; k < 12; k++) for (const m of [0.2, 0.1, 0.05]) if (span / (m * 10 ** -k) >= 4) return m * 10 ** -k;
  return 1e-12;
};

/** The colour scale as a 1 × 256 image, high E at the top. */
const colourBar = (lut) => {
  const c = new OffscreenCanvas(1, 256);
  const img = new ImageData(1, 256);
  for (let y = 0; y < 256; y++) img.data.set(lut.subarray(4 * (255 - y), 4 * (256 - y)), 4 * y);
  c.getContext("2d").putImageData(img, 0, 0);
  return c;
};

/**
 * @typedef {object} Plane  The landscape's part of the app state (state.experiments.plane): the
 *   choice, and what was computed and drawn for which key.
 * @property {number} p  the parameter across
 * @property {number} q  the parameter up
 * @property {number} span  the range ± around the current weights
 * @property {number} res  the chosen resolution (points per side)
 * @property {string | null} labKey  the Lab and shape the menus list ("labId|shape")
 * @property {string | null} key  what the grid was last computed for
 * @property {Float64Array | null} values  E over the grid, row by row (null: nothing to draw)
 * @property {Float32Array | null} logs  log₁₀ E over the grid
 * @property {Float64Array | null} at  [E, ∂E/∂w_p, ∂E/∂w_q] at the current weights
 * @property {Float64Array | null} path  the training path so far on the plane: w_p, w_q of each kept epoch
 * @property {[number, number] | null} centre  [w_p, w_q] now: the plane's centre
 * @property {number} ms  the last computation's time (ms)
 * @property {number} drawMs  the last drawing's time (ms)
 * @property {number} lastAt  when it was last drawn (a frame's time)
 * @property {number} computed  how many times it was computed
 * @property {number} clicks  edges clicked in the diagram towards the next choice (1: p chosen, q next)
 * @property {number} saidAt  when the text alternative was last written
 * @property {{ img: ImageData, off: OffscreenCanvas, lut: Uint8ClampedArray } | null} image  the heatmap's pixels, kept while the resolution stays
 * @property {string | null} error  why the choice could not be computed (null: it could)
 * @property {boolean} [auto]  p and q are the most moved, picked before the window of epochs was trained (picked again once it is)
 * @property {string} [costKey]  the Lab, data and shape msPerCell was measured on
 * @property {number} [msPerCell]  the time of one cell (ms), smoothed
 * @property {[number, number, number, number]} [drawnFor]  [p, q, span, res] of the values computed last
 * @property {number} [contourStep]  the spacing of the contour levels (log₁₀ E) in the last drawing
 * @property {OffscreenCanvas} [bar]  the colour bar's image
 * @property {Range} [range]  [lo, hi] of log₁₀ E in the last drawing
 * @property {boolean} [saidStale]  the text alternative was not rewritten with the last drawing
 * @property {boolean} [stale]  to be redrawn though nothing it is computed from changed
 */

/** Builds the landscape section; returns what the tab calls every frame. */
export const createLandscape = (state, ui) => {
  const $ = (id) => document.getElementById(id);
  const lim = state.limits.experiments;
  const dom = {
    p: /** @type {HTMLSelectElement} */ ($("land-p")), q: /** @type {HTMLSelectElement} */ ($("land-q")), pMsg: $("land-p-message"), qMsg: $("land-q-message"),
    span: /** @type {HTMLInputElement} */ ($("land-span")), spanMsg: $("land-span-message"), res: /** @type {HTMLSelectElement} */ ($("land-res")),
    moved: $("land-moved"), hint: $("land-hint"), canvas: /** @type {HTMLCanvasElement} */ ($("land-canvas")), said: $("land-said"),
  };
  // Its part of the app state (state.experiments.plane): the choice, and what was computed for which key.
  /** @type {Plane} */
  const plane = (state.experiments.plane = {
    p: 0, q: 1, span: lim.defaultSpan, res: lim.defaultRes, labKey: null, key: null, values: null, logs: null, at: null, path: null,
    centre: null, ms: 0, drawMs: 0, lastAt: -Infinity, computed: 0, clicks: 0, saidAt: 0, image: null, error: null,
  });
  dom.span.value = String(plane.span);
  for (const r of RESOLUTIONS.filter((r) => r >= lim.minRes && r <= lim.maxRes)) dom.res.append(el("option", { value: String(r) }, `${r} × ${r}`));
  dom.res.value = String(plane.res);

  const say = (node, text, field) => {
    node.textContent = text ? sentence(text) : "";
    if (text) field.setAttribute("aria-invalid", "true");
    else field.removeAttribute("aria-invalid");
  };
  const hint = () => {
    const lab = state.lab;
    dom.hint.textContent = plane.clicks === 1
      ? `p = ${paramName(lab, plane.p)} (across). Now click a second edge in the diagram for q (up).`
      : `Across: ${paramName(lab, plane.p)}, up: ${paramName(lab, plane.q)}. Click an edge in the diagram (dashed: a bias) to choose p, then another for q.`;
  };

  /** The menus list every parameter of the Lab (rebuilt when the Lab or its shape changes). */
  const syncMenus = () => {
    const lab = state.lab;
    const key = `${state.labId}|${state.shape}`;
    if (plane.labKey === key) return;
    const fresh = plane.labKey?.split("|")[1] !== state.shape || plane.p >= lab.paramCount || plane.q >= lab.paramCount;
    plane.labKey = key;
    const names = Array.from({ length: lab.paramCount }, (_, k) => paramName(lab, k));
    for (const menu of [dom.p, dom.q]) menu.replaceChildren(...names.map((n, k) => el("option", { value: String(k) }, n)));
    if (fresh) mostMoved();
    dom.p.value = String(plane.p);
    dom.q.value = String(plane.q);
    hint();
  };
  /** The two parameters that moved most in the last window of epochs. Picked before that many
   * epochs were trained (nothing has moved at epoch 0), they are picked again, once, when training
   * reaches it — unless a choice was made meanwhile. */
  const mostMoved = () => {
    const [p, q] = state.lab.movedMost(lim.defaultWindow);
    plane.auto = state.lab.epoch < lim.defaultWindow;
    plane.p = p;
    plane.q = q;
    plane.clicks = 0;
    dom.p.value = String(p);
    dom.q.value = String(q);
    hint();
  };

  dom.p.addEventListener("change", () => {
    plane.p = Number(dom.p.value);
    plane.clicks = 0;
    plane.auto = false;
    hint();
  });
  dom.q.addEventListener("change", () => {
    plane.q = Number(dom.q.value);
    plane.clicks = 0;
    plane.auto = false;
    hint();
  });
  // The range as the core reads it (Lab.parseSpan); a bad one is said next to the field and the
  // plane keeps the range it had.
  dom.span.addEventListener("change", () => {
    try {
      plane.span = state.wasm.Lab.parseSpan(dom.span.value);
      say(dom.spanMsg, "", dom.span);
    } catch (e) {
      say(dom.spanMsg, e.message ?? String(e), dom.span);
    }
  });
  dom.span.addEventListener("keydown", (e) => {
    if (e.key === "Enter") dom.span.dispatchEvent(new Event("change"));
  });
  dom.res.addEventListener("change", () => {
    plane.res = Number(dom.res.value);
  });
  dom.moved.addEventListener("click", mostMoved);
  // A click on an edge of the diagram (while this tab is open): the first sets p, the second q.
  pickEdges(ui.network, state, (n, i, j) => {
    if (!state.experiments.active) return;
    const k = paramOf(state.lab, n, i, j);
    if (k < 0) return;
    plane.auto = false;
    if (plane.clicks === 1) {
      plane.q = k;
      plane.clicks = 0;
    } else {
      plane.p = k;
      plane.clicks = 1;
    }
    dom.p.value = String(plane.p);
    dom.q.value = String(plane.q);
    hint();
    state.dirty = true; // the diagram marks p and q
  });

  /**
   * The resolution to compute at: the chosen one, unless E over these patterns and weights would
   * take more than a frame (LANDSCAPE_FRAME_MS) at it — then the largest odd one that fits, so the
   * page keeps drawing (1000 patterns cost about 150 ms at 101 × 101). A new Lab or data set is
   * first measured at no more than PROBE_RES.
   */
  const resolution = (costKey) => {
    if (plane.costKey !== costKey) return Math.min(plane.res, PROBE_RES);
    let r = plane.res;
    while (r > lim.minRes && plane.msPerCell * r * r > LANDSCAPE_FRAME_MS) r -= 2;
    return Math.max(r, lim.minRes);
  };

  /** Computes the grid, E and ∇E at the point, and the path, when anything they depend on changed. */
  const compute = () => {
    const lab = state.lab;
    const costKey = `${state.labId}|${state.dataVersion}|${state.shape}`;
    const res = resolution(costKey);
    const key = `${state.labId}|${state.dataVersion}|${lab.epoch}|${lab.undoDepth}|${lab.phaseKind}|${lab.phasePattern}|${state.scrubEpoch}|${plane.p}|${plane.q}|${plane.span}|${res}`;
    if (key === plane.key) return false;
    plane.key = key;
    const t0 = performance.now();
    let values;
    try {
      values = lab.landscape(plane.p, plane.q, plane.span, res);
    } catch (e) {
      // The same parameter twice goes next to q, anything else (the range) next to the range.
      const onQ = plane.p === plane.q;
      say(onQ ? dom.qMsg : dom.spanMsg, e.message ?? String(e), onQ ? dom.q : dom.span);
      say(onQ ? dom.spanMsg : dom.qMsg, "", onQ ? dom.span : dom.q);
      plane.error = e.message ?? String(e);
      // No picture of another choice under a caption of it: the plot goes until the choice is valid.
      plane.values = null;
      dom.canvas.hidden = true;
      dom.said.textContent = `No landscape drawn: ${plane.error}`;
      return false;
    }
    say(dom.qMsg, "", dom.q);
    if (plane.error) say(dom.spanMsg, "", dom.span); // a range the field took is said there
    plane.error = null;
    plane.at = lab.landscapeAt(plane.p, plane.q);
    plane.path = lab.landscapePath(plane.p, plane.q);
    plane.centre = [paramValue(lab, plane.p), paramValue(lab, plane.q)];
    plane.drawnFor = [plane.p, plane.q, plane.span, res];
    plane.values = values;
    dom.canvas.hidden = false;
    plane.ms = performance.now() - t0;
    // The cost of a cell, smoothed (one slow frame on a busy machine does not coarsen the picture).
    const perCell = plane.ms / (res * res);
    plane.msPerCell = plane.costKey === costKey ? 0.7 * plane.msPerCell + 0.3 * perCell : perCell;
    plane.costKey = costKey;
    plane.computed++;
    return true;
  };

  /** Paints the heatmap, the contours, the path, the point and the arrow. */
  const draw = (pal) => {
    const t0 = performance.now();
    const { values, at, path, centre } = plane;
    const [p, q, span, res] = plane.drawnFor;
    const lab = state.lab;
    const { ctx, w, h } = begin(dom.canvas);
    const font = Math.round(pal.font * 0.82);
    const barW = font * 3.2; // the colour bar's column
    const [xlo, xhi, ylo, yhi] = [centre[0] - span, centre[0] + span, centre[1] - span, centre[1] + span];
    const box = plotBox(ctx, state.wasm, w - barW, h, [ylo, yhi], font);
    // log₁₀ E per cell and its range.
    const n = res * res;
    if (!plane.logs || plane.logs.length !== n) plane.logs = new Float32Array(n);
    const logs = plane.logs;
    let lo = Infinity;
    let hi = -Infinity;
    for (let k = 0; k < n; k++) {
      const v = values[k];
      const l = v > 0 && Number.isFinite(v) ? Math.log10(v) : v === 0 ? -16 : NaN;
      logs[k] = l;
      if (l === l) {
        if (l < lo) lo = l;
        if (l > hi) hi = l;
      }
    }
    if (!(hi > lo)) hi = lo + 1;
    if (!plane.image || plane.image.img.width !== res) plane.image = { img: new ImageData(res, res), off: new OffscreenCanvas(res, res), lut: viridisLut() };
    const { img, off, lut } = plane.image;
    const px = img.data;
    for (let k = 0; k < n; k++) {
      const l = logs[k];
      if (l !== l) {
        px[4 * k] = px[4 * k + 1] = px[4 * k + 2] = 128; // overflow: grey
      } else {
        const i = 4 * Math.round(((l - lo) / (hi - lo)) * 255);
        px[4 * k] = lut[i];
        px[4 * k + 1] = lut[i + 1];
        px[4 * k + 2] = lut[i + 2];
      }
      px[4 * k + 3] = 255;
    }
    off.getContext("2d").putImageData(img, 0, 0);
    ctx.imageSmoothingEnabled = true;
    // From the first cell's centre to the last's: cell c sits at c / (res − 1) of the width, where
    // its value, the contours and the point are (the whole image would shift them half a cell).
    ctx.drawImage(off, 0.5, 0.5, res - 1, res - 1, box.x, box.y, box.w, box.h);
    const { toX, toY } = drawAxes(ctx, state.wasm, box, [xlo, xhi], [ylo, yhi], [`${paramName(lab, p)} (across)`, `${paramName(lab, q)} (up)`], { pal, font });
    ctx.save();
    ctx.beginPath();
    ctx.rect(box.x, box.y, box.w, box.h);
    ctx.clip();
    // Contours at evenly spaced levels of log₁₀ E: half a decade apart, closer on a flat plane.
    const segs = [];
    const step = contourStep(hi - lo);
    contourSegments(logs, res, 0, step, segs);
    plane.contourStep = step;
    const sx = box.w / (res - 1);
    const sy = box.h / (res - 1);
    ctx.strokeStyle = "rgb(255 255 255 / .55)";
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (let k = 0; k < segs.length; k += 4) {
      ctx.moveTo(box.x + segs[k] * sx, box.y + segs[k + 1] * sy);
      ctx.lineTo(box.x + segs[k + 2] * sx, box.y + segs[k + 3] * sy);
    }
    ctx.stroke();
    // The path so far: a white line on a dark edge, its start a square.
    if (path.length >= 2) {
      for (const [colour, width] of [["rgb(0 0 0 / .75)", 4], ["#fff", 2]]) {
        ctx.strokeStyle = colour;
        ctx.lineWidth = width;
        ctx.lineJoin = "round";
        ctx.beginPath();
        for (let k = 0; k < path.length; k += 2) {
          const x = toX(path[k]);
          const y = toY(path[k + 1]);
          if (k) ctx.lineTo(x, y);
          else ctx.moveTo(x, y);
        }
        ctx.stroke();
      }
      ctx.fillStyle = "#fff";
      ctx.strokeStyle = "#000";
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.rect(toX(path[0]) - 4, toY(path[1]) - 4, 8, 8);
      ctx.fill();
      ctx.stroke();
    }
    // −∇E at the point: its direction in the plane's pixels, a fixed length (|∇E| is in the text).
    const cx = toX(centre[0]);
    const cy = toY(centre[1]);
    const dx = (-at[1] / (2 * span)) * box.w;
    const dy = (at[2] / (2 * span)) * box.h;
    const len = Math.hypot(dx, dy);
    if (len > 0 && Number.isFinite(len)) {
      const L = Math.min(box.w, box.h) * 0.2;
      const ux = (dx / len) * L;
      const uy = (dy / len) * L;
      for (const [colour, width] of [["#000", 5], ["#fff", 2.5]]) {
        ctx.strokeStyle = ctx.fillStyle = colour;
        ctx.lineWidth = width;
        ctx.beginPath();
        ctx.moveTo(cx, cy);
        ctx.lineTo(cx + ux * 0.82, cy + uy * 0.82);
        ctx.stroke();
        const a = Math.atan2(uy, ux);
        const head = width === 5 ? 13 : 10;
        const tx = cx + ux + (width === 5 ? Math.cos(a) * 2 : 0);
        const ty = cy + uy + (width === 5 ? Math.sin(a) * 2 : 0);
        ctx.beginPath();
        ctx.moveTo(tx, ty);
        ctx.lineTo(tx - Math.cos(a - 0.45) * head, ty - Math.sin(a - 0.45) * head);
        ctx.lineTo(tx - Math.cos(a + 0.45) * head, ty - Math.sin(a + 0.45) * head);
        ctx.fill();
      }
      ctx.fillStyle = "#fff";
      setFont(ctx, font, { bold: true });
      ctx.textAlign = ux >= 0 ? "left" : "right";
      ctx.textBaseline = "middle";
      ctx.strokeStyle = "#000";
      ctx.lineWidth = 3;
      ctx.strokeText("−∇E", cx + ux * 1.08, cy + uy * 1.08);
      ctx.fillText("−∇E", cx + ux * 1.08, cy + uy * 1.08);
    }
    ctx.fillStyle = pal.neg;
    ctx.strokeStyle = "#fff";
    ctx.lineWidth = 2.5;
    ctx.beginPath();
    ctx.arc(cx, cy, 6, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
    ctx.strokeStyle = "#000";
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.arc(cx, cy, 7.5, 0, 2 * Math.PI);
    ctx.stroke();
    ctx.restore();
    // The colour bar: log₁₀ E from lo (bottom) to hi (top), its ends labelled.
    const bx = w - barW + font * 0.9;
    const bw = font * 0.9;
    const by = box.y + font * 1.3;
    const bh = box.h - font * 2.6;
    ctx.drawImage((plane.bar ??= colourBar(lut)), bx, by, bw, bh);
    ctx.strokeStyle = pal.muted;
    ctx.lineWidth = 1;
    ctx.strokeRect(bx, by, bw, bh);
    ctx.fillStyle = pal.muted;
    setFont(ctx, font);
    ctx.textAlign = "center";
    ctx.textBaseline = "bottom";
    ctx.fillText(fmt(10 ** hi, 2), bx + bw / 2, by - 2);
    ctx.textBaseline = "top";
    ctx.fillText(fmt(10 ** lo, 2), bx + bw / 2, by + bh + 2);
    ctx.fillText("E", bx + bw / 2, box.y + box.h + font * 1.2);
    plane.range = [lo, hi];
    plane.drawMs = performance.now() - t0;
  };

  /** The text alternative: E and −∇E at the point, the range, the path. */
  const describe = (now) => {
    plane.saidStale = now - plane.saidAt < SAID_EVERY_MS && state.playing;
    if (plane.saidStale) return;
    plane.saidAt = now;
    const lab = state.lab;
    const [p, q] = plane.drawnFor;
    const [E, gp, gq] = plane.at;
    dom.said.textContent = `At the current weights (${paramName(lab, p)} = ${fmt(plane.centre[0], 3)}, ${paramName(lab, q)} = ${fmt(plane.centre[1], 3)}) ` +
      `E = ${fmt(E, 3)} and −∇E = (${fmt(-gp, 3)}, ${fmt(-gq, 3)}). Over the plane E runs from ${fmt(10 ** plane.range[0], 2)} to ${fmt(10 ** plane.range[1], 2)}; ` +
      `contour lines every ${fmt(plane.contourStep, 2)} in log₁₀ E; the path shows ${plane.path.length / 2} kept epoch${plane.path.length === 2 ? "" : "s"} (computed in ${plane.ms.toFixed(1)} ms${plane.drawnFor[3] < plane.res ? `, at ${plane.drawnFor[3]} × ${plane.drawnFor[3]} instead of ${plane.res} × ${plane.res} to keep the page drawing` : ""}).`;
  };

  return {
    shown: (on) => {
      if (!on) return;
      syncMenus();
      plane.key = null;
    },
    /** Once a frame while the tab is open: recompute and redraw if anything changed. */
    frame: (now, pal) => {
      syncMenus();
      if (plane.auto && state.lab.epoch >= lim.defaultWindow) mostMoved();
      // While training moves the weights, a landscape that costs more than about 2/3 of the time
      // between its redraws waits a frame (the page keeps its frame rate; the default 101 × 101 does not wait).
      if (state.playing && plane.values && now - plane.lastAt < 1.5 * (plane.ms + plane.drawMs) - 1) return;
      if (!compute() && !plane.stale) {
        if (plane.saidStale && !state.playing) describe(now); // paused: the text catches up with the picture
        return;
      }
      plane.lastAt = now;
      plane.stale = false;
      if (!plane.values) return;
      draw(pal);
      describe(now);
    },
    invalidate: () => {
      plane.stale = true;
    },
  };
};
