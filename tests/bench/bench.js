// In-browser half of the benchmark (driven by tools/bench.mjs): Lab.train and the grid against the
// Node/Link baseline, and memory and loss-curve drawing after long runs. Results in window.results.
import init, { Lab } from "../../www/pkg/backprop_lab.js";
import { buildNetwork, epoch, forwardProp } from "./baseline.js";

/**
 * Calls f (doing `units` units) until `ms` have passed; units per second, in steady state: V8 first
 * runs wasm and JS from a baseline compiler and swaps in optimised code for hot functions when it is
 * ready, so f runs for a second before the clock starts (the first second runs slower).
 */
const rate = (ms, units, f) => {
  const warm = performance.now();
  while (performance.now() - warm < 1000) f();
  let done = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < ms) {
    f();
    done += units;
  }
  return (done * 1000) / (performance.now() - t0);
};

const NETS = [
  { name: "2-2-1", shape: [2, 2, 1], hidden: [2], activations: ["tanh", "sigmoid"] },
  { name: "2-8-8-1", shape: [2, 8, 8, 1], hidden: [8, 8], activations: ["tanh", "tanh", "tanh"] },
];

const run = async () => {
  const wasm = await init();
  const results = { nets: [] };
  for (const net of NETS) {
    const lab = Lab.fromSetup(JSON.stringify({ hidden: net.hidden, activations: net.activations, learning_rate: 0.5 }));
    const labEpochs = rate(1500, 5000, () => lab.train(5000));
    const baseNet = buildNetwork(net.shape, net.activations);
    const baseEpochs = rate(1500, 1000, () => {
      for (let k = 0; k < 1000; k++) epoch(baseNet, 0.5);
    });
    const labGrid = rate(1000, 200 * 200, () => lab.grid(200, 200, "x", true));
    const baseGrid = rate(1000, 200 * 200, () => {
      for (let r = 0; r < 200; r++) for (let c = 0; c < 200; c++) forwardProp(baseNet, [-0.5 + c / 100, 1.5 - r / 100]);
    });
    results.nets.push({ name: net.name, labEpochs, baseEpochs, labGrid, baseGrid });
    lab.free();
  }
  // Memory and drawing after long runs: the loss history is bounded, so 10 M epochs cost no more
  // than 10 k.
  const lab = Lab.fromSetup(JSON.stringify({ activations: ["tanh", "sigmoid"], learning_rate: 0.5 }));
  const heap = () => {
    globalThis.gc?.(); // --js-flags=--expose-gc: measure live memory, not garbage not yet collected
    return performance.memory?.usedJSHeapSize ?? NaN;
  };
  const canvas = document.getElementById("loss");
  const drawMs = () => {
    lab.drawLoss(canvas, true, false, NaN);
    const t0 = performance.now();
    for (let k = 0; k < 20; k++) lab.drawLoss(canvas, true, false, NaN);
    return (performance.now() - t0) / 20;
  };
  lab.train(10_000);
  const small = { epochs: lab.epoch, wasm: wasm.memory.buffer.byteLength, heap: heap(), points: lab.lossEpochs().length, drawMs: drawMs() };
  while (lab.epoch < 10_000_000) lab.train(Math.min(1_000_000, 10_000_000 - lab.epoch));
  const large = { epochs: lab.epoch, wasm: wasm.memory.buffer.byteLength, heap: heap(), points: lab.lossEpochs().length, drawMs: drawMs() };
  results.memory = { small, large };
  window.results = results;
  document.getElementById("out").textContent = JSON.stringify(results, null, 2);
};

run().catch((e) => {
  window.results = { error: String(e) };
});
