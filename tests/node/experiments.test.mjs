// The experiments' scripting API in Node: the shapes the page and the workers decode —
// the sweep's JSON, the seeds' packed rows (stride 5 + thumb²), the landscape's grid, the fields'
// messages and Lab.limits().experiments. The numbers themselves are tested natively
// (tests/experiments.rs) and against the page and the workers (tests/golden/experiments.json).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as wasm from "../../www/pkg/backprop_lab.js";

wasm.initSync({ module: readFileSync(new URL("../../www/pkg/backprop_lab_bg.wasm", import.meta.url)) });
const { Lab } = wasm;
const limits = JSON.parse(Lab.limits()).experiments;

test("Lab.limits().experiments holds the core's limits and defaults", () => {
  assert.equal(limits.maxEtas, 64);
  assert.equal(limits.maxSeeds, 10000);
  assert.equal(limits.maxEpochs, 100000);
  assert.deepEqual([limits.minRes, limits.maxRes, limits.defaultRes], [11, 301, 101]);
  assert.deepEqual([limits.minThumb, limits.maxThumb, limits.defaultThumb], [4, 32, 16]);
  assert.equal(limits.defaultEtas.length, 13);
  assert.deepEqual([limits.defaultEtas[0], limits.defaultEtas[12]], [0.01, 100]);
  assert.deepEqual([limits.defaultEpochs, limits.defaultSeeds, limits.defaultSeedEpochs], [2000, 100, 5000]);
});

test("sweepEta: one run per η, curves from epoch 0 to the last, null where E is not finite", () => {
  const lab = Lab.fromSetup("{}");
  const { runs } = JSON.parse(lab.sweepEta(new Float64Array([0.1, 4.64]), 1000));
  assert.deepEqual(runs.map((r) => r.eta), [0.1, 4.64]);
  for (const r of runs) {
    assert.equal(r.epochs[0], 0);
    assert.equal(r.epochs.at(-1), 1000);
    assert.ok(r.epochs.length <= 257 && r.epochs.length === r.e.length);
    assert.equal(r.e.at(-1), r.final);
    assert.equal(r.divergedAt, null);
  }
  assert.equal(runs[0].solvedAt, null, "η = 0.1 is too slow for 1000 epochs");
  assert.ok(runs[1].solvedAt > 0 && runs[1].solvedAt < 1000);
  // the seed's weights, not the current ones: training the Lab changes nothing
  lab.train(100);
  assert.deepEqual(JSON.parse(lab.sweepEta([0.1, 4.64], 1000)).runs, runs);
  // a linear output at a large η diverges: the run stops there, its E written as null
  const linear = Lab.fromSetup('{"activations": ["tanh", "linear"]}');
  const [blown] = JSON.parse(linear.sweepEta([50], 1000)).runs;
  assert.ok(blown.divergedAt > 0 && blown.epochs.at(-1) === blown.divergedAt, JSON.stringify(blown.epochs.slice(-3)));
  assert.equal(blown.final, null);
});

test("seedRuns: rows of 5 + thumb² numbers, any split of the seeds gives the same rows", () => {
  const lab = Lab.fromSetup("{}");
  const thumb = 4;
  const stride = 5 + thumb * thumb;
  const all = lab.seedRuns(0, 6, 300, "batch", thumb);
  assert.ok(all instanceof Float64Array);
  assert.equal(all.length, 6 * stride);
  for (let k = 0; k < 6; k++) {
    const [seed, final, solvedAt, right, divergedAt] = all.subarray(k * stride, k * stride + 5);
    assert.equal(seed, k);
    assert.ok(final >= 0 && right >= 0 && right <= 4);
    assert.ok(solvedAt === -1 || (solvedAt >= 0 && solvedAt <= 300));
    assert.equal(divergedAt, -1);
    const picture = all.subarray(k * stride + 5, (k + 1) * stride);
    assert.ok(picture.every((y) => y > 0 && y < 1), "ŷ of a sigmoid output");
  }
  const parts = [...lab.seedRuns(0, 2, 300, "batch", thumb), ...lab.seedRuns(2, 4, 300, "batch", thumb)];
  assert.deepEqual(parts, [...all]);
  // a worker's Lab, built from the model file, gives the same numbers
  lab.train(50);
  const worker = Lab.fromModel(lab.toModel());
  assert.deepEqual([...worker.seedRuns(0, 6, 300, "batch", thumb)], [...all]);
  assert.deepEqual(worker.sweepEta([2], 300), lab.sweepEta([2], 300));
});

