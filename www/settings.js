// The settings bar: η (log slider and field), mode, data set, seed, speed and the architecture
// editor. The Lab owns the setup: a change goes to the Lab (or asks it for a new network) and the
// controls then show what the Lab has; what the core refuses is said next to the control.

import { rebuild } from "./state.js";
import { renderArchitecture } from "./architecture.js";
import { fmt, el, sentence } from "./util.js";

/** "5 epochs/frame" or "2 epochs/s" for speed k of the core's list. */
const speedText = (speeds, k) => {
  const s = speeds[k];
  const [count, per] = s.perFrame ? [s.perFrame, "frame"] : [s.perSecond, "s"];
  return `${count} epoch${count > 1 ? "s" : ""}/${per}`;
};

/** Shows `text` (or nothing) in a field's message line, and marks `field` invalid while there is one. */
const message = (node, text, field) => {
  node.textContent = text ?? "";
  if (!field) return;
  if (text) field.setAttribute("aria-invalid", "true");
  else field.removeAttribute("aria-invalid");
};

/** Puts the Lab's η in both controls and clears the field's complaint. */
export const showEta = (ui, eta) => {
  ui.etaSlider.value = String(Math.log10(eta));
  ui.etaNumber.value = fmt(eta, 3).replace(/−/g, "-");
  ui.etaNumber.dataset.shown = ui.etaNumber.value; // what the field says on its own, not typed
  message(ui.etaMessage, "", ui.etaNumber);
};

/** η: log slider and text field, both applied to the very next update; the core reads the typed text. */
const wireEta = (state, ui, actions) => {
  const applyEta = (eta) => {
    try {
      state.lab.setLearningRate(eta);
    } catch (e) {
      message(ui.etaMessage, sentence(e.message), ui.etaNumber);
      return;
    }
    showEta(ui, state.lab.learningRate);
    actions.settingsChanged();
    state.dirty = true;
  };
  ui.etaSlider.addEventListener("input", () => applyEta(Number((10 ** Number(ui.etaSlider.value)).toPrecision(3))));
  // The field shows η rounded to 3 digits: only a typed change applies (Enter on the shown text
  // must not round η = 0.123456 from a link to 0.123).
  ui.etaNumber.addEventListener("change", () => {
    if (ui.etaNumber.value !== ui.etaNumber.dataset.shown) applyEta(ui.etaNumber.value);
  });
  ui.etaNumber.addEventListener("keydown", (e) => {
    if (e.key === "Enter") ui.etaNumber.dispatchEvent(new Event("change"));
  });
};

/** Mode keeps the weights; data set and seed ask the Lab for a fresh network. */
const wireSetup = (state, ui, actions, tryRebuild) => {
  ui.mode.addEventListener("change", () => {
    state.lab.setMode(ui.mode.value);
    actions.settingsChanged();
    state.dirty = true;
  });
  for (const { name, title } of state.limits.datasets) ui.dataset.append(el("option", { value: name }, title));
  ui.dataset.addEventListener("change", () => tryRebuild({ dataset: ui.dataset.value }));
  // The field's own text goes to the core, which refuses an empty or invalid seed and says why.
  ui.seed.addEventListener("change", () => tryRebuild({ seed: ui.seed.value }, ui.seed, ui.seedMessage));
  ui.speed.max = String(state.limits.speeds.length - 1);
  ui.speed.addEventListener("input", () => {
    state.speed = Number(ui.speed.value);
    ui.speedLabel.textContent = speedText(state.limits.speeds, state.speed);
    actions.settingsChanged();
  });
};

/** The data set choice, with "custom" while the data is the user's own (drawn, edited, imported, or from a model file). */
export const showDataset = (ui, name) => {
  let custom = ui.dataset.querySelector('option[value="custom"]');
  if (name === "custom" && !custom) ui.dataset.append((custom = el("option", { value: "custom" }, "custom (your data)")));
  if (custom) custom.hidden = name !== "custom";
  ui.dataset.value = name;
};

/** Wires the settings bar; returns `sync`, which puts every control in line with the Lab. */
/**
 * Names each setting's control from the core's settings table: the label, and a tooltip with what it
 * does and the values it takes (fields marked `data-setting` in the page; the architecture editor
 * names itself with `settingLabel`).
 */
const labelSettings = (state) => {
  for (const field of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll("[data-setting]"))) {
    const setting = state.limits.settings.find((s) => s.key === field.getAttribute("data-setting"));
    if (!setting) continue;
    const label = field.querySelector(":scope > label");
    if (label) label.textContent = setting.label;
    field.title = `${setting.help} ${sentence(setting.range)}`;
  }
};

export const setupSettings = (state, ui, actions) => {
  /**
   * Asks for a network with `changes`. Refused: nothing changes, the core's reason shows in `say`
   * (next to `field`, which keeps what was typed); accepted: the controls follow the new Lab.
   */
  const tryRebuild = (changes, field, say = ui.settingsMessage) => {
    const typed = field?.value;
    const err = rebuild(state, changes);
    if (!err) return actions.afterRebuild();
    sync();
    if (field) field.value = typed;
    message(say, `Not applied: ${err}`, field);
  };
  const sync = () => {
    const lab = state.lab;
    showEta(ui, lab.learningRate);
    ui.mode.value = lab.mode;
    showDataset(ui, lab.datasetName);
    ui.seed.value = String(lab.seed);
    ui.speed.value = String(state.speed);
    ui.speedLabel.textContent = speedText(state.limits.speeds, state.speed);
    message(ui.settingsMessage, "");
    message(ui.seedMessage, "", ui.seed);
    renderArchitecture(ui, state, tryRebuild, (text) => message(ui.settingsMessage, text));
  };
  labelSettings(state);
  wireEta(state, ui, actions);
  wireSetup(state, ui, actions, tryRebuild);
  return sync;
};
