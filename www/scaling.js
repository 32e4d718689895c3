// Blackboard 2.3 measured: backprop's and numerical differentiation's time against n, up to n ≈ 10⁴
// (networks wider than the editor allows, built for timing only). Each timed unit is a few ms, so
// frames stay short; the networks take turns, so a change of load slows all of them alike.

/** Hidden layers of the swept networks (XOR): n from 5 to 8 577 (2-64-64-64-1). */
export const SCALING_SHAPES = [[1], [2], [4], [8], [8, 8], [16, 16], [20, 20, 20],
  [28, 28, 28], [33, 33, 33], [39, 39, 39], [45, 45, 45], [52, 52, 52], [58, 58, 58], [64, 64, 64]];
/** Milliseconds of work in one timed unit (a slice of parameters, or a batch of gradients). */
const UNIT_MS = 2.5;
/** Backprop samples per network, spread over the sweep; the fastest counts (interference only slows
 * a sample, and a virtual machine's speed changes from moment to moment). */
const SAMPLES = 40;
/** Times each slice of parameters is timed, at moments far apart; the fastest counts (two were not
 * enough on a 2-core machine with both cores busy: a numerical slope of 1.78 once). */
const PASSES = 3;

/** @import { Lab } from "./pkg/backprop_lab.js" */

/**
 * @typedef {object} ScalingPoint  One swept network and what has been measured of it so far.
 * @property {Lab} lab  the network (built for timing only)
 * @property {number} n  its parameter count
 * @property {number} bpOps  multiply-adds of one backprop gradient
 * @property {number} numOps  multiply-adds of one central-difference gradient, summed over its slices
 * @property {number} bpMs  the fastest time of one backprop gradient (ms)
 * @property {number} samples  backprop units timed
 * @property {number} perParam  the fastest time of one parameter's central difference (ms)
 * @property {number} next  the first parameter not cut into a slice yet
 * @property {number} done  parameters timed, over every pass
 * @property {number} again  slices timed again (the next one's index, modulo their count)
 * @property {{ from: number, count: number, ms: number }[]} cuts  the slices and their fastest times
 * @property {number} reps  backprop gradients in one unit
 * @property {number} slice  parameters in one slice
 * @property {number} times  runs over which a slice is timed
 */

/** Milliseconds `fn()` takes. */
const clock = (fn) => {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
};

/** How many units k (gradients, parameters) `fn(k)` needs to fill UNIT_MS, at most `most`. */
const unitsFor = (fn, most) => {
  let k = 1;
  while (k < most && clock(() => fn(k)) < 0.5) k = Math.min(4 * k, most);
  const ms = Math.min(clock(() => fn(k)), clock(() => fn(k)), clock(() => fn(k)));
  return Math.max(1, Math.min(most, Math.round((k * UNIT_MS) / Math.max(ms, 0.05))));
};

/** Least-squares slopes of log time and log count against log n over the larger half of the rows. */
export const fitSlopes = (rows, loglogSlope) => {
  const big = rows.slice(rows.length >> 1);
  const n = Float64Array.from(big, (r) => r.n);
  const slope = (k) => loglogSlope(n, Float64Array.from(big, (r) => r[k]));
  return { from: big[0].n, to: big.at(-1).n, bpMs: slope("bpMs"), numMs: slope("numMs"), bpOps: slope("bpOps"), numOps: slope("numOps") };
};

/** [ms, multiply-adds] of one central difference of parameters from..from + count, timed over
 * `times` runs (a small network's whole gradient runs many times: the clock ticks in 0.1 ms). */
const difference = (lab, from, count, times) => {
  let macs = 0;
  const ms = clock(() => {
    for (let k = 0; k < times; k++) macs = lab.benchDifference(from, count)[1];
  });
  return [ms / times, macs];
};

/** One unit of network p, of whichever part is behind: `reps` backprop gradients, or a slice of
 * parameters (a first pass cuts and times the slices, later passes time each again; the fastest
 * counts). Units are sized by the fastest time so far.
 * @param {ScalingPoint} p
 */
const unit = (p) => {
  const lab = p.lab;
  if (p.samples / SAMPLES <= p.done / (PASSES * p.n)) {
    p.bpMs = Math.min(p.bpMs, clock(() => lab.benchBackprop(p.reps)) / p.reps);
    p.reps = Math.max(1, Math.round(UNIT_MS / p.bpMs));
    p.samples++;
  } else if (p.next < p.n) {
    const count = Math.min(p.slice, p.n - p.next);
    const [ms, multiplyAdds] = difference(lab, p.next, count, p.times);
    p.cuts.push({ from: p.next, count, ms });
    p.numOps += multiplyAdds;
    p.perParam = Math.min(p.perParam, ms / count);
    if (p.times === 1) p.slice = Math.max(1, Math.round(UNIT_MS / p.perParam));
    p.next += count;
    p.done += count;
  } else {
    const cut = p.cuts[p.again++ % p.cuts.length];
    cut.ms = Math.min(cut.ms, difference(lab, cut.from, cut.count, p.times)[0]);
    p.done += cut.count;
  }
};

/** The sweep, a unit per step (yields between units): rows { n, bpOps, numOps, bpMs, numMs }, bpMs
 * for one backprop gradient, numMs for one central-difference gradient (the sum of its slices). */
export function* scalingSweep(Lab) {
  /** @type {ScalingPoint[]} */
  const points = [];
  try {
    for (const hidden of SCALING_SHAPES) {
      points.push(/** @type {ScalingPoint} */ ({ lab: Lab.scalingLab(hidden) })); // measured below, before any use
      yield 0;
    }
    // Warm up: V8 runs wasm in a baseline tier until it has optimised the hot code.
    const warm = points.at(-1).lab;
    for (let k = 0; k < 40; k++) {
      warm.benchBackprop(8);
      warm.benchDifference(0, 4);
      yield 0;
    }
    for (const p of points) {
      const lab = p.lab;
      const n = lab.paramCount;
      Object.assign(p, { n, bpOps: lab.backpropCost()[1], numOps: 0, bpMs: Infinity, samples: 0, perParam: Infinity, next: 0, done: 0, again: 0, cuts: [] });
      p.reps = unitsFor((k) => lab.benchBackprop(k), 1e6);
      yield 0;
      p.slice = unitsFor((k) => lab.benchDifference(0, k), n);
      yield 0;
      p.times = p.slice < n ? 1 : unitsFor((k) => difference(lab, 0, n, k), 1e6);
      yield 0;
    }
    const progress = (p) => Math.min(p.samples / SAMPLES, p.done / (PASSES * p.n));
    for (;;) {
      const p = points.reduce((a, b) => (progress(b) < progress(a) ? b : a));
      if (progress(p) >= 1) break;
      unit(p);
      yield 0;
    }
    return points.map((p) => ({ n: p.n, bpOps: p.bpOps, numOps: p.numOps, bpMs: p.bpMs, numMs: p.cuts.reduce((s, c) => s + c.ms, 0) }));
  } finally {
    for (const p of points) p.lab.free();
  }
}
