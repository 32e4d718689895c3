// Every public function of the wasm module, called with every kind of wrong argument in every
// position: each call either works (the value was acceptable) or throws a JS Error naming the
// argument — never a wasm trap (WebAssembly.RuntimeError), never a silent coercion — and a refused
// call leaves the Lab exactly as it was. The table below must list every method the module exports,
// so a new one cannot escape the test.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as wasm from "../../www/pkg/backprop_lab.js";

const exports = wasm.initSync({ module: readFileSync(new URL("../../www/pkg/backprop_lab_bg.wasm", import.meta.url)) });
const { Lab } = wasm;

/** Values whose reading runs hostile code: a revoked Proxy, traps and getters that throw, a detached buffer. */
const hostile = () => {
  const revoked = Proxy.revocable([], {});
  revoked.revoke();
  const trap = new Proxy([1, 2], { get: () => { throw new Error("trap"); } });
  const getter = [1, 2];
  Object.defineProperty(getter, 0, { get: () => { throw new Error("getter"); } });
  const buffer = new ArrayBuffer(72);
  const detached = new Float64Array(buffer);
  structuredClone(buffer, { transfer: [buffer] });
  return [revoked.proxy, trap, getter, detached];
};

/** A value of each JS kind, most of them wrong for most arguments. */
const WRONG = [
  undefined, null, true, false, "", "abc", "1", {}, { length: 1e9 }, [], [1, 2], [[1]], ["a"],
  -1, -0.5, 0, 1.5, 2 ** 32, 2 ** 53, 1e20, -1e308, NaN, Infinity, -Infinity, 10n, Symbol("s"),
  () => 1, new Float64Array(3), new Float32Array(3), new Date(0), ...hostile(),
];

/** The kinds of argument and the values of the right JS type for each. */
const KINDS = {
  text: (v) => typeof v === "string",
  number: (v) => typeof v === "number",
  whole: (v) => typeof v === "number",
  flag: (v) => typeof v === "boolean",
  numbers: (v) => {
    try {
      return v instanceof Float64Array || (Array.isArray(v) && v.every((x) => typeof x === "number"));
    } catch {
      return false; // a value that throws when read is never the right kind
    }
  },
  canvas: () => false, // there is no <canvas> in Node: every value is wrong here
  eta: (v) => typeof v === "number" || typeof v === "string",
};

const NAMES = [[0.1, -0.2], [0.3, 0.4]];
const MODEL = JSON.stringify({
  format: "backprop-lab/model@1", inputs: 2,
  layers: [{ activation: "sigmoid", weights: NAMES, biases: [0, 0.1] }, { activation: "sigmoid", weights: [[0.5, -0.6]], biases: [0.2] }],
});

