// The one app state object, and the snapshot of numbers every view draws from. The Lab owns the
// setup, the numbers and the rules; the state keeps what the page chose and what it drew.

import { createCheck } from "./check-view.js";

/** The page's whole state: the Lab handle, the core's limits, and what the user chose. */
export const createState = (wasm) => {
  const limits = JSON.parse(wasm.Lab.limits());
  return {
    wasm,
    limits, // the core's rules, read once: layer sizes, activations, data sets, speeds
    lab: null,
    paramIndex: null, // where w_ij^(n) sits in the Lab's layer arrays, read once per Lab (and whenever the layer sizes change)
    shape: null, // the layer sizes ("2-2-1") when paramIndex was read
    patterns: null, // the Lab's patterns { inputs, targets } (flat), read once per Lab and after each data edit
    dataVersion: 0, // counts data edits (and new Labs): views that follow the data redraw when it changes
    editing: false, // "Edit data" mode: the decision-boundary plot takes clicks, taps and drags
    plotMap: null, // the boundary plot's last drawing: { N, box, x: [lo, hi], y: [lo, hi], r, points } (pixels of each pattern)
    drag: null, // the pointer gesture on the plot in edit mode: { id, mu, x0, y0, moved, join }
    adviceAt: -Infinity, // when the core's advice was last read (polled a few times a second while training)
    adviceRead: null, // what the advice was last read for: { setup (Lab, data, η, mode), epoch }
    focusRow: null, // a pattern μ just added from the table: the next drawing focuses its first cell
    playing: false,
    speed: limits.defaultSpeed,
    epochDebt: 0,
    mu: 0,
    selected: null,
    hover: null,
    mapQuantity: "x",
    logScale: true,
    dirty: true,
    snapshot: null,
    layout: null,
    labId: 0,
    check: createCheck(),
    // The Experiments tab (www/experiments-view.js, loaded when the tab first opens): whether it is
    // shown, its view once loaded, and its own state (runs, results, the landscape's choice).
    experiments: { active: false, loading: null, view: null },
    // teach.js: the derived weight { n, i, j } and its derivation (with what it was derived for, when, and its cost in ms); the quiz's question, where it was asked, the score.
    teach: { derive: false, w: null, derived: null, derivedKey: "", at: 0, cost: 0, quiz: { on: false, kinds: "all", q: null, key: "", right: 0, asked: 0 } },
    scrubEpoch: null,
    timeline: null,
    palette: null, // the theme's colours (util.palette), rebuilt when the theme or the font size changes
    boundaryImage: null, // the decision boundary's image and offscreen canvas, reused while the size stays
    renderMs: 0, // for the benchmark: smoothed time of one render
    firstFrameAt: null, // for the benchmark: when the first complete frame was drawn
  };
};

/** @typedef {ReturnType<typeof createState>} State  The page's whole state, as createState builds it. */

/** A setting's label from the core's settings table (`key` as in setup JSON). */
export const settingLabel = (state, key) => state.limits.settings.find((s) => s.key === key)?.label ?? key;

/** The Lab's weight layout: for layer n, index[n][i·(m⁽ⁿ⁻¹⁾ + 1) + j + 1] is where w_ij^(n) sits (j = −1: b_i). */
const readParamIndex = (lab) => {
  const index = [];
  for (let n = 1; n <= lab.depth; n++) {
    const m = lab.neurons(n);
    const fanIn = lab.neurons(n - 1);
    index[n] = new Int32Array(m * (fanIn + 1));
    for (let i = 0; i < m; i++) for (let j = -1; j < fanIn; j++) index[n][i * (fanIn + 1) + j + 1] = lab.paramIndex(n, i, j);
  }
  return index;
};

/**
 * The network's layer sizes, "2-2-1": an imported CSV of another N or K rebuilds the network in
 * place, and undoing a data set picked from the menu brings back the whole network it replaced.
 */
const shapeKey = (lab) => Array.from({ length: lab.depth + 1 }, (_, n) => lab.neurons(n)).join("-");

/** Puts `lab` in place of the current one, forgetting what referred to the old. */
export const installLab = (state, lab) => {
  state.lab?.free();
  state.lab = lab;
  state.labId++;
  state.paramIndex = readParamIndex(lab);
  state.shape = shapeKey(lab);
  state.patterns = { inputs: lab.patternInputs(), targets: lab.patternTargets() };
  state.mu = Math.min(state.mu, lab.patternCount - 1);
  state.selected = null;
  state.hover = null;
  state.epochDebt = 0;
  state.drag = null;
  state.dataVersion++;
  state.dirty = true;
};

/**
 * After the Lab's data changed (an edit, an import, undo or redo): re-reads the patterns, and the
 * weight layout if the network's shape changed (an undo may bring back a whole other network:
 * weights, epoch, η, loss curve); every view reads the rest from the Lab on the next frame.
 */
