// The formula panel: the lecture's formula for the focused neuron or edge, with the live numbers
// plugged in and typeset with sub- and superscripts (DOM nodes only, never HTML strings). A number
// stepping has not computed yet shows as "·"; a computed NaN or ∞ shows as such, explained.

import { fmt, shown, el } from "./util.js";
import { weightAt } from "./state.js";

/**
 * base with a stacked superscript and subscript: sym("δ", 1, "(2)") is δ₁⁽²⁾.
 * @param {string} base
 * @param {string | number} [sub]
 * @param {string | number} [sup]
 */
export const sym = (base, sub = "", sup = "") =>
  el("span", { class: "sym" }, base, el("span", { class: "ss" }, el("span", {}, String(sup)), el("span", {}, String(sub))));
/** One line of formula. */
export const eq = (...parts) => el("div", { class: "eq" }, ...parts);
/** A line of words under or above the formulas. */
export const title = (...parts) => el("div", { class: "title" }, ...parts);
/** parts in parentheses. */
const paren = (...parts) => ["(", ...parts, ")"];

/**
 * Number typesetters for one drawing of the panel: `num` for an operand, `res` for a result; each
 * notes whether it showed a number not computed yet or a non-finite one, for the notes below.
 */
export const typesetter = () => {
  const seen = { notYet: false, nonFinite: false };
  const make = (cls) => (v, known = true) => {
    if (!known) seen.notYet = true;
    else if (!Number.isFinite(v)) seen.nonFinite = true;
    return el("span", { class: cls }, shown(v, known, 4));
  };
  return { num: make("num"), res: make("res"), seen };
};

/** Joins at most `limit` terms with " + ", then "+ …". */
export const terms = (items, limit = 4) => {
  const out = [];
  items.slice(0, limit).forEach((t, k) => out.push(...(k ? [" + "] : []), ...t));
  if (items.length > limit) out.push(` + … (${items.length - limit} more)`);
  return out;
};

/** The three formulas of neuron i in layer n: a = Σ w x + b, x = g(a), δ (output or hidden). */
const neuron = (s, n, i, { num, res }, derivative) => {
  const I = i + 1;
  const g = s.activations[n];
  const fanIn = s.sizes[n - 1];
  const fwd = (s.known[n] & 1) !== 0;
  const back = (s.known[n] & 2) !== 0;
  const below = (s.known[n - 1] & 1) !== 0;
  const out = [title(`Neuron ${I} of layer ${n}${n === s.L ? " (output)" : ""}, pattern μ = ${s.mu + 1}, g = ${g}`)];
  const wx = Array.from({ length: fanIn }, (_, j) => [num(weightAt(s, s.weights, n, i, j)), " · ", num(s.x[n - 1][j], below)]);
  out.push(eq(
    sym("a", I, `(${n})`), " = Σ", el("sub", {}, "j"), " ", sym("w", `${I}j`, `(${n})`), " ", sym("x", "j", `(${n - 1})`),
    " + ", sym("b", I, `(${n})`), " = ", ...terms(wx), " + ", num(weightAt(s, s.weights, n, i, -1)), " = ", res(s.a[n][i], fwd),
  ));
  out.push(eq(sym("x", I, `(${n})`), " = g(", sym("a", I, `(${n})`), ") = ", g, "(", num(s.a[n][i], fwd), ") = ", res(s.x[n][i], fwd)));
  const gp = num(s.gPrime[n][i], fwd);
  if (n === s.L) {
    out.push(eq(
      el("span", { class: "d" }, sym("δ", I, `(${n})`)), " = (", sym("ŷ", I), " − ", sym("t", I), ") · g′(", sym("a", I, `(${n})`), ") = ",
      ...paren(num(s.x[n][i], fwd), " − ", num(s.target[i])), " · ", gp, " = ", res(s.delta[n][i], back),
    ));
  } else {
    const above = (s.known[n + 1] & 2) !== 0;
    const dw = Array.from({ length: s.sizes[n + 1] }, (_, j) => [num(s.delta[n + 1][j], above), " · ", num(weightAt(s, s.weights, n + 1, j, i))]);
    out.push(eq(
      el("span", { class: "d" }, sym("δ", I, `(${n})`)), " = g′(", sym("a", I, `(${n})`), ") · Σ", el("sub", {}, "j"), " ",
      sym("δ", "j", `(${n + 1})`), " ", sym("w", `j${I}`, `(${n + 1})`), " = ", gp, " · ", ...paren(...terms(dw)), " = ", res(s.delta[n][i], back),
    ));
  }
  out.push(title(`with g′(a) = ${derivative[g]}; δ = ∂E/∂a, so Δw = −η δ x`));
  return out;
};

