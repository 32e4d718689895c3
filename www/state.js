// The one app state object, and the snapshot of numbers every view draws from.

import { createCheck } from "./check-view.js";

/** Training speeds: epochs per second below one per frame, then epochs per animation frame. */
export const SPEEDS = [
  { perSecond: 1 }, { perSecond: 2 }, { perSecond: 5 }, { perSecond: 10 }, { perSecond: 30 },
  { perFrame: 1 }, { perFrame: 2 }, { perFrame: 5 }, { perFrame: 10 }, { perFrame: 30 },
  { perFrame: 100 }, { perFrame: 300 }, { perFrame: 1000 }, { perFrame: 3000 }, { perFrame: 10000 },
];
/** Default: 5 epochs per frame — XOR 2-2-1 solves in about a second, slow enough to watch. */
export const DEFAULT_SPEED = 7;

/** The page's whole state: the Lab handle, the setup it was made from, and what the user chose. */
export const createState = (wasm) => ({
  wasm,
  lab: null,
  setup: {
    dataset: "xor",
    seed: 7,
    hidden: [2],
    activations: ["sigmoid", "sigmoid"],
    learning_rate: 2,
    mode: "batch",
  },
  playing: false,
  speed: DEFAULT_SPEED,
  epochDebt: 0,
  mu: 0,
  selected: null,
  hover: null,
  mapQuantity: "x",
  logScale: true,
  dirty: true,
  notice: null,
  snapshot: null,
  layout: null,
  labId: 0,
  check: createCheck(),
  scrubEpoch: null,
  timeline: null,
  palette: null, // the theme's colours (util.palette), rebuilt when the theme or the font size changes
  boundaryImage: null, // the decision boundary's image and offscreen canvas, reused while the size stays
  renderMs: 0, // for the benchmark: smoothed time of one render
  firstFrameAt: null, // for the benchmark: when the first complete frame was drawn
});

/** Puts `lab` (made from `setup`) in place of the current one, forgetting what referred to the old. */
export const installLab = (state, lab, setup) => {
  state.lab?.free();
  state.lab = lab;
  state.labId++;
  state.setup = setup;
  state.mu = Math.min(state.mu, lab.patternCount - 1);
  state.selected = null;
  state.hover = null;
  state.epochDebt = 0;
  state.dirty = true;
};

/** Replaces the Lab with a fresh one from `setup`; returns an error message (state untouched) or null. */
export const rebuild = (state, setup) => {
  let lab;
  try {
    lab = state.wasm.Lab.fromSetup(JSON.stringify(setup));
  } catch (e) {
    return e.message;
  }
  installLab(state, lab, setup);
  return null;
};

const layers = (lab, from, get) => {
  const out = [];
  for (let n = from; n <= lab.depth; n++) out[n] = get(n);
  return out;
};

/**
 * Everything the views draw, read from the Lab once per change: shape, phase, and the numbers of
 * the shown pattern μ — as far as stepping has computed them, or at the current weights when idle.
 */
export const takeSnapshot = (state) => {
  const lab = state.lab;
  const L = lab.depth;
  const kind = lab.phaseKind;
  const stepping = kind !== "ready";
  const mu = state.mu;
  const nan = (len) => new Float64Array(len).fill(NaN);
  const sizes = layers(lab, 0, (n) => lab.neurons(n));
  const s = {
    L,
    sizes,
    activations: layers(lab, 1, (n) => lab.activation(n)),
    phase: { kind, mu: lab.phasePattern, n: lab.phaseLayer, text: lab.phaseText },
    stepping,
    mu,
    eta: lab.learningRate,
    mode: lab.mode,
    stepEta: lab.stepEta,
    epoch: lab.epoch,
    E: lab.error,
    P: lab.patternCount,
    inputs: lab.patternInputs(),
    targets: lab.patternTargets(),
    weights: layers(lab, 1, (n) => lab.weights(n)),
  };
  s.K = sizes[L];
  if (stepping) {
    s.x = layers(lab, 0, (n) => lab.stepX(mu, n));
    s.a = [null, ...layers(lab, 1, (n) => lab.stepA(mu, n)).slice(1)];
    s.delta = [null, ...layers(lab, 1, (n) => lab.stepDelta(mu, n)).slice(1)];
    s.errors = lab.stepErrors();
    s.grad = layers(lab, 1, (n) => lab.stepGradient(n));
    s.deltaW = layers(lab, 1, (n) => lab.stepDeltaW(n));
  } else {
    s.x = layers(lab, 0, (n) => lab.x(mu, n));
    s.a = [null, ...layers(lab, 1, (n) => lab.a(mu, n)).slice(1)];
    s.delta = [null, ...layers(lab, 1, (n) => lab.delta(mu, n)).slice(1)];
    s.errors = lab.patternErrors();
    s.grad = layers(lab, 1, (n) => lab.gradient(n));
    s.deltaW = layers(lab, 1, (n) => nan(lab.weights(n).length));
  }
  s.outputs = Array.from({ length: s.P }, (_, m) => (stepping ? lab.stepX(m, L) : lab.x(m, L)));
  s.target = s.targets.slice(mu * s.K, (mu + 1) * s.K);
  return s;
};

/** w_ij^(n) from a snapshot (j = −1: the bias b_i^(n)). */
export const weightAt = (s, list, n, i, j) => {
  const fanIn = s.sizes[n - 1];
  return j < 0 ? list[n][s.sizes[n] * fanIn + i] : list[n][i * fanIn + j];
};