export const dataChanged = (state) => {
  const lab = state.lab;
  state.patterns = { inputs: lab.patternInputs(), targets: lab.patternTargets() };
  const shape = shapeKey(lab);
  if (shape !== state.shape) {
    state.paramIndex = readParamIndex(lab);
    state.selected = null;
    state.hover = null;
  }
  state.shape = shape;
  state.mu = Math.max(0, Math.min(state.mu, lab.patternCount - 1));
  state.scrubEpoch = null; // an edit continues from the weights in use
  state.dataVersion++;
  state.dirty = true;
};

/** A fresh network with `changes` to this Lab's setup; returns the core's reason (state untouched) or null. */
export const rebuild = (state, changes) => {
  let lab;
  try {
    lab = state.lab.withSetup(JSON.stringify(changes));
  } catch (e) {
    return e.message;
  }
  installLab(state, lab);
  return null;
};

/** Installs the Lab of model text `model` (from `toModel`) with `changes` (as `withSetup`); returns
 * the error's message, or null. An experiment's result opens this way, from the setup it ran on. */
export const rebuildFrom = (state, model, changes) => {
  let lab;
  try {
    const base = state.wasm.Lab.fromModel(model);
    try {
      lab = base.withSetup(JSON.stringify(changes));
    } finally {
      base.free();
    }
  } catch (e) {
    return e.message;
  }
  installLab(state, lab);
  return null;
};

/** [get(from), …, get(L)] at indices from … L of an array. */
const layers = (lab, from, get) => {
  const out = [];
  for (let n = from; n <= lab.depth; n++) out[n] = get(n);
  return out;
};

/** What stepping has computed: per layer of pattern μ (1 = a and x, 2 = δ), and per pattern ŷ and Ẽ(μ). */
const computed = (lab, s) => {
  if (!s.stepping) {
    const all = new Uint8Array(s.P).fill(1);
    return { known: layers(lab, 0, () => 3), yKnown: all, eKnown: all };
  }
  const known = layers(lab, 0, (n) => (n === 0 ? 3 : lab.stepComputed(s.mu, n)));
  const yKnown = new Uint8Array(s.P);
  const eKnown = new Uint8Array(s.P);
  for (let m = 0; m < s.P; m++) {
    const c = lab.stepComputed(m, s.L);
    yKnown[m] = c & 1;
    // Ẽ(μ) is computed in its own phase, after the forward pass and before δ of the output layer.
    eKnown[m] = c & 2 || (s.phase.kind === "error" && s.phase.mu === m) ? 1 : 0;
  }
  return { known, yKnown, eKnown };
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
    inputs: state.patterns.inputs,
    targets: state.patterns.targets,
    weights: layers(lab, 1, (n) => lab.weights(n)),
    index: state.paramIndex,
  };
  s.K = sizes[L];
  if (stepping) {
    s.x = layers(lab, 0, (n) => lab.stepX(mu, n));
    s.a = [null, ...layers(lab, 1, (n) => lab.stepA(mu, n)).slice(1)];
    s.delta = [null, ...layers(lab, 1, (n) => lab.stepDelta(mu, n)).slice(1)];
    s.gPrime = [null, ...layers(lab, 1, (n) => lab.stepGPrime(mu, n)).slice(1)];
    s.errors = lab.stepErrors();
    s.grad = layers(lab, 1, (n) => lab.stepGradient(n));
    s.deltaW = layers(lab, 1, (n) => lab.stepDeltaW(n));
  } else {
    s.x = layers(lab, 0, (n) => lab.x(mu, n));
    s.a = [null, ...layers(lab, 1, (n) => lab.a(mu, n)).slice(1)];
    s.delta = [null, ...layers(lab, 1, (n) => lab.delta(mu, n)).slice(1)];
    s.gPrime = [null, ...layers(lab, 1, (n) => lab.gPrime(mu, n)).slice(1)];
    s.errors = lab.patternErrors();
    s.grad = layers(lab, 1, (n) => lab.gradient(n));
    s.deltaW = s.weights.map((w) => nan(w.length));
  }
  s.outputs = Array.from({ length: s.P }, (_, m) => (stepping ? lab.stepX(m, L) : lab.x(m, L)));
  s.target = s.targets.slice(mu * s.K, (mu + 1) * s.K);
  Object.assign(s, computed(lab, s));
  // A quiz question before the first step hides the numbers the step will compute.
  if (!stepping && state.teach.quiz.q) {
    s.known = s.known.map((k, n) => (n ? 0 : k));
    s.yKnown = s.eKnown = new Uint8Array(s.P);
  }
  return s;
};

/** w_ij^(n) from a snapshot's layer arrays (j = −1: the bias b_i^(n)), where the Lab keeps it. */
export const weightAt = (s, list, n, i, j) => list[n][s.index[n][i * (s.sizes[n - 1] + 1) + j + 1]];
