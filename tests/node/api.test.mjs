// The scripting API in Node, without a DOM: the exact names docs/api.md documents.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { initSync, Lab } from "../../www/pkg/backprop_lab.js";

initSync({ module: readFileSync(new URL("../../www/pkg/backprop_lab_bg.wasm", import.meta.url)) });

const MODEL = JSON.stringify({
  format: "backprop-lab/model@1",
  inputs: 2,
  layers: [
    { activation: "sigmoid", weights: [[0.1, -0.2], [0.3, 0.4]], biases: [0.0, 0.1] },
    { activation: "sigmoid", weights: [[0.5, -0.6]], biases: [0.2] },
  ],
  learning_rate: 0.5,
  mode: "batch",
  seed: 7,
  dataset: "xor",
});

const sigmoid = (a) => 1 / (1 + Math.exp(-a));

test("fromModel → trace holds the forward and backward numbers of the lecture", () => {
  const lab = Lab.fromModel(MODEL);
  const trace = JSON.parse(lab.trace());
  assert.equal(trace.format, "backprop-lab/trace@1");
  assert.equal(trace.patterns.length, 4);
  // Pattern μ = 2: input (0, 1), target 1. Recompute by hand.
  const p = trace.patterns[1];
  assert.deepEqual(p.input, [0, 1]);
  const a1 = [0.1 * 0 - 0.2 * 1 + 0.0, 0.3 * 0 + 0.4 * 1 + 0.1];
  const x1 = a1.map(sigmoid);
  const a2 = 0.5 * x1[0] - 0.6 * x1[1] + 0.2;
  const y = sigmoid(a2);
  assert.ok(Math.abs(p.a[0][0] - a1[0]) < 1e-15 && Math.abs(p.x[1][0] - y) < 1e-15);
  const d2 = (y - 1) * y * (1 - y); // δ^(2) = (ŷ − t) g'(a^(2))
  assert.ok(Math.abs(p.delta[1][0] - d2) < 1e-15);
  const d1 = x1[0] * (1 - x1[0]) * d2 * 0.5; // δ_1^(1) = g'(a_1^(1)) δ^(2) w_11^(2)
  assert.ok(Math.abs(p.delta[0][0] - d1) < 1e-15);
  assert.ok(Math.abs(trace.E - lab.error) < 1e-15, "E getter equals the trace's E");
  assert.deepEqual(Object.keys(trace.cost).sort(), ["activations", "forward_passes", "multiply_adds"]);
  assert.equal(trace.cost.forward_passes, 4);
});

test("toModel round-trips and train moves the weights downhill", () => {
  const lab = Lab.fromModel(MODEL);
  assert.deepEqual(JSON.parse(lab.toModel()), JSON.parse(MODEL));
  const before = lab.error;
  assert.equal(lab.train(100), 100);
  assert.equal(lab.epoch, 100);
  assert.ok(lab.error < before, `${lab.error} < ${before}`);
  const again = Lab.fromModel(lab.toModel());
  assert.equal(again.error, lab.error, "a saved model reopens with the same E");
});

test("numericalGradient agrees with backprop's gradient, and costs O(n²)", () => {
  const lab = Lab.fromModel(MODEL);
  const backprop = JSON.parse(lab.trace()).gradient;
  const central = JSON.parse(lab.numericalGradient(1e-6, "central"));
  const forward = JSON.parse(lab.numericalGradient(1e-6, "forward"));
  const flat = (g) => g.flatMap((l) => [...l.weights.flat(), ...l.biases]);
  flat(backprop).forEach((b, k) => {
    assert.ok(Math.abs(b - flat(central.gradient)[k]) < 1e-8, `central #${k}`);
    assert.ok(Math.abs(b - flat(forward.gradient)[k]) < 1e-5, `forward #${k}`);
  });
  const n = 9; // 2·3 + 1·3 weights and biases
  assert.equal(forward.cost.forward_passes, (n + 1) * 4);
  assert.equal(central.cost.forward_passes, 2 * n * 4);
  assert.equal(central.cost.multiply_adds, 2 * n * 4 * n);
});

test("setLearningRate validates and keeps the old η", () => {
  const lab = Lab.fromModel(MODEL);
  assert.equal(lab.learningRate, 0.5);
  lab.setLearningRate(0.25);
  assert.equal(lab.learningRate, 0.25);
  for (const bad of [NaN, Infinity, -Infinity, 0, -1]) {
    assert.throws(() => lab.setLearningRate(bad), (e) => e instanceof Error && /learning rate/.test(e.message));
    assert.equal(lab.learningRate, 0.25);
  }
});

