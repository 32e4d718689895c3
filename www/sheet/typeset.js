// The sheet's symbols typeset as the formula panel does: a letter with its indices stacked (a₁⁽¹⁾
// as a, then (1) over 1), or one plain sub- or superscript; and the formulas of markdown.js, written
// with Unicode indices for Markdown, turned into the same stacked form for the page.

import { el } from "../util.js";
import { wIndex } from "../network-layout.js";

/** base with stacked superscript and subscript, as the formula panel typesets it: sym("a", 1, "(1)") is a₁⁽¹⁾. */
export const sym = (base, sub, sup = "") => el("span", { class: "sym" }, base, indices(String(sub), sup));
/** Stacked indices, or a plain <sub> or <sup> when there is only one of them. */
const indices = (sub, sup) =>
  !sup ? el("sub", {}, sub) : !sub ? el("sup", {}, sup) : el("span", { class: "ss" }, el("span", {}, sup), el("span", {}, sub));
/** w_ij^(n), or b_i^(n) for j = −1. */
export const wSym = (n, i, j) => (j < 0 ? sym("b", i + 1, `(${n})`) : sym("w", wIndex(i, j), `(${n})`));
/** The typeset name of a blank (μ is the column's, so Ẽ(μ) stays as it is). */
export const blankSym = (b) => {
  if (b.kind === "E") return "Ẽ(μ)";
  if (b.kind === "dw") return ["Δ", wSym(b.n, b.i, b.j)];
  if (b.kind === "grad") return ["∂E/∂", wSym(b.n, b.i, b.j)];
  return sym({ a: "a", x: "x", delta: "δ" }[b.kind], b.i + 1, `(${b.n})`);
};

/** The Unicode sub- and superscripts of the formulas (markdown.js) as plain letters: "⁽ⁿ⁻¹⁾" → "(n−1)". */
const PLAIN = { _: "", ᵢ: "i", ⱼ: "j", ₖ: "k", "⁽": "(", "⁾": ")", ⁿ: "n", ᴸ: "L", "⁻": "−", "¹": "1", "²": "2", "³": "3" };
const plain = (text) =>
  text.replace(/./gu, (c) => PLAIN[c] ?? (c >= "₀" && c <= "₉" ? String(c.charCodeAt(0) - 0x2080) : c >= "⁰" && c <= "⁹" ? String(c.charCodeAt(0) - 0x2070) : c));
/** A formula written with Unicode indices (wᵢⱼ⁽ⁿ⁾) typeset with stacked ones, as in the formula panel: nodes and text. */
export const typeset = (text) => {
  const out = [];
  let at = 0;
  for (const m of text.matchAll(/(_μ|[ᵢⱼₖ₀-₉]+)?(⁽[ⁿᴸ⁻⁰-⁹¹²³]+⁾)?/gu)) {
    if (!m[0]) continue;
    const before = text.slice(at, m.index);
    const word = before.search(/\S*$/); // the indices stay with their letter (and the rest of its word)
    out.push(before.slice(0, word), el("span", { class: "sym" }, before.slice(word), indices(plain(m[1] ?? ""), plain(m[2] ?? ""))));
    at = m.index + m[0].length;
  }
  return [...out, text.slice(at)];
};
