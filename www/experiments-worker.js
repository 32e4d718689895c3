// One worker of the experiments pool (www/experiments-pool.js): runs chunks of an experiment on its
// own instance of the core, off the page's thread. Messages in:
//   { type: "init", module }  the core's WebAssembly.Module, compiled once by the pool (instantiated
//                             here: no fetch, no compile); tasks that come before it wait for it
//   { type: "task", id, kind, model, settings, from, count }
//     kind "seeds": seeds from … from + count − 1 of settings { count, epochs, mode, thumb }
//     kind "sweep": settings.etas[from … from + count − 1], settings.epochs
// Messages out: { type: "ready", ms }, then per task either { type: "result", id, kind, data, ms }
// (seeds: the packed Float64Array of lab.seedRuns, its buffer transferred; sweep: the `runs` of
// lab.sweepEta; ms: the time it took here) or { type: "error", id, message, fatal } (fatal: the core
// trapped, end this worker).
import { initSync, Lab } from "./pkg/backprop_lab.js";

/** The Lab of the last model text (a job's chunks share it; a new model replaces it). */
let lab = null;
let labModel = null;

const labFor = (model) => {
  if (model !== labModel) {
    lab?.free();
    lab = null;
    labModel = null;
    lab = Lab.fromModel(model);
    labModel = model;
  }
  return lab;
};

/** The whole job's settings through the core's own checks (a chunk alone cannot see the total):
 * the number of seeds, the list of η. Each chunk checks again, so a bad job yields no result. */
const checkJob = (kind, settings) => {
  if (kind === "seeds") Lab.parseCount(String(settings.count), "seeds");
  else Lab.parseEtaList(Array.from(settings.etas ?? [], String).join(" "));
};

const run = ({ kind, model, settings, from, count }) => {
  if (kind !== "seeds" && kind !== "sweep") throw new Error(`experiments: unknown kind "${kind}" (seeds or sweep)`);
  checkJob(kind, settings);
  const l = labFor(model);
  if (kind === "seeds") {
    const packed = l.seedRuns((settings.firstSeed ?? 0) + from, count, settings.epochs, settings.mode, settings.thumb);
    return [packed, [packed.buffer]];
  }
  const etas = Float64Array.from(settings.etas.slice(from, from + count));
  return [JSON.parse(l.sweepEta(etas, settings.epochs)).runs, []];
};

/** Runs one chunk and posts its result or its error. */
const handle = (data) => {
  const { id, kind } = data;
  try {
    const t0 = performance.now();
    const [result, transfer] = run(data);
    self.postMessage({ type: "result", id, kind, data: result, ms: performance.now() - t0 }, transfer);
  } catch (e) {
    // A JsError arrives as an Error with the core's message; a trap (RuntimeError) leaves the
    // instance unusable, so the pool ends this worker.
    const fatal = e instanceof WebAssembly.RuntimeError || !(e instanceof Error);
    self.postMessage({ type: "error", id, message: e?.message ?? String(e), fatal });
  }
};

/** Chunks that came before the core (the pool starts a worker while it still compiles the core). */
let waiting = [];

self.onmessage = ({ data }) => {
  if (data.type !== "init") {
    if (waiting) waiting.push(data);
    else handle(data);
    return;
  }
  const t0 = performance.now();
  initSync({ module: data.module });
  self.postMessage({ type: "ready", ms: performance.now() - t0 });
  const chunks = waiting;
  waiting = null;
  chunks.forEach(handle);
};
