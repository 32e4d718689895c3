// The core's advice on training this data: one line on how η scales with the number of patterns
// (under the settings, where η is set), a suggested η with a button that applies it, and warnings
// (E oscillates, every output saturated) under the loss chart. Read a few times a second at most.

import { showEta } from "./settings.js";
import { fmtShort, sentence, el } from "./util.js";

/** Least time between two readings of the advice while only the epoch changes (training). */
const EVERY_MS = 300;

/** Sets a node's text (and shows it) only when it changed. */
const text = (node, value) => {
  node.hidden = !value;
  if (node.textContent !== (value ?? "")) node.textContent = value ?? "";
};

/** Shows the advice: the scaling line, the suggestion with its button, the warnings. */
const show = (ui, state, advice, apply) => {
  text(ui.etaScaling, advice.scaling ? sentence(advice.scaling) : "");
  const eta = advice.eta;
  const key = eta ? `${eta.suggested}|${eta.text}` : "";
  if (ui.etaSuggest.dataset.key !== key) {
    ui.etaSuggest.dataset.key = key;
    ui.etaSuggest.hidden = !eta;
    const use = eta && el("button", { class: "use-eta" }, `Use η = ${fmtShort(eta.suggested)}`);
    use?.addEventListener("click", () => apply(eta.suggested));
    ui.etaSuggest.replaceChildren(...(eta ? [el("span", {}, sentence(eta.text)), " ", use] : []));
  }
  text(ui.lossWarnings, advice.warnings.map(sentence).join(" "));
};

/** Reads the advice when the data, the Lab or η changed, and while training at most every EVERY_MS. */
export const syncAdvice = (ui, state, now, actions) => {
  const lab = state.lab;
  if (typeof lab.advice !== "function") return; // TEMP until the core's advice() lands
  const setup = `${state.labId}/${state.dataVersion}/${lab.learningRate}/${lab.mode}`;
  const key = `${setup}/${lab.epoch}`;
  if (ui.etaSuggest.dataset.read === key) return;
  if (ui.etaSuggest.dataset.setup === setup && now - state.adviceAt < EVERY_MS) return;
  ui.etaSuggest.dataset.read = key;
  ui.etaSuggest.dataset.setup = setup;
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
  show(ui, state, JSON.parse(lab.advice()), apply);
};
