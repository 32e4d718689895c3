// The exercise sheet's words — the task, the lecture's formulas, the setup's facts — and the whole
// sheet as Markdown for course pages: the same weights, patterns, questions and answer key as the
// printed page, built from the core's JSON (lab.exerciseSheet).

import { fmt, fmtShort } from "../util.js";
import { sub, sup, wIndex } from "../network-layout.js";

/** A key's number as printed (`digits` significant, the sheet's), with the blank's ± where the printed digits allow no closer. */
export const keyText = (b, digits) => `${fmt(b.value, digits)}${b.within != null ? ` ± ${fmtShort(b.within, 2)}` : ""}`;

/** The lecture's formula for each group of blanks. */
export const FORMULAS = {
  forward: "aᵢ⁽ⁿ⁾ = Σⱼ wᵢⱼ⁽ⁿ⁾ xⱼ⁽ⁿ⁻¹⁾ + bᵢ⁽ⁿ⁾,  xᵢ⁽ⁿ⁾ = g⁽ⁿ⁾(aᵢ⁽ⁿ⁾)",
  error: "Ẽ(μ) = ½ Σᵢ (tᵢ − ŷᵢ)²  with ŷ = x⁽ᴸ⁾",
  backward: "δᵢ⁽ᴸ⁾ = (ŷᵢ − tᵢ) g′(aᵢ⁽ᴸ⁾),  δₖ⁽ⁿ⁻¹⁾ = g′(aₖ⁽ⁿ⁻¹⁾) Σᵢ δᵢ⁽ⁿ⁾ wᵢₖ⁽ⁿ⁾",
  dw: "Δwᵢⱼ⁽ⁿ⁾ = −η δᵢ⁽ⁿ⁾ xⱼ⁽ⁿ⁻¹⁾  (for a bias bᵢ⁽ⁿ⁾: x = 1)",
  grad: "∂E/∂wᵢⱼ⁽ⁿ⁾ = Σ_μ δᵢ⁽ⁿ⁾ xⱼ⁽ⁿ⁻¹⁾  (summed over the patterns),  Δwᵢⱼ⁽ⁿ⁾ = −η ∂E/∂wᵢⱼ⁽ⁿ⁾",
};

/** Which formula group a per-pattern blank belongs to (undefined for ∂E/∂w and Δw). */
export const group = (kind) => ({ a: "forward", x: "forward", E: "error", delta: "backward" })[kind];

/** The exercise in a few words: "XOR (the lecture), pattern μ = 2, seed 7". */
export const what = (s) => `${s.title}, ${s.mu < 0 ? "one batch epoch" : `pattern μ = ${s.mu + 1}`}, seed ${s.seed}`;

/** The task for sheet `s`. */
export const taskText = (s) => {
  const steps = "a and x of every neuron (forward pass), the error Ẽ(μ), δ of every neuron (backward pass)";
  const { relative, absolute } = s.tolerance; // the quiz's rule, from the core
  const digits = `Write ${s.digits} significant digits. The key is worked out from the numbers as printed here: within ${relative * 100} % of it (or ${absolute} for tiny numbers) counts as right, or within the ± it gives where these digits allow no closer.`;
  if (s.mu < 0) {
    const online = s.mode === "online" ? " (This network trains online; the sheet asks for one batch step.)" : "";
    return `By hand, one epoch of batch learning: for every pattern μ ${steps}; then ∂E/∂w summed over the patterns, and Δw = −η ∂E/∂w of every weight and bias.${online} ${digits}`;
  }
  const batch = s.mode === "batch" ? " (This network trains in batch mode: it adds up these Δw of all patterns before it updates.)" : "";
  return `By hand, for pattern μ = ${s.mu + 1}: ${steps}, and Δw = −η δ x of every weight and bias.${batch} ${digits}`;
};

/** More patterns than this, and a sheet of one pattern lists only that one (a batch sheet lists all). */
export const MAX_LISTED = 12;

/** The patterns the sheet lists, and its caption: all, or the chosen one of many. */
export const listed = (s) =>
  s.mu >= 0 && s.patterns.length > MAX_LISTED
    ? { patterns: [s.patterns[s.mu]], caption: `Pattern μ = ${s.mu + 1} of ${s.patterns.length} (the link holds them all)` }
    : { patterns: s.patterns, caption: "Patterns" };

