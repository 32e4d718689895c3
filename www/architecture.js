// The architecture editor: neurons and activation per hidden layer, add/remove a layer, and the
// output layer's activation. Sizes outside the core's limits are refused with a message.

import { el } from "./util.js";

const ACTIVATIONS = ["sigmoid", "tanh", "relu", "linear"];
const MAX_HIDDEN = 3;

/** Rebuilds the editor for `state.setup`; a change calls `tryRebuild(setup)`. */
export const renderArchitecture = (ui, state, tryRebuild, message) => {
  const { hidden, activations } = state.setup;
  const parts = [el("span", { class: "label" }, "Hidden layers")];
  hidden.forEach((m, k) => {
    const size = el("input", { type: "number", min: "1", max: "16", step: "1", value: String(m), "aria-label": `Neurons in hidden layer ${k + 1}` });
    const g = el("select", { "aria-label": `Activation of hidden layer ${k + 1}` }, ACTIVATIONS.map((a) => el("option", { value: a }, a)));
    g.value = activations[k];
    size.addEventListener("change", () => {
      const v = Number(size.value);
      if (!Number.isInteger(v) || v < 1 || v > 16) {
        message(ui.settingsMessage, `A layer has 1 to 16 neurons; keeping ${m}.`);
        size.value = String(m);
        return;
      }
      const next = [...hidden];
      next[k] = v;
      tryRebuild({ ...state.setup, hidden: next });
    });
    g.addEventListener("change", () => {
      const next = [...activations];
      next[k] = g.value;
      tryRebuild({ ...state.setup, activations: next });
    });
    parts.push(el("span", { class: "layer" }, size, g));
  });
  const add = el("button", { "aria-label": "Add hidden layer", title: "Add a hidden layer" }, "+");
  const remove = el("button", { "aria-label": "Remove hidden layer", title: "Remove the last hidden layer" }, "−");
  add.disabled = hidden.length >= MAX_HIDDEN;
  remove.disabled = hidden.length === 0;
  add.addEventListener("click", () => tryRebuild({
    ...state.setup, hidden: [...hidden, 2], activations: [...activations.slice(0, -1), activations.at(-2) ?? "tanh", activations.at(-1)],
  }));
  remove.addEventListener("click", () => tryRebuild({
    ...state.setup, hidden: hidden.slice(0, -1), activations: [...activations.slice(0, -2), activations.at(-1)],
  }));
  const out = el("select", { "aria-label": "Activation of the output layer" }, ACTIVATIONS.map((a) => el("option", { value: a }, a)));
  out.value = activations.at(-1);
  out.addEventListener("change", () => tryRebuild({ ...state.setup, activations: [...activations.slice(0, -1), out.value] }));
  parts.push(add, remove, el("span", { class: "label" }, "output g"), out);
  ui.architecture.replaceChildren(...parts);
};
