// The teaching exports in Node: each called once with good arguments, its JSON shape
// checked against the contract the page codes against, and its numbers against the trace.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { initSync, Lab } from "../../www/pkg/backprop_lab.js";

initSync({ module: readFileSync(new URL("../../www/pkg/backprop_lab_bg.wasm", import.meta.url)) });

const keys = (o) => Object.keys(o).sort();

test("derive: the lecture's shape, the path sum equals the trace's δ, grad equals gradientAll", () => {
  const lab = Lab.fromSetup("{}");
  const trace = JSON.parse(lab.trace());
  const d = JSON.parse(lab.derive(1, 0, 1, -1));
  assert.deepEqual(keys(d), ["L", "deltaW", "eta", "grad", "i", "j", "mu", "n", "patterns", "symbol", "w"]);
  assert.equal(d.symbol, "w₁₂⁽¹⁾");
  assert.equal(d.patterns.length, 4);
  const p = d.patterns[3];
  assert.deepEqual(keys(p), ["a", "delta", "grad", "mu", "pathCount", "pathSum", "paths", "x"]);
  assert.equal(p.delta, trace.patterns[3].delta[0][0]);
  assert.ok(Math.abs(p.pathSum - p.delta) < 1e-15);
  assert.deepEqual(p.paths[0].nodes, [[1, 0], [2, 0]]);
  assert.deepEqual(p.paths[0].factors.map((f) => f.kind), ["gprime", "w", "gprime", "error"]);
  assert.equal(d.grad, lab.gradientAll()[lab.paramIndex(1, 0, 1)]);
  assert.equal(d.deltaW, -lab.learningRate * d.grad);
  assert.equal(JSON.parse(lab.derive(2, 0, -1, 2)).patterns.length, 1);
  assert.throws(() => lab.derive(3, 0, 0, 0), /layer n/);
  assert.throws(() => lab.derive(1, 0, 2, 0), /input j \(or −1 for the bias\)/);
  assert.throws(() => lab.derive(1, 0, 0, 4), /pattern μ \(or −1 for all\)/);
});

test("quiz: the question's truth is what the next step shows; quizCheck reads typed answers", () => {
  const lab = Lab.fromSetup("{}");
  const q = JSON.parse(lab.quizQuestion("all", 0, 0, 0));
  assert.deepEqual(keys(q), ["hint", "i", "j", "kind", "mu", "n", "quantity", "symbol", "then", "truth"]);
  assert.deepEqual(keys(q.then), ["hint", "quantity", "symbol", "truth"], "then x = g(a), the same step's other number");
  assert.equal(q.then.symbol, "x₁⁽¹⁾");
  assert.equal(q.kind, "forward");
  assert.equal(q.symbol, "a₁⁽¹⁾");
  assert.match(q.hint, /^a₁⁽¹⁾ = Σⱼ w₁ⱼ⁽¹⁾ xⱼ⁽⁰⁾ \+ b₁⁽¹⁾ = /);
  assert.equal(lab.quizQuestion("delta", 0, 0, 0), null, "the next step computes no δ");
  lab.step();
  assert.equal(lab.stepA(0, 1)[0], q.truth);
  assert.equal(lab.stepX(0, 1)[0], q.then.truth);
  assert.deepEqual(JSON.parse(Lab.quizCheck(" 0,5 ", 0.503)), { right: true, value: 0.5 });
  assert.deepEqual(JSON.parse(Lab.quizCheck("−0.2", 0.2)), { right: false, value: -0.2 });
  assert.throws(() => Lab.quizCheck("abc", 1), /^Error: Your answer: “abc” is not a number$/);
  // A diverged truth is text, as quizQuestion writes it; only the same non-finite answer is right.
  assert.deepEqual(JSON.parse(Lab.quizCheck("NaN", "NaN")), { right: true, value: null });
  assert.deepEqual(JSON.parse(Lab.quizCheck("−∞", "-Infinity")), { right: true, value: null });
  assert.deepEqual(JSON.parse(Lab.quizCheck("1e308", "Infinity")), { right: false, value: 1e308 });
  assert.throws(() => Lab.quizCheck("1", "1"), /truth: expected a number/);
  assert.throws(() => lab.quizQuestion("all", 0, -3.5, NaN), /neuron i \(0 with layer n = 0\)/);
  assert.throws(() => lab.quizQuestion("everything", 0, 0, 0), /kinds: expected/);
});

test("exerciseSheet: the contract's fields, blanks in the lecture's order, numbers from the trace of the printed weights", () => {
  const lab = Lab.fromSetup("{}");
  const s = JSON.parse(lab.exerciseSheet(-1));
  assert.deepEqual(keys(s), ["activations", "blanks", "dataset", "digits", "eta", "mode", "mu", "patterns", "seed", "sizes", "title", "tolerance", "weights"]);
  assert.deepEqual(s.tolerance, { relative: 0.01, absolute: 1e-4 }, "the quiz's rule");
  assert.equal(s.digits, 4);
  // The weights as printed (4 significant digits), and the key the trace of those.
  const printed = s.weights.flatMap((l) => [...l.w.flat(), ...l.b]);
  assert.deepEqual(printed, Array.from(lab.weights(1)).concat(Array.from(lab.weights(2))).map((w) => Number(w.toPrecision(4))));
  const paper = Lab.fromSetup("{}");
  paper.setWeights(Float64Array.from(printed));
  const trace = JSON.parse(paper.trace());
  assert.deepEqual(s.sizes, [2, 2, 1]);
  assert.deepEqual(s.activations, ["sigmoid", "sigmoid"]);
  assert.equal(s.mode, "batch");
  assert.deepEqual(keys(s.blanks[0]), ["i", "j", "kind", "mu", "n", "symbol", "value"]);
  assert.equal(s.blanks.length, 4 * 10 + 2 * 9);
  assert.equal(s.blanks[0].value, trace.patterns[0].a[0][0]);
  const grads = s.blanks.filter((b) => b.kind === "grad");
  assert.equal(grads[0].value, trace.gradient[0].weights[0][0]);
  const one = JSON.parse(lab.exerciseSheet(2));
  assert.equal(one.mu, 2);
  assert.equal(one.blanks.length, 10 + 9);
  assert.throws(() => lab.exerciseSheet(4), /pattern μ/);
});