test("bad input throws an Error with the reason, never a trap", () => {
  const cases = [
    ["not json", /not valid JSON/],
    ["{}", /format: missing/],
    [MODEL.replace('"sigmoid"', '"softmax"'), /layers\[0\]\.activation: unknown activation "softmax"/],
    [MODEL.replace("[0.5,-0.6]", "[0.5,-0.6],[1,2],[3,4]"), /layers\[1\]\.weights: expected 1 rows/],
  ];
  for (const [text, reason] of cases) {
    assert.throws(() => Lab.fromModel(text), (e) => e instanceof Error && reason.test(e.message), text);
  }
  const lab = Lab.fromModel(MODEL);
  assert.throws(() => lab.numericalGradient(0, "central"), /epsilon/);
  assert.throws(() => lab.numericalGradient(1e-4, "sideways"), /scheme/);
  assert.throws(() => lab.train(-1), /epochs/);
  assert.throws(() => lab.train(1.5), /epochs/);
  assert.throws(() => lab.train(NaN), /epochs/);
  assert.throws(() => lab.a(4, 1), /pattern μ/);
  assert.throws(() => lab.delta(0, 3), /layer n/);
  assert.throws(() => Lab.fromSetup('{"hidden": [17]}'), /hidden/);
  assert.throws(() => lab.setMode("stochastic"), /mode/);
  // The handle still works after all of that.
  assert.equal(lab.train(1), 1);
});

test("stepping one phase at a time matches the trace, and steps back exactly", () => {
  const lab = Lab.fromModel(MODEL);
  const trace = JSON.parse(lab.trace());
  for (let k = 0; k < 20; k++) lab.step();
  assert.equal(lab.phaseKind, "backward");
  assert.equal(lab.phasePattern, 3);
  assert.equal(lab.phaseLayer, 1);
  for (let mu = 0; mu < 4; mu++) {
    assert.deepEqual([...lab.stepDelta(mu, 1)], trace.patterns[mu].delta[0]);
    assert.deepEqual([...lab.stepDelta(mu, 2)], trace.patterns[mu].delta[1]);
  }
  lab.step();
  assert.equal(lab.phaseKind, "update");
  assert.equal(lab.epoch, 1);
  const g = [...lab.stepGradient(2)];
  assert.deepEqual([...lab.stepDeltaW(2)], g.map((v) => -0.5 * v));
  assert.ok(lab.stepBack());
  assert.equal(lab.epoch, 0);
  assert.deepEqual(JSON.parse(lab.toModel()), JSON.parse(MODEL), "weights restored");
});

test("the default setup is XOR on a 2-2-1 sigmoid network", () => {
  const lab = Lab.fromSetup("{}");
  assert.equal(lab.datasetName, "xor");
  assert.deepEqual([lab.neurons(0), lab.neurons(1), lab.neurons(2)], [2, 2, 1]);
  assert.equal(lab.activation(1), "sigmoid");
  lab.train(2000);
  const y = [0, 1, 2, 3].map((mu) => lab.x(mu, 2)[0]);
  assert.deepEqual(y.map((v) => v > 0.5), [false, true, true, false], `ŷ = ${y}`);
});

test("the sliced gradient check equals numericalGradient and counts (n+1)P and 2nP passes", () => {
  const lab = Lab.fromModel(MODEL);
  assert.throws(() => lab.advanceCheck(4), /no gradient check is running/);
  assert.throws(() => lab.startCheck(-1), /epsilon/);
  lab.startCheck(1e-5);
  let done = 0;
  let slices = 0;
  while (done < 1) {
    done = lab.advanceCheck(2);
    slices++;
  }
  assert.equal(slices, 5, "9 parameters, 2 a slice");
  const flat = (g) => g.flatMap((l) => [...l.weights.flat(), ...l.biases]);
  assert.deepEqual([...lab.checkForward()], flat(JSON.parse(lab.numericalGradient(1e-5, "forward")).gradient));
  assert.deepEqual([...lab.checkCentral()], flat(JSON.parse(lab.numericalGradient(1e-5, "central")).gradient));
  const [fPasses, , , cPasses] = lab.checkCosts();
  assert.deepEqual([fPasses, cPasses], [(9 + 1) * 4, 2 * 9 * 4]);
  assert.ok(Math.max(...lab.relativeErrors(lab.checkCentral())) < 1e-8);
  assert.deepEqual([...lab.paramLocation(7)], [2, 0, 1], "w_12^(2)");
  assert.deepEqual([...lab.paramLocation(8)], [2, 0, -1], "b_1^(2)");
  assert.throws(() => lab.paramLocation(9), /parameter k/);
  assert.ok(Number.isFinite(lab.benchGradient("backprop", 3)));
  assert.throws(() => lab.benchGradient("sideways", 1), /scheme/);
  lab.train(1);
  assert.throws(() => lab.advanceCheck(1), /no gradient check is running/, "training stops a running check");
});