/** The formulas of edge (n, i, j): w, ∂Ẽ(μ)/∂w = δ x, ∂E/∂w summed, and Δw = −η ∂E/∂w. */
const edge = (s, n, i, j, { num, res }, quiz) => {
  const I = i + 1;
  const J = j + 1;
  const bias = j < 0;
  const w = weightAt(s, s.weights, n, i, j);
  const grad = weightAt(s, s.grad, n, i, j);
  const dw = weightAt(s, s.deltaW, n, i, j);
  // Each use needs its own DOM node, so these are factories.
  const wSym = () => (bias ? sym("b", I, `(${n})`) : sym("w", `${I}${J}`, `(${n})`));
  const xSym = () => (bias ? sym("x", 0, `(${n - 1})`) : sym("x", J, `(${n - 1})`));
  const xKnown = bias || (s.known[n - 1] & 1) !== 0;
  const xv = bias ? 1 : s.x[n - 1][j];
  const dKnown = (s.known[n] & 2) !== 0;
  const d = s.delta[n][i];
  const out = [title(bias
    ? `Bias of neuron ${I} in layer ${n}: the weight on the constant input x₀ = 1`
    : `Weight from ${n - 1 === 0 ? `input ${J}` : `neuron ${J} of layer ${n - 1}`} to neuron ${I} of layer ${n}`)];
  out.push(eq(wSym(), " = ", num(w)));
  out.push(eq(
    "∂Ẽ(μ)/∂", wSym(), " = ", el("span", { class: "d" }, sym("δ", I, `(${n})`)), " ", xSym(), " = ", num(d, dKnown), " · ", num(xv, xKnown),
    " = ", res(d * xv, dKnown && xKnown), `   (pattern μ = ${s.mu + 1})`,
  ));
  const batch = s.mode === "batch";
  out.push(eq("∂E/∂", wSym(), " = Σ", el("sub", {}, "μ"), " ", sym("δ", I, `(${n})`), " ", xSym(), " = ", res(grad),
    s.stepping ? (batch ? "   (patterns so far)" : "   (this pattern, online)") : "   (all patterns)"));
  const updating = s.phase.kind === "update";
  const eta = updating ? s.stepEta : s.eta;
  const change = updating ? dw : -eta * grad;
  const asked = quiz?.quantity === "dw" && quiz.n === n && quiz.i === i && quiz.j === j; // "Quiz me" waits for this Δw
  out.push(eq("Δ", wSym(), " = −η ∂E/∂", wSym(), " = −", num(eta), " · ", num(grad), " = ", res(change, !asked)));
  if (updating) out.push(title(`updated: ${fmt(w - dw, 4)} → ${fmt(w, 4)}`));
  else out.push(title(`η = ${fmt(eta, 4)}: the next update makes this change`));
  return out;
};

/** Ẽ(μ) of pattern μ from its targets and outputs, and E as their sum. */
const patternError = (s, mu, { num, res }) => {
  const y = s.outputs[mu];
  const t = s.targets.slice(mu * s.K, (mu + 1) * s.K);
  const parts = Array.from({ length: s.K }, (_, i) => ["(", num(t[i]), " − ", num(y[i], s.yKnown[mu] === 1), ")²"]);
  return [
    title(`Error of pattern μ = ${mu + 1}`),
    eq("Ẽ(μ) = ½ Σ", el("sub", {}, "i"), " (", sym("t", "i"), " − ", sym("ŷ", "i"), ")² = ½ · ", ...terms(parts), " = ", res(s.errors[mu], s.eKnown[mu] === 1)),
    eq("E = Σ", el("sub", {}, "μ"), " Ẽ(μ) — a sum over the patterns, not a mean"),
  ];
};

/** Input i of pattern μ. */
const input = (s, i, { res }) => [title(`Input ${i + 1} of pattern μ = ${s.mu + 1}`), eq(sym("x", i + 1, "(0)"), " = ", res(s.x[0][i]))];

/** g′ of each activation in words, as the core states it: { sigmoid: "x (1 − x)", … }. */
/** g′ as the lecture writes it, for each activation name (the core's text, from its limits). */
const derivatives = (limits) => Object.fromEntries(limits.activations.map((a) => [a.name, a.derivative]));

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

/** What "·", "NaN" and "∞" mean, for the ones the panel shows. */
const notes = (seen) => [
  ...(seen.notYet ? [title("· = not computed yet in this epoch: press Next step")] : []),
  ...(seen.nonFinite ? [el("div", { class: "title warn" },
    "NaN: not a number, ∞: too large for a number — training diverged (E or a weight overflowed). Lower η, then restore the last good state or Reset.")] : []),
];

/** Fills the formula panel for the hovered, selected or phase-default neuron or edge. */
export const drawFormula = (root, state, s) => {
  const f = state.hover ?? state.selected ?? defaultFocus(s);
  const t = typesetter();
  let parts;
  if (f.kind === "neuron" && f.n === 0) parts = input(s, f.i, t);
  else if (f.kind === "neuron") parts = neuron(s, f.n, f.i, t, derivatives(state.limits));
  else if (f.kind === "edge") parts = edge(s, f.n, f.i, f.j, t, state.teach.quiz.q);
  else parts = patternError(s, s.mu, t);
  root.replaceChildren(...parts, ...notes(t.seen));
};