/** Each instance method: its arguments as [kind, a valid value]. */
const METHODS = {
  a: [["whole", 0], ["whole", 1]], x: [["whole", 0], ["whole", 1]], delta: [["whole", 0], ["whole", 1]],
  gPrime: [["whole", 0], ["whole", 1]], stepA: [["whole", 0], ["whole", 1]], stepX: [["whole", 0], ["whole", 1]],
  stepDelta: [["whole", 0], ["whole", 1]], stepGPrime: [["whole", 0], ["whole", 1]],
  stepComputed: [["whole", 0], ["whole", 1]], activation: [["whole", 1]], neurons: [["whole", 1]],
  weights: [["whole", 1]], gradient: [["whole", 1]], stepGradient: [["whole", 1]], stepDeltaW: [["whole", 1]],
  paramLocation: [["whole", 0]], paramIndex: [["whole", 1], ["whole", 0], ["number", -1]],
  advanceCheck: [["whole", 1]], benchGradient: [["text", "backprop"], ["whole", 1]],
  benchBackprop: [["whole", 1]], benchDifference: [["whole", 0], ["whole", 1]],
  numericalGradient: [["number", 1e-6], ["text", "central"]], startCheck: [["number", 1e-6]],
  relativeErrors: [["numbers", new Float64Array(9)]], setWeights: [["numbers", new Float64Array(9)]],
  setLearningRate: [["eta", 0.5]], setMode: [["text", "batch"]], train: [["whole", 1]], scrubTo: [["whole", 0]],
  toHash: [["whole", 7], ["flag", false]], withSetup: [["text", "{}"]],
  grid: [["whole", 4], ["whole", 4], ["text", "x"], ["flag", true]],
  drawLoss: [["canvas", null], ["flag", true], ["flag", false], ["number", NaN]],
  addPatternAt: [["number", 0.5], ["number", 0.5], ["numbers", [1]]],
  addPattern: [["numbers", [0.5, 0.5]], ["numbers", [1]]],
  movePattern: [["whole", 0], ["number", 0.5], ["number", 0.5], ["flag", false]],
  removePattern: [["whole", 0]], flipTarget: [["whole", 0], ["whole", 0]],
  setPatternValue: [["whole", 0], ["whole", 2], ["text", "1"]],
  pasteCells: [["whole", 0], ["whole", 0], ["text", "1\t0"]],
  importCsv: [["text", "x1,x2,t1\n0,0,1\n"]],
  derive: [["whole", 1], ["whole", 0], ["number", 0], ["number", 0]],
  quizQuestion: [["text", "all"], ["whole", 1], ["whole", 0], ["number", 0]],
  exerciseSheet: [["number", -1]],
  sweepEta: [["numbers", [0.5, 2]], ["whole", 5]],
  seedRuns: [["whole", 0], ["whole", 2], ["whole", 5], ["text", "batch"], ["whole", 4]],
  landscape: [["whole", 0], ["whole", 1], ["number", 1], ["whole", 11]],
  landscapeAt: [["whole", 0], ["whole", 1]], landscapePath: [["whole", 0], ["whole", 1]],
  movedMost: [["whole", 100]], paramLabel: [["whole", 0]],
};
/** Instance methods without arguments (called once each, for the coverage check). */
const NO_ARGS = [
  "free", "toModel", "trace", "step", "stepBack", "reset", "restoreLastGood", "patternCsv", "patternErrors",
  "patternInputs", "patternTargets", "domain", "lossEpochs", "timelineEpochs", "stepErrors", "gradientAll",
  "backpropCost", "checkForward", "checkCentral", "checkCosts", "dataCsv", "undoData", "redoData", "dataEdits",
  "fitView", "dataInfo", "advice", "notesCost",
];
/** Static methods and free functions. */
const STATICS = {
  fromModel: [["text", MODEL]], fromSetup: [["text", "{}"]], parseHash: [["text", "#seed=3"]], parseSheetHash: [["text", "#sheet=1&seed=3"]],
  ticks: [["number", 0], ["number", 1], ["whole", 5]], csvTooLarge: [["whole", 2 ** 21]],
  scalingLab: [["numbers", [4, 4]]], quizCheck: [["text", "0.5"], ["number", 0.5]],
  parseEtaList: [["text", "0.1, 1"]], parseCount: [["text", "100"], ["text", "seeds"]], parseSpan: [["text", "2"]],
};
const FREE = {
  loglogSlope: [["numbers", [1, 2]], ["numbers", [1, 4]]],
  drawLogLog: [["canvas", null], ["text", "ε"], ["text", "E"], ["text", "a"], ["numbers", [1, 2]], ["numbers", [1, 2]],
    ["numbers", []], ["text", "top-left"], ["flag", false]],
};

/** Everything observable about a Lab, to check that a refused call changed nothing. */
const fingerprint = (lab) => JSON.stringify([lab.toModel(), lab.epoch, lab.phaseKind, lab.undoDepth, lab.learningRate, lab.mode]);

/** A Lab with a gradient check running and a step taken, so every method has something to act on. */
const freshLab = () => {
  const lab = Lab.fromModel(MODEL);
  lab.train(3);
  lab.startCheck(1e-6);
  return lab;
};

/** A value for a message (JSON.stringify itself throws on a revoked Proxy). */
const show = (w) => {
  if (typeof w === "symbol" || typeof w === "bigint") return typeof w;
  try {
    return JSON.stringify(w) ?? String(w);
  } catch {
    return "a value that throws when read";
  }
};

/** Calls `call(args)` with each wrong value at each position; checks the outcome. */
const hammer = (name, spec, call, before, after) => {
  let refused = 0;
  spec.forEach(([kind], p) => {
    for (const w of WRONG) {
      const args = spec.map(([, valid]) => valid);
      args[p] = w;
      const was = before();
      let threw = null;
      try {
        call(args);
      } catch (e) {
        threw = e;
      }
      const label = `${name} argument ${p} = ${show(w)}`;
      const rightType = KINDS[kind](w);
      if (threw) {
        assert.ok(!(threw instanceof WebAssembly.RuntimeError), `${label}: a wasm trap (${threw.message})`);
        assert.ok(threw instanceof Error && threw.message.length > 0, `${label}: threw ${threw}`);
        if (!rightType) assert.match(threw.message, /^[^:]+: (expected |could not be read)|^canvas: /, `${label}: ${threw.message}`);
        assert.equal(after(), was, `${label}: a refused call changed the Lab`);
        refused++;
      } else {
        assert.ok(rightType, `${label}: accepted a value of the wrong type (silent coercion)`);
      }
    }
  });
  return refused;
};

