// The core's advice on training this data: one line on how η scales with the number of patterns
// (under the settings, where η is set), a suggested η with a button that applies it, and warnings
// (E oscillates, every output saturated) at the foot of the plots, under the loss chart and its
// timeline, where a warning that comes and goes while training pushes nothing else on the page.
// Read right after a change of the data, the Lab, η or the mode, and at most a few times a second
// while only the epoch changes (training).

import { showEta } from "./settings.js";
import { fmtShort, sentence, el } from "./util.js";

/** Least time between two readings of the advice while only the epoch changes (training). */
const EVERY_MS = 300;

/** What a screen reader hears for each kind of warning (the core's `kind`). */
const SAID = { oscillation: "E oscillates", saturation: "every output is saturated" };

/** Sets a node's text (and shows it) only when it changed. */
const text = (node, value) => {
  node.hidden = !value;
  if (node.textContent !== (value ?? "")) node.textContent = value ?? "";
};

/**
 * The suggestion: the core's sentence and a button "Use η = 0.1" that applies it; rebuilt only
 * when the advice changes (not on every reading), so the button stays under the pointer.
 */
const showSuggestion = (ui, eta, apply) => {
  const key = eta ? `${eta.suggested}|${eta.text}` : "";
  if (ui.etaSuggest.dataset.key === key) return;
  ui.etaSuggest.dataset.key = key;
  ui.etaSuggest.hidden = !eta;
  if (!eta) return ui.etaSuggest.replaceChildren();
  const use = el("button", { class: "use-eta", title: "Set the learning rate η to the suggested value" }, `Use η = ${fmtShort(eta.suggested)}`);
  use.addEventListener("click", () => {
    const focused = document.activeElement === use;
    apply(eta.suggested);
    // The line (and its button) goes once η suits the data: keep the focus near η, on the slider
    // (a text field would open the keyboard on a phone).
    if (focused) ui.etaSlider.focus();
  });
  ui.etaSuggest.replaceChildren(el("span", { class: "advice-text" }, sentence(eta.text)), use);
};

/** Shows the advice: the scaling line, the suggestion with its button, the warnings. */
const show = (ui, advice, apply) => {
  text(ui.etaScaling, advice.scaling ? sentence(advice.scaling) : "");
  showSuggestion(ui, advice.eta, apply);
  text(ui.lossWarnings, advice.warnings.map((w) => sentence(w.text)).join(" "));
  // Announced: which warnings there are, not their changing numbers.
  const heads = advice.warnings.map((w) => `Warning: ${SAID[w.kind] ?? w.text.split(":")[0]}.`).join(" ");
  if (ui.lossWarningsSaid.textContent !== heads) ui.lossWarningsSaid.textContent = heads;
};

/** Reads the advice when the data, the Lab, η or the mode changed, and while training at most every EVERY_MS. */
export const syncAdvice = (ui, state, now, actions) => {
  const lab = state.lab;
  const setup = `${state.labId}/${state.dataVersion}/${lab.learningRate}/${lab.mode}`;
  const read = state.adviceRead;
  if (read?.setup === setup && (read.epoch === lab.epoch || now - state.adviceAt < EVERY_MS)) return;
  state.adviceRead = { setup, epoch: lab.epoch };
  state.adviceAt = now;
  const apply = (eta) => {
    try {
      state.lab.setLearningRate(eta);
    } catch (e) {
      return actions.notice(sentence(e.message));
    }
    showEta(ui, state.lab.learningRate);
    actions.settingsChanged();
    state.dirty = true;
  };
  show(ui, JSON.parse(lab.advice()), apply);
};
