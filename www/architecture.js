// The architecture editor: neurons and activation per hidden layer, add/remove a layer, and the
// output layer's activation, within the core's limits (read from the Lab, never kept here).

import { el } from "./util.js";
import { settingLabel } from "./state.js";

/** The Lab's hidden sizes and activations (one per layer, output last). */
const shapeOf = (lab) => {
  const hidden = [];
  const activations = [];
  for (let n = 1; n <= lab.depth; n++) {
    if (n < lab.depth) hidden.push(lab.neurons(n));
    activations.push(lab.activation(n));
  }
  return { hidden, activations };
};

/** A select of the core's activations, showing `value`. */
const activationSelect = (names, value, label) => {
  const g = el("select", { "aria-label": label }, names.map((a) => el("option", { value: a }, a)));
  g.value = value;
  return g;
};

/** Rebuilds the editor for the Lab's shape; a change calls `tryRebuild(changes)`, a refused size `say(text)`. */
export const renderArchitecture = (ui, state, tryRebuild, say) => {
  const { hidden, activations } = shapeOf(state.lab);
  const { maxHidden, maxNeurons } = state.limits;
  const names = state.limits.activations.map((a) => a.name);
  const parts = [el("span", { class: "label" }, settingLabel(state, "hidden"))];
  hidden.forEach((m, k) => {
    const size = el("input", { type: "number", min: "1", max: String(maxNeurons), step: "1", value: String(m), "aria-label": `Neurons in hidden layer ${k + 1}` });
    const g = activationSelect(names, activations[k], `Activation of hidden layer ${k + 1}`);
    // The core checks the size (and says why it refuses one); a refusal puts the old size back.
    size.addEventListener("change", () => tryRebuild({ hidden: hidden.map((old, q) => (q === k ? Number(size.value) : old)) }));
    g.addEventListener("change", () => tryRebuild({ activations: activations.map((old, q) => (q === k ? g.value : old)) }));
    parts.push(el("span", { class: "layer" }, size, g));
  });
  const add = el("button", { "aria-label": "Add hidden layer", title: "Add a hidden layer" }, "+");
  const remove = el("button", { "aria-label": "Remove hidden layer", title: "Remove the last hidden layer" }, "−");
  add.disabled = hidden.length >= maxHidden;
  remove.disabled = hidden.length === 0;
  // The core picks the new layer's activation (the last hidden layer's) and keeps the others.
  add.addEventListener("click", () => tryRebuild({ hidden: [...hidden, 2] }));
  remove.addEventListener("click", () => tryRebuild({ hidden: hidden.slice(0, -1) }));
  const out = activationSelect(names, activations.at(-1), "Activation of the output layer");
  out.addEventListener("change", () => tryRebuild({ activations: [...activations.slice(0, -1), out.value] }));
  parts.push(add, remove, el("span", { class: "label" }, "output g"), out);
  ui.architecture.replaceChildren(...parts);
};
