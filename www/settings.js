// The settings bar: η (log slider and field), mode, data set, seed, speed and the architecture
// editor. Each change goes to the Lab (or builds a new one) and marks the state dirty.

import { SPEEDS, rebuild } from "./state.js";
import { renderArchitecture } from "./architecture.js";
import { fmt, el } from "./util.js";

const DATASETS = [
  ["xor", "XOR (the lecture)"], ["and", "AND"], ["or", "OR"], ["xor-noisy", "noisy XOR quadrants"],
  ["circle", "circle"], ["blobs", "two blobs"], ["spiral", "spiral"],
];

/** "5 epochs / frame" or "2 epochs / s". */
export const speedText = (k) => {
  const s = SPEEDS[k];
  return s.perFrame ? `${s.perFrame} epoch${s.perFrame > 1 ? "s" : ""}/frame` : `${s.perSecond} epoch${s.perSecond > 1 ? "s" : ""}/s`;
};

/** Reads a learning rate typed by a person: a plain positive decimal number, nothing else. */
export const parseEta = (text) => {
  const t = String(text).trim().replace(",", ".");
  if (!/^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) && v > 0 ? v : null;
};

/** Shows `text` (or nothing) in a field's message line. */
const message = (node, text) => {
  node.textContent = text ?? "";
};

/** Puts η in both controls and clears the field's complaint. */
const showEta = (ui, eta) => {
  ui.etaSlider.value = String(Math.log10(eta));
  ui.etaNumber.value = fmt(eta, 3).replace("−", "-");
  ui.etaNumber.removeAttribute("aria-invalid");
  message(ui.etaMessage, "");
};

/** η: log slider and text field, both applied to the very next update. */
const wireEta = (state, ui, actions) => {
  const applyEta = (eta) => {
    try {
      state.lab.setLearningRate(eta);
      state.setup = { ...state.setup, learning_rate: eta };
      showEta(ui, eta);
      actions.settingsChanged();
      state.dirty = true;
    } catch (e) {
      message(ui.etaMessage, e.message);
    }
  };
  ui.etaSlider.addEventListener("input", () => applyEta(Number((10 ** Number(ui.etaSlider.value)).toPrecision(3))));
  ui.etaNumber.addEventListener("change", () => {
    const eta = parseEta(ui.etaNumber.value);
    if (eta === null) {
      ui.etaNumber.setAttribute("aria-invalid", "true");
      message(ui.etaMessage, `“${ui.etaNumber.value.slice(0, 20)}” is not a learning rate: type a number > 0, like 0.5. η stays ${fmt(state.lab.learningRate, 3)}.`);
      return;
    }
    applyEta(eta);
  });
  ui.etaNumber.addEventListener("keydown", (e) => {
    if (e.key === "Enter") ui.etaNumber.dispatchEvent(new Event("change"));
  });
};

/** Mode keeps the weights; data set and seed build a fresh network from the seed. */
const wireSetup = (state, ui, actions, tryRebuild) => {
  ui.mode.addEventListener("change", () => {
    state.lab.setMode(ui.mode.value);
    state.setup = { ...state.setup, mode: ui.mode.value };
    actions.settingsChanged();
    state.dirty = true;
  });
  for (const [value, text] of DATASETS) ui.dataset.append(el("option", { value }, text));
  ui.dataset.addEventListener("change", () => tryRebuild({ ...state.setup, dataset: ui.dataset.value }));
  ui.seed.addEventListener("change", () => {
    const seed = Number(ui.seed.value);
    if (!Number.isSafeInteger(seed) || seed < 0) {
      ui.seed.setAttribute("aria-invalid", "true");
      message(ui.settingsMessage, `Seed must be a whole number ≥ 0; keeping ${state.setup.seed}.`);
      return;
    }
    ui.seed.removeAttribute("aria-invalid");
    tryRebuild({ ...state.setup, seed });
  });
  ui.speed.addEventListener("input", () => {
    state.speed = Number(ui.speed.value);
    ui.speedLabel.textContent = speedText(state.speed);
    actions.settingsChanged();
  });
};

/** Wires the settings bar; returns `sync`, which puts every control in line with the state. */
export const setupSettings = (state, ui, actions) => {
  const tryRebuild = (setup) => {
    const err = rebuild(state, setup);
    message(ui.settingsMessage, err ? `Not applied: ${err}` : "");
    actions.afterRebuild();
    return !err;
  };
  wireEta(state, ui, actions);
  wireSetup(state, ui, actions, tryRebuild);
  return () => {
    showEta(ui, state.lab.learningRate);
    ui.mode.value = state.lab.mode;
    if (state.setup.dataset === "custom" && !ui.dataset.querySelector('option[value="custom"]')) {
      ui.dataset.append(el("option", { value: "custom" }, "custom (from the model file)"));
    }
    ui.dataset.value = state.setup.dataset;
    ui.seed.value = String(state.setup.seed);
    ui.speed.value = String(state.speed);
    ui.speedLabel.textContent = speedText(state.speed);
    renderArchitecture(ui, state, tryRebuild, message);
  };
};
