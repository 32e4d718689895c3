// The formula panel: the lecture's formula for the focused neuron or edge, with the live numbers
// plugged in and typeset with sub- and superscripts (DOM nodes only, never HTML strings).

import { fmt, el } from "./util.js";
import { weightAt } from "./state.js";

/** base with a stacked superscript and subscript: sym("δ", 1, "(2)") is δ₁⁽²⁾. */
const sym = (base, sub = "", sup = "") =>
  el("span", { class: "sym" }, base, el("span", { class: "ss" }, el("span", {}, String(sup)), el("span", {}, String(sub))));
const num = (v) => el("span", { class: "num" }, fmt(v, 4));
const res = (v) => el("span", { class: "res" }, fmt(v, 4));
const eq = (...parts) => el("div", { class: "eq" }, ...parts);
const title = (...parts) => el("div", { class: "title" }, ...parts);
const paren = (...parts) => ["(", ...parts, ")"];

/** g'(a) from a and x = g(a), as the core computes it. */
const gPrime = (g, a, x) => ({ sigmoid: x * (1 - x), tanh: 1 - x * x, relu: a > 0 ? 1 : 0, linear: 1 })[g];
const gPrimeText = { sigmoid: "x (1 − x)", tanh: "1 − x²", relu: "1 if a > 0, else 0", linear: "1" };

/** Joins at most `limit` terms with " + ", then "+ …". */
const terms = (items, limit = 4) => {
  const out = [];
  items.slice(0, limit).forEach((t, k) => out.push(...(k ? [" + "] : []), ...t));
  if (items.length > limit) out.push(` + … (${items.length - limit} more)`);
  return out;
};

const neuron = (s, n, i) => {
  const I = i + 1;
  const g = s.activations[n];
  const fanIn = s.sizes[n - 1];
  const a = s.a[n][i];
  const x = s.x[n][i];
  const d = s.delta[n][i];
  const out = [title(`Neuron ${I} of layer ${n}${n === s.L ? " (output)" : ""}, pattern μ = ${s.mu + 1}, g = ${g}`)];
  const wx = Array.from({ length: fanIn }, (_, j) => [num(weightAt(s, s.weights, n, i, j)), " · ", num(s.x[n - 1][j])]);
  out.push(eq(
    sym("a", I, `(${n})`), " = Σ", el("sub", {}, "j"), " ", sym("w", `${I}j`, `(${n})`), " ", sym("x", "j", `(${n - 1})`),
    " + ", sym("b", I, `(${n})`), " = ", ...terms(wx), " + ", num(weightAt(s, s.weights, n, i, -1)), " = ", res(a),
  ));
  out.push(eq(sym("x", I, `(${n})`), " = g(", sym("a", I, `(${n})`), ") = ", g, "(", num(a), ") = ", res(x)));
  const gp = gPrime(g, a, x);
  if (n === s.L) {
    out.push(eq(
      el("span", { class: "d" }, sym("δ", I, `(${n})`)), " = (", sym("ŷ", I), " − ", sym("t", I), ") · g′(", sym("a", I, `(${n})`), ") = ",
      ...paren(num(x), " − ", num(s.target[i])), " · ", num(gp), " = ", res(d),
    ));
  } else {
    const above = s.sizes[n + 1];
    const dw = Array.from({ length: above }, (_, j) => [num(s.delta[n + 1][j]), " · ", num(weightAt(s, s.weights, n + 1, j, i))]);
    out.push(eq(
      el("span", { class: "d" }, sym("δ", I, `(${n})`)), " = g′(", sym("a", I, `(${n})`), ") · Σ", el("sub", {}, "j"), " ",
      sym("δ", "j", `(${n + 1})`), " ", sym("w", `j${I}`, `(${n + 1})`), " = ", num(gp), " · ", ...paren(...terms(dw)), " = ", res(d),
    ));
  }
  out.push(title(`with g′(a) = ${gPrimeText[g]}; δ = ∂E/∂a, so Δw = −η δ x`));
  if (!Number.isFinite(d) || !Number.isFinite(a)) out.push(title("· = not computed yet in this epoch: press Next step"));
  return out;
};