test("landscape: res² values, the centre is E now; landscapeAt, movedMost, landscapePath, paramLabel", () => {
  const lab = Lab.fromSetup("{}");
  lab.train(300);
  const [p, q] = lab.movedMost(100);
  assert.ok(lab.movedMost(100) instanceof Uint32Array);
  assert.notEqual(p, q);
  const grid = lab.landscape(p, q, 4, 101);
  assert.equal(grid.length, 101 * 101);
  assert.equal(grid[50 * 101 + 50], lab.error);
  const [e, gp, gq] = lab.landscapeAt(p, q);
  assert.equal(e, lab.error);
  assert.ok(Number.isFinite(gp) && Number.isFinite(gq));
  const path = lab.landscapePath(p, q);
  assert.equal(path.length, 2 * 301, "epochs 0 … 300");
  const w = [...lab.weights(1), ...lab.weights(2)]; // all parameters, in their order
  assert.deepEqual([path.at(-2), path.at(-1)], [w[p], w[q]], "w_p, w_q now");
  const fresh = Lab.fromSetup("{}");
  const w0 = [...fresh.weights(1), ...fresh.weights(2)];
  assert.deepEqual([path[0], path[1]], [w0[p], w0[q]], "w_p, w_q at epoch 0");
  assert.equal(lab.paramLabel(0), "w₁₁⁽¹⁾");
  assert.equal(lab.paramLabel(8), "b₁⁽²⁾");
  assert.throws(() => lab.landscape(p, p, 4, 101), /^Error: the two parameters must differ$/);
  assert.throws(() => lab.landscapeAt(3, 3), /the two parameters must differ/);
  assert.throws(() => lab.landscape(0, 1, 0, 101), /^Error: span:/);
  assert.throws(() => lab.landscape(0, 1, 1, 10), /^Error: res: expected a whole number from 11 to 301/);
});

test("the fields' texts: parsed by the core, refused with a message for the field", () => {
  assert.deepEqual([...Lab.parseEtaList("0.01, 0.1 1;10")], [0.01, 0.1, 1, 10]);
  const refused = {
    "": "η values: enter at least one",
    "0.1, abc": 'η values: "abc" is not a number',
    "1 0": "η values: 0 is not > 0",
    [Array(65).fill("1").join(", ")]: "η values: at most 64, got 65",
  };
  for (const [text, message] of Object.entries(refused)) assert.throws(() => Lab.parseEtaList(text), { message });
  assert.equal(Lab.parseCount(" 250 ", "seeds"), 250);
  assert.equal(Lab.parseCount("100000", "epochs"), 100000);
  for (const bad of ["0", "10001", "1.5", "", "many"]) {
    assert.throws(() => Lab.parseCount(bad, "seeds"), { message: "seeds: enter a whole number from 1 to 10000" });
  }
  assert.throws(() => Lab.parseCount("100001", "epochs"), { message: "epochs: enter a whole number from 1 to 100000" });
  const lab = Lab.fromSetup("{}");
  assert.throws(() => lab.sweepEta([], 100), { message: "η values: enter at least one" });
  assert.throws(() => lab.sweepEta([1, -1], 100), { message: "η values: -1 is not > 0" });
  assert.throws(() => lab.seedRuns(0, 10001, 100, "batch", 8), /^Error: seeds: expected a whole number from 1 to 10000/);
  assert.throws(() => lab.seedRuns(0, 1, 100, "sideways", 8), /mode/);
});
