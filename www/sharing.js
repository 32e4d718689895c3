// Share and save: the setup in the URL hash (read at start, rewritten on every change), and files —
// export/import of the model file, the trace, a CSV of the patterns, a PNG of the pictures.

import { el } from "./util.js";
import { installLab } from "./state.js";

/** Reads the page's hash: the setup, speed and weights to start from, and notes on what was ignored. */
export const readHash = (wasm, hash) => JSON.parse(wasm.Lab.parseHash(hash));

/** Writes the current setup (and, for a shared link, the weights) into the URL without reloading. */
export const writeHash = (state, withWeights = false) => {
  if (state.setup.dataset === "custom") return null; // a file's own data set does not fit in a link
  const hash = state.lab.toHash(JSON.stringify(state.setup), state.speed, withWeights);
  history.replaceState(null, "", `#${hash}`);
  return `${location.origin}${location.pathname}#${hash}`;
};

/** The setup a Lab was made from, read back from the Lab (after importing a model file). */
export const setupOf = (lab) => {
  const hidden = [];
  const activations = [];
  for (let n = 1; n <= lab.depth; n++) {
    if (n < lab.depth) hidden.push(lab.neurons(n));
    activations.push(lab.activation(n));
  }
  return { dataset: lab.datasetName, seed: lab.seed, hidden, activations, learning_rate: lab.learningRate, mode: lab.mode };
};

const download = (name, blob) => {
  const a = el("a", { href: URL.createObjectURL(blob), download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
};
const json = (text) => new Blob([text], { type: "application/json" });

export const exportModel = (state) => download("backprop-lab-model.json", json(state.lab.toModel()));
export const exportTrace = (state) => download("backprop-lab-trace.json", json(JSON.stringify(JSON.parse(state.lab.trace()), null, 1)));
export const exportCsv = (state) => download("backprop-lab-patterns.csv", new Blob([state.lab.patternCsv()], { type: "text/csv" }));

/** The network diagram and the decision boundary side by side, as one PNG. */
export const exportPng = (ui) => {
  const a = ui.network;
  const b = ui.boundary;
  const out = document.createElement("canvas");
  out.width = a.width + b.width + 24;
  out.height = Math.max(a.height, b.height) + 24;
  const ctx = out.getContext("2d");
  ctx.fillStyle = getComputedStyle(document.documentElement).getPropertyValue("--panel").trim() || "#fff";
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(a, 12, 12);
  ctx.drawImage(b, a.width + 12, 12);
  out.toBlob((blob) => download("backprop-lab.png", blob), "image/png");
};

/** Largest model file read (the core rejects larger ones too, with a message). */
const MAX_FILE = 1 << 20;

/**
 * Opens a model file: on success replaces the Lab and returns null; on failure returns the reason
 * and leaves the current network untouched.
 */
export const importModel = async (state, file) => {
  if (file.size > MAX_FILE) return `${file.name} is ${Math.round(file.size / 1024)} KB; a model file is at most 1024 KB.`;
  const text = await file.text();
  let lab;
  try {
    lab = state.wasm.Lab.fromModel(text);
  } catch (e) {
    return `${file.name} was not opened: ${e.message}`;
  }
  installLab(state, lab, setupOf(lab));
  state.mu = 0;
  return null;
};