const edge = (s, n, i, j) => {
  const I = i + 1;
  const J = j + 1;
  const bias = j < 0;
  const w = weightAt(s, s.weights, n, i, j);
  const grad = weightAt(s, s.grad, n, i, j);
  const dw = weightAt(s, s.deltaW, n, i, j);
  // Each use needs its own DOM node, so these are factories.
  const wSym = () => (bias ? sym("b", I, `(${n})`) : sym("w", `${I}${J}`, `(${n})`));
  const xSym = () => (bias ? sym("x", 0, `(${n - 1})`) : sym("x", J, `(${n - 1})`));
  const xv = bias ? 1 : s.x[n - 1][j];
  const d = s.delta[n][i];
  const out = [title(bias
    ? `Bias of neuron ${I} in layer ${n}: the weight on the constant input x₀ = 1`
    : `Weight from ${n - 1 === 0 ? `input ${J}` : `neuron ${J} of layer ${n - 1}`} to neuron ${I} of layer ${n}`)];
  out.push(eq(wSym(), " = ", num(w)));
  out.push(eq(
    "∂Ẽ(μ)/∂", wSym(), " = ", el("span", { class: "d" }, sym("δ", I, `(${n})`)), " ", xSym(), " = ", num(d), " · ", num(xv), " = ", res(d * xv),
    `   (pattern μ = ${s.mu + 1})`,
  ));
  const batch = s.mode === "batch";
  out.push(eq("∂E/∂", wSym(), " = Σ", el("sub", {}, "μ"), " ", sym("δ", I, `(${n})`), " ", xSym(), " = ", res(grad),
    s.stepping ? (batch ? "   (patterns so far)" : "   (this pattern, online)") : "   (all patterns)"));
  const updating = s.phase.kind === "update";
  const eta = updating ? s.stepEta : s.eta;
  const change = updating ? dw : -eta * grad;
  out.push(eq("Δ", wSym(), " = −η ∂E/∂", wSym(), " = −", num(eta), " · ", num(grad), " = ", res(change)));
  if (updating) out.push(title(`updated: ${fmt(w - dw, 4)} → ${fmt(w, 4)}`));
  else out.push(title(`η = ${fmt(eta, 4)}: the next update makes this change`));
  return out;
};

const patternError = (s, mu) => {
  const y = s.outputs[mu];
  const t = s.targets.slice(mu * s.K, (mu + 1) * s.K);
  const parts = Array.from({ length: s.K }, (_, i) => ["(", num(t[i]), " − ", num(y[i]), ")²"]);
  return [
    title(`Error of pattern μ = ${mu + 1}`),
    eq("Ẽ(μ) = ½ Σ", el("sub", {}, "i"), " (", sym("t", "i"), " − ", sym("ŷ", "i"), ")² = ½ · ", ...terms(parts), " = ", res(s.errors[mu])),
    eq("E = Σ", el("sub", {}, "μ"), " Ẽ(μ) — a sum over the patterns, not a mean"),
  ];
};

/** What the panel explains when nothing is hovered or selected: the phase just computed. */
const defaultFocus = (s) => {
  switch (s.phase.kind) {
    case "forward": return { kind: "neuron", n: s.phase.n, i: 0 };
    case "backward": return { kind: "neuron", n: s.phase.n, i: 0 };
    case "error": return { kind: "error" };
    case "update": return { kind: "edge", n: s.L, i: 0, j: 0 };
    default: return { kind: "neuron", n: s.L, i: 0 };
  }
};

/** Fills the formula panel for the hovered, selected or phase-default neuron or edge. */
export const drawFormula = (root, state, s) => {
  const f = state.hover ?? state.selected ?? defaultFocus(s);
  let parts;
  if (f.kind === "neuron" && f.n === 0) {
    parts = [title(`Input ${f.i + 1} of pattern μ = ${s.mu + 1}`), eq(sym("x", f.i + 1, "(0)"), " = ", res(s.x[0][f.i]))];
  } else if (f.kind === "neuron") parts = neuron(s, f.n, f.i);
  else if (f.kind === "edge") parts = edge(s, f.n, f.i, f.j);
  else parts = patternError(s, s.mu);
  root.replaceChildren(...parts);
};