test("every export is in the table", () => {
  const proto = Object.getOwnPropertyNames(Lab.prototype).filter(
    (k) => typeof Object.getOwnPropertyDescriptor(Lab.prototype, k).value === "function" && k !== "constructor" && !k.startsWith("__"),
  );
  assert.deepEqual(proto.sort(), [...Object.keys(METHODS), ...NO_ARGS].sort());
  const statics = Object.getOwnPropertyNames(Lab).filter((k) => typeof Lab[k] === "function" && !k.startsWith("__"));
  assert.deepEqual(statics.sort(), [...Object.keys(STATICS), "limits"].sort());
  const free = Object.keys(wasm).filter((k) => typeof wasm[k] === "function" && !["default", "initSync", "Lab", "start"].includes(k));
  assert.deepEqual(free.sort(), Object.keys(FREE).sort());
});

test("wrong arguments to every Lab method are Errors that leave the Lab intact", () => {
  let refused = 0;
  for (const [name, spec] of Object.entries(METHODS)) {
    const lab = freshLab();
    refused += hammer(name, spec, (args) => lab[name](...args), () => fingerprint(lab), () => fingerprint(lab));
    lab.train(1); // still works
    assert.ok(Number.isFinite(lab.error), `${name}: the Lab still computes`);
    lab.free();
  }
  for (const name of NO_ARGS) {
    const lab = freshLab();
    try {
      lab[name]();
    } catch (e) {
      assert.ok(e instanceof Error && !(e instanceof WebAssembly.RuntimeError), `${name}: ${e}`);
    }
  }
  assert.ok(refused > 1000, `${refused} refusals`);
});

test("wrong arguments to static methods and free functions are Errors", () => {
  const memory = () => String(exports.memory.buffer.byteLength);
  for (const [name, spec] of Object.entries(STATICS)) hammer(`Lab.${name}`, spec, (args) => Lab[name](...args), memory, memory);
  for (const [name, spec] of Object.entries(FREE)) hammer(name, spec, (args) => wasm[name](...args), memory, memory);
});

test("arguments that throw while they are read leave the Lab and the module working", () => {
  const lab = freshLab();
  const before = fingerprint(lab);
  for (let k = 0; k < 1200; k++) {
    for (const bad of hostile()) {
      assert.throws(() => lab.setWeights(bad), (e) => e instanceof Error && !(e instanceof WebAssembly.RuntimeError));
      assert.throws(() => lab.train(bad), Error);
      assert.throws(() => Lab.parseHash(bad), Error);
    }
  }
  assert.equal(fingerprint(lab), before);
  assert.equal(lab.train(2), 2, "the Lab still trains");
  assert.ok(Lab.fromSetup("{}").error > 0, "the module still builds Labs");
});

test("no wrap-around: negative or huge counts are refused, not read as 4294967295", () => {
  const lab = freshLab();
  for (const bad of [-1, 2 ** 32 - 1, 2 ** 32, 1e8, 1.5, true]) {
    assert.throws(() => lab.train(bad), /epochs: expected a whole number from 0 to 1e7/);
  }
  assert.throws(() => lab.scrubTo(null), /epoch: expected a whole number/);
  assert.throws(() => lab.grid(-1, 4, "x", true), /nx:/);
  const before = lab.checkCentral().length;
  assert.equal(lab.advanceCheck(2 ** 40), 1, "a huge count checks every parameter, no more");
  assert.ok(lab.checkCentral().length >= before);
  assert.equal(lab.checkCentral().length, lab.paramCount);
});

test("an oversized text is refused before it is copied into wasm memory", () => {
  const before = exports.memory.buffer.byteLength;
  const huge = "x".repeat(32 << 20);
  for (let k = 0; k < 4; k++) {
    assert.throws(() => Lab.fromModel(huge), /model file: \d+ characters is more than/);
    assert.throws(() => Lab.parseHash(huge), /hash: \d+ characters is more than/);
  }
  assert.equal(exports.memory.buffer.byteLength, before, "wasm memory did not grow");
});

test("hundreds of Labs on the largest network fit: nothing is reserved up front", () => {
  const before = exports.memory.buffer.byteLength;
  const labs = [];
  for (let k = 0; k < 400; k++) labs.push(Lab.fromSetup('{"hidden": [16, 16, 16]}'));
  const grown = exports.memory.buffer.byteLength - before;
  console.log(`400 Labs of 2-16-16-16-1: wasm memory +${(grown / 2 ** 20).toFixed(1)} MiB`);
  assert.ok(grown < 64 * 2 ** 20, `${grown} bytes`);
  for (const lab of labs) lab.free();
});
