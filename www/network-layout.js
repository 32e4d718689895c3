// Where everything of the network diagram sits: columns per layer, neurons and the bias input down
// each column, the edges between them, and what the pointer is over.

const SUB = "₀₁₂₃₄₅₆₇₈₉";
const SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹";
/** 12 → "₁₂" (canvas text has no <sub>); anything but a digit (the comma of "10,2") stays as it is. */
export const sub = (k) => String(k).split("").map((d) => SUB[d] ?? d).join("");
/** The indices of w_ij (i, j from 0): "12", or "10,2" once one has two digits (as the core writes its symbols). */
export const wIndex = (i, j) => (i >= 9 || j >= 9 ? `${i + 1},${j + 1}` : `${i + 1}${j + 1}`);
/** 2 → "⁽²⁾". */
export const sup = (n) => `⁽${String(n).split("").map((d) => SUP[d]).join("")}⁾`;

/** Side of each neuron's map of the input plane, in grid points. */
export const MAP_RES = 28;

/** Node positions for a canvas of w × h CSS pixels. */
export const layout = (s, w, h, font) => {
  const cols = s.L + 1;
  const padL = Math.max(font * 3.2, w * 0.06);
  const padR = Math.max(font * 8, w * 0.08); // room for the ŷ and t labels
  const top = font * 3;
  const bottom = font * 0.6;
  const colGap = (w - padL - padR) / (cols - 1);
  const rows = Math.max(...s.sizes.map((m, n) => m + (n < s.L ? 1 : 0)));
  const rowGap = (h - top - bottom) / rows;
  const textLines = 3;
  const size = Math.max(12, Math.min(84, colGap * 0.34, rowGap - font * 1.2 * textLines - 6));
  // a, x and δ under each neuron need the rows apart, and the columns as far apart as "a = −0.233" is wide.
  const showText = rowGap >= font * 1.2 * textLines + 18 && colGap >= font * 0.61 * 10 + 10;
  const nodes = [];
  const bias = [];
  for (let n = 0; n <= s.L; n++) {
    const count = s.sizes[n] + (n < s.L ? 1 : 0);
    const x = padL + colGap * n;
    const y0 = top + (h - top - bottom - count * rowGap) / 2 + rowGap * 0.42;
    nodes[n] = Array.from({ length: s.sizes[n] }, (_, i) => ({ x, y: y0 + i * rowGap }));
    if (n < s.L) bias[n] = { x, y: y0 + s.sizes[n] * rowGap };
  }
  return { nodes, bias, size, showText, font, colGap, rowGap };
};

/** Where edge (n, i, j) starts and ends; j = −1 is the bias edge from the constant input 1. */
export const edgeEnds = (lay, n, i, j) => {
  const from = j < 0 ? lay.bias[n - 1] : lay.nodes[n - 1][j];
  const to = lay.nodes[n][i];
  const r0 = j < 0 ? lay.size * 0.2 : n - 1 === 0 ? lay.size * 0.36 : lay.size / 2;
  return { x0: from.x + r0, y0: from.y, x1: to.x - lay.size / 2, y1: to.y };
};

/** Calls fn(n, i, j) for every edge, j = −1 for the bias. */
export const eachEdge = (s, fn) => {
  for (let n = 1; n <= s.L; n++)
    for (let i = 0; i < s.sizes[n]; i++) for (let j = -1; j < s.sizes[n - 1]; j++) fn(n, i, j);
};

/** What is under the pointer: a neuron { kind, n, i }, an edge { kind, n, i, j }, or null. */
export const hitNetwork = (lay, s, px, py) => {
  if (!lay) return null;
  for (let n = 0; n <= s.L; n++) {
    for (let i = 0; i < s.sizes[n]; i++) {
      const p = lay.nodes[n][i];
      if (Math.abs(px - p.x) <= lay.size / 2 + 3 && Math.abs(py - p.y) <= lay.size / 2 + 3) return { kind: "neuron", n, i };
    }
  }
  let best = null;
  let bestD = 7;
  eachEdge(s, (n, i, j) => {
    const e = edgeEnds(lay, n, i, j);
    const dx = e.x1 - e.x0;
    const dy = e.y1 - e.y0;
    const t = Math.max(0, Math.min(1, ((px - e.x0) * dx + (py - e.y0) * dy) / (dx * dx + dy * dy)));
    const d = Math.hypot(px - (e.x0 + t * dx), py - (e.y0 + t * dy));
    if (d < bestD) {
      bestD = d;
      best = { kind: "edge", n, i, j };
    }
  });
  return best;
};