/** The setup as [label, text] pairs; `derivatives` maps an activation's name to its g′ (Lab.limits). */
export const facts = (s, derivatives) => [
  ["Data set", s.title],
  ["Seed", String(s.seed)],
  ["Learning rate", `η = ${fmtShort(s.eta, s.digits)}`],
  ["Mode", s.mode],
  ["Network", `${s.sizes.join("-")} (inputs, hidden layers, outputs)`],
  ["Activations", s.activations.map((g, k) => `g${sup(k + 1)} = ${g}, g′ = ${derivatives[g] ?? "?"}`).join("; ")],
];

/** A Markdown table from a head row and body rows of text. */
const mdTable = (head, rows) =>
  [head, head.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");

/** The per-pattern quantities (a, x, Ẽ(μ), δ) as one table: a row per quantity, a column per pattern. */
const passTable = (s, key) => {
  const blanks = s.blanks.filter((b) => group(b.kind));
  const mus = [...new Set(blanks.map((b) => b.mu))];
  const rows = new Map();
  for (const b of blanks) {
    const id = `${b.kind} ${b.n} ${b.i}`;
    if (!rows.has(id)) rows.set(id, [b.kind === "E" ? "Ẽ(μ)" : `${{ a: "a", x: "x", delta: "δ" }[b.kind]}${sub(b.i + 1)}${sup(b.n)}`]);
    rows.get(id)[mus.indexOf(b.mu) + 1] = key ? keyText(b, s.digits) : "";
  }
  return mdTable(["quantity", ...mus.map((mu) => `μ = ${mu + 1}`)], [...rows.values()].map((r) => Array.from(r, (c) => c ?? "")));
};

/** ∂E/∂w and Δw (or Δw alone) of every weight and bias: a row per parameter. */
const updateTable = (s, key) => {
  const kinds = s.mu < 0 ? ["grad", "dw"] : ["dw"];
  const rows = new Map();
  for (const b of s.blanks.filter((b) => kinds.includes(b.kind))) {
    const id = `${b.n} ${b.i} ${b.j}`;
    if (!rows.has(id)) rows.set(id, [`${b.j < 0 ? "b" : "w"}${sub(b.j < 0 ? b.i + 1 : wIndex(b.i, b.j))}${sup(b.n)}`]);
    rows.get(id)[kinds.indexOf(b.kind) + 1] = key ? keyText(b, s.digits) : "";
  }
  return mdTable(["weight", ...kinds.map((k) => (k === "dw" ? "Δw" : "∂E/∂w"))], [...rows.values()]);
};

/** The weights and biases of layer n at `digits` significant digits: row i, columns j and b. */
const weightTable = (layer, digits) =>
  mdTable(["i", ...layer.w[0].map((_, j) => `wᵢ${sub(j + 1)}`), "bᵢ"],
    layer.w.map((row, i) => [String(i + 1), ...row.map((v) => fmt(v, digits)), fmt(layer.b[i], digits)]));

/** The pass and the updates: blanks (key = false) or numbers (key = true). */
const exercise = (s, key) => [
  `Forward: ${FORMULAS.forward}  \nError: ${FORMULAS.error}  \nBackward: ${FORMULAS.backward}`,
  passTable(s, key),
  s.mu < 0 ? `Updates: ${FORMULAS.grad}` : `Updates: ${FORMULAS.dw}`,
  updateTable(s, key),
];

/** The whole sheet as Markdown: setup, weights, patterns, the blanks, then the answer key. */
export const markdown = (s, pairs, link) => {
  const p = s.patterns[0];
  return [
    `# Backprop by hand: ${what(s)}`,
    pairs.map(([k, v]) => `- **${k}:** ${v}`).join("\n"),
    `This sheet again, with these weights: <${link}>`,
    taskText(s),
    "## Weights and biases",
    ...s.weights.flatMap((layer) => [`Layer ${layer.n}: wᵢⱼ${sup(layer.n)} (row i, column j) and bᵢ${sup(layer.n)}`, weightTable(layer, s.digits)]),
    `## ${listed(s).caption}`,
    mdTable(["μ", ...p.input.map((_, k) => `x${k + 1}`), ...p.target.map((_, k) => `t${k + 1}`)],
      listed(s).patterns.map((q) => [String(q.mu + 1), ...q.input.map((v) => fmtShort(v, s.digits)), ...q.target.map((v) => fmtShort(v, s.digits))])),
    "## Questions",
    ...exercise(s, false),
    "## Answer key",
    ...exercise(s, true),
  ].join("\n\n") + "\n";
};
