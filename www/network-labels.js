// The text on the network diagram: column headings, the inputs' names and values, a, x and δ under
// each neuron, ŷ and t beside the outputs, numbers on the edges. Every label sits on a backdrop in
// the panel's colour, and labels that would overlap are shortened or thinned out.

import { fmt, fmtShort, shown } from "./util.js";
import { label, labelBox, clear, labelled, setFont } from "./draw.js";
import { weightAt } from "./state.js";
import { edgeEnds, eachEdge, sub, sup } from "./network-layout.js";
/** @import { Point } from "./draw.js" */

/** Heading lines of column n: in full ("layer 1", "sigmoid") or short ("(1)", "sig.") for narrow columns. */
const headingLines = (s, n, short) => {
  const g = n === 0 ? `x${sup(0)}` : s.activations[n];
  if (!short) return [n === 0 ? "input" : `${n === s.L ? "output" : "layer"} ${n}`, g];
  return [n === 0 ? "in" : n === s.L ? "out" : `(${n})`, g.length > 4 ? `${g.slice(0, 3)}.` : g];
};

/** Column headings: x^(0), layer n with its g^(n) — on one line, two lines, or shortened, whichever fits between the columns. */
export const drawHeadings = ({ ctx, s, lay, pal, font }) => {
  setFont(ctx, font);
  ctx.fillStyle = pal.muted;
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  const room = lay.colGap - font * 0.8;
  const fits = (lines) => lines.every((t) => ctx.measureText(t).width <= room);
  const cols = Array.from({ length: s.L + 1 }, (_, n) => n);
  const twoLines = cols.map((n) => headingLines(s, n, false));
  const short = cols.map((n) => headingLines(s, n, true));
  const form = [twoLines.map(([a, b]) => [`${a} · ${b}`]), twoLines].find((f) => f.every(fits)) ?? short;
  form.forEach((lines, n) => lines.forEach((text, k) => {
    ctx.fillText(text, lay.nodes[n][0].x, lines.length === 1 ? font * 0.4 : font * (0.2 + 1.1 * k));
  }));
};

/** The inputs' names on their discs (every k-th when they are close) and, with room, their values below. */
const drawInputLabels = ({ ctx, s, lay, pal, font }, placed) => {
  const show = labelled(s.sizes[0], lay.rowGap, font * 1.4);
  for (let i = 0; i < s.sizes[0]; i++) {
    const p = lay.nodes[0][i];
    if (show(i)) placed.push(label(ctx, `x${sub(i + 1)}`, p.x, p.y, { colour: pal.fg, bg: pal.panel, bold: true, font }));
    if (lay.showText) placed.push(label(ctx, `= ${fmt(s.x[0][i])}`, p.x, p.y + lay.size * 0.36 + font, { colour: pal.fg, bg: pal.panel, font }));
  }
};

/** a, x and δ of neuron i in layer n under it, on backdrops; what the current phase just computed is highlighted. */
const drawUnitText = ({ ctx, s, lay, pal, font }, n, i, placed) => {
  const { phase } = s;
  const p = lay.nodes[n][i];
  const justForward = phase.kind === "forward" && phase.n === n;
  const justDelta = phase.kind === "backward" && phase.n === n;
  const fwd = (s.known[n] & 1) !== 0;
  const back = (s.known[n] & 2) !== 0;
  const y = p.y + lay.size / 2 + font * 0.9;
  const bg = (on) => (on ? pal.hi : pal.panel);
  const colour = (on, plain) => (on ? pal.hi_fg : plain);
  placed.push(
    label(ctx, `a = ${shown(s.a[n][i], fwd)}`, p.x, y, { colour: colour(justForward, pal.fg), bg: bg(justForward), font }),
    label(ctx, `x = ${shown(s.x[n][i], fwd)}`, p.x, y + font * 1.25, { colour: colour(justForward, pal.fg), bg: bg(justForward), font }),
    label(ctx, `δ = ${shown(s.delta[n][i], back)}`, p.x, y + font * 2.5, { colour: colour(justDelta, pal.delta), bg: bg(justDelta), bold: justDelta, font }),
  );
};

/**
 * ŷ_i and its target t_i beside each output neuron: above and below the δ arrow that enters from
 * the right when the rows are far apart, else on one line after it, every k-th when they are close.
 */
const drawOutputLabels = ({ ctx, s, lay, pal, font }, placed) => {
  const K = s.sizes[s.L];
  const half = lay.size / 2;
  const line = font * 1.35;
  const off = Math.max(half - font * 0.6, font * 0.75);
  const apart = lay.rowGap - 2 * off >= line;
  const show = labelled(K, lay.rowGap, apart ? 2 * off + line : line);
  for (let i = 0; i < K; i++) {
    if (!show(i)) continue;
    const p = lay.nodes[s.L][i];
    const name = K > 1 ? `ŷ${sub(i + 1)}` : "ŷ";
    const t = `t = ${fmtShort(s.target[i])}`;
    if (apart) {
      placed.push(
        label(ctx, name, p.x + half + 12, p.y - off, { colour: pal.fg, bg: pal.panel, align: "left", bold: true, font }),
        label(ctx, t, p.x + half + 12, p.y + off, { colour: pal.muted, bg: pal.panel, align: "left", font }),
      );
    } else {
      placed.push(label(ctx, `${name} ${t}`, p.x + lay.size * 1.15 + 4, p.y, { colour: pal.fg, bg: pal.panel, align: "left", font }));
    }
  }
};

