// Share and save: the setup in the URL hash (read at start and when the address changes, rewritten
// on every change; it carries drawn data too), and files — export/import of the model file, the
// trace, a CSV of the pattern table, a PNG of the pictures (data files: data-files.js).

import { el, download } from "./util.js";
import { installLab } from "./state.js";

/**
 * Opens what a link's hash asks for — setup, speed, weights — in place of the current network (at
 * start and when the address changes); returns notes on what it could not use.
 */
export const openHash = (state, hash) => {
  let wanted;
  try {
    wanted = JSON.parse(state.wasm.Lab.parseHash(hash));
  } catch (e) {
    wanted = { setup: {}, speed: null, weights: null, ignored: [e.message] }; // the whole hash is refused
  }
  const notes = [...wanted.ignored];
  let lab;
  try {
    lab = state.wasm.Lab.fromSetup(JSON.stringify(wanted.setup));
  } catch (e) {
    notes.push(e.message);
    lab = state.wasm.Lab.fromSetup("{}");
  }
  installLab(state, lab);
  if (wanted.speed != null) state.speed = wanted.speed;
  if (wanted.weights) {
    try {
      lab.setWeights(Float64Array.from(wanted.weights));
    } catch (e) {
      notes.push(e.message);
    }
  }
  return notes;
};

/**
 * Writes the Lab's setup (and, for a shared link, the weights) into the address without reloading;
 * returns { url }, or { reason } when it cannot travel in a link: then the address keeps the setup
 * alone if that fits (weights that are not finite numbers), or drops its hash, which no longer
 * describes the page (data too big for a link).
 */
export const writeHash = (state, withWeights = false) => {
  let hash;
  try {
    hash = state.lab.toHash(state.speed, withWeights);
  } catch (e) {
    if (withWeights) writeHash(state);
    else history.replaceState(null, "", location.pathname + location.search);
    return { reason: e.message };
  }
  history.replaceState(null, "", `#${hash}`);
  return { url: `${location.origin}${location.pathname}#${hash}` };
};

/**
 * Opens the exercise sheet (www/sheet/) of the current weights and pattern μ in a new tab, the setup
 * travelling in its hash as in a shared link; returns the reason when the setup does not fit in one.
 */
export const openSheet = (state) => {
  let hash;
  try {
    hash = state.lab.toHash(state.speed, true);
  } catch (e) {
    return e.message;
  }
  open(new URL(`www/sheet/#sheet=${state.mu + 1}&${hash}`, location.href), "_blank", "noopener");
  return null;
};

/** JSON text as a Blob. */
const json = (text) => new Blob([text], { type: "application/json" });

/** Downloads the model file (setup, current weights, data set); returns the core's reason when it
 * refuses to write one (weights that are no longer finite numbers), or null. */
export const exportModel = (state) => {
  let text;
  try {
    text = state.lab.toModel();
  } catch (e) {
    return e.message;
  }
  download("backprop-lab-model.json", json(text));
  return null;
};
/** Downloads every number at the current weights (trace JSON). */
export const exportTrace = (state) => download("backprop-lab-trace.json", json(JSON.stringify(JSON.parse(state.lab.trace()), null, 1)));
/** Downloads the pattern table as CSV (with the outputs and errors; "Export data" has the data alone). */
export const exportCsv = (state) => download("backprop-lab-table.csv", new Blob([state.lab.patternCsv()], { type: "text/csv" }));

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

/**
 * Opens a model file: on success replaces the Lab and returns null; on failure returns the reason
 * and leaves the current network untouched.
 */
export const importModel = async (state, file) => {
  const most = state.limits.maxModelBytes; // the core's limit: refused before the file is read
  if (file.size > most) return `${file.name} is ${Math.round(file.size / 1024)} KB; a model file is at most ${most / 1024} KB.`;
  const text = await file.text();
  let lab;
  try {
    lab = state.wasm.Lab.fromModel(text);
  } catch (e) {
    return `${file.name} was not opened: ${e.message}`;
  }
  installLab(state, lab);
  state.mu = 0;
  return null;
};