/** Where along an edge its number may go, nearest the target neuron first (where the edges into it fan out). */
const ALONG = [0.72, 0.6, 0.84, 0.48, 0.36];

/**
 * Numbers on the edges: Δw = −η δ x at an update, ∂E/∂w so far while going backward (few edges,
 * or the focused one) — each where it covers no other label.
 */
const drawEdgeNumbers = ({ ctx, s, lay, pal, font, isFocus, manyEdges }, placed) => {
  const { phase } = s;
  if (!(phase.kind === "update" || (phase.kind === "backward" && !manyEdges))) return;
  const updating = phase.kind === "update";
  const size = font * 0.9;
  setFont(ctx, size, { mono: true });
  eachEdge(s, (n, i, j) => {
    if (manyEdges && !isFocus(n, i, j)) return;
    if (!updating && n !== phase.n) return;
    const text = fmt(weightAt(s, updating ? s.deltaW : s.grad, n, i, j));
    const e = edgeEnds(lay, n, i, j);
    const width = ctx.measureText(text).width + 6;
    /** @type {(t: number) => Point} */
    const at = (t) => [e.x0 + (e.x1 - e.x0) * t, e.y0 + (e.y1 - e.y0) * t];
    const t = ALONG.find((u) => clear(placed, labelBox(...at(u), width, "center", size))) ?? ALONG[0];
    placed.push(label(ctx, text, ...at(t), { colour: updating ? pal.hi_fg : pal.fg, bg: updating ? pal.hi : pal.panel, font: size }));
  });
};

/**
 * Step 3 of a derivation on the diagram: the factors of its listed paths where they act — w on its
 * edge, g′ above its neuron, ŷ − t above that — and x = ∂a/∂w on the derived weight's edge.
 */
const drawFactors = ({ ctx, s, lay, pal, font, derived: d }, placed) => {
  const size = font * 0.9;
  setFont(ctx, size, { mono: true });
  /**
   * Draws `text` at the first of `spots` [x, y] where it covers no other label (or nowhere).
   * @param {string} text
   * @param {Point[]} spots
   */
  const put = (text, spots) => {
    const width = ctx.measureText(text).width + 6;
    const at = spots.find(([x, y]) => clear(placed, labelBox(x, y, width, "center", size)));
    if (at) placed.push(label(ctx, text, ...at, { colour: pal.hi_fg, bg: pal.hi, font: size }));
  };
  /** @type {(n: number, i: number, j: number) => Point[]} */
  const along = (n, i, j) => {
    const e = edgeEnds(lay, n, i, j);
    return [0.5, 0.35, 0.65, 0.2, 0.8].map((t) => [e.x0 + (e.x1 - e.x0) * t, e.y0 + (e.y1 - e.y0) * t]);
  };
  const factors = new Map([["x", { kind: "x", value: d.p.x, n: d.n, i: d.i, j: d.j }]]);
  for (const path of d.p.paths) for (const f of path.factors) factors.set(`${f.kind}${f.n}|${f.i}|${f.j}`, f);
  // The neurons' g′ and ŷ − t first (above, left or right of the neuron), then x and the w's (along their edges).
  const rank = (f) => "gexw".indexOf(f.kind[0]);
  for (const f of [...factors.values()].sort((f, g) => rank(f) - rank(g))) {
    const p = lay.nodes[f.n ?? s.L][f.i];
    const top = p.y - lay.size / 2 + size;
    const side = lay.size / 2 + size * 3;
    const text = { g: "g′ ", e: "ŷ − t = ", x: "x = ", w: "w " }[f.kind[0]] + fmt(f.value);
    if (rank(f) > 1) put(text, along(f.n, f.i, f.j));
    else put(text, [[p.x, top - size * (f.kind === "error" ? 3.3 : 1.8)], [p.x - side, top], [p.x + side, top]]);
  }
};

/**
 * The names and numbers beside the neurons, then the numbers on the edges where they cover none of
 * them; returns the boxes the labels take (kept in the layout, where tests check they never overlap).
 */
export const drawLabels = (v) => {
  const { s, lay } = v;
  const placed = [];
  drawInputLabels(v, placed);
  if (lay.showText) for (let n = 1; n <= s.L; n++) for (let i = 0; i < s.sizes[n]; i++) drawUnitText(v, n, i, placed);
  drawOutputLabels(v, placed);
  if (v.derived) drawFactors(v, placed);
  else drawEdgeNumbers(v, placed);
  return placed;
};
