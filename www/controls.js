// Controls: buttons, settings, architecture editor, keyboard, pointer. Each handler changes the one
// app state (and the Lab) and marks it dirty; drawing happens in the render loop.

import { SPEEDS, rebuild } from "./state.js";
import { hitNetwork } from "./network-layout.js";
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

/** Calls `pick(row)` when a body row of `table` is clicked, or activated with Enter or Space. */
const onRow = (table, pick) => {
  const body = table.tBodies[0];
  body.addEventListener("click", (e) => pick(e.target.closest("tr")));
  body.addEventListener("keydown", (e) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      pick(e.target.closest("tr"));
    }
  });
};

/** Wires every control to `state`; `ui` has the DOM elements, `actions` the app-level operations. */
export const setupControls = (state, ui, actions) => {
  const message = (node, text) => {
    node.textContent = text ?? "";
  };

  // Transport.
  ui.play.addEventListener("click", () => actions.togglePlay());
  ui.next.addEventListener("click", () => actions.step());
  ui.prev.addEventListener("click", () => actions.stepBack());
  ui.epochStep.addEventListener("click", () => actions.stepEpoch());
  ui.reset.addEventListener("click", () => actions.reset());

  // η: log slider and number field, both applied to the very next update.
  const showEta = (eta) => {
    ui.etaSlider.value = String(Math.log10(eta));
    ui.etaNumber.value = fmt(eta, 3).replace("−", "-");
    ui.etaNumber.removeAttribute("aria-invalid");
    message(ui.etaMessage, "");
  };
  const applyEta = (eta) => {
    try {
      state.lab.setLearningRate(eta);
      state.setup = { ...state.setup, learning_rate: eta };
      showEta(eta);
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

  // Mode keeps the weights; everything else builds a fresh network from the seed.
  ui.mode.addEventListener("change", () => {
    state.lab.setMode(ui.mode.value);
    state.setup = { ...state.setup, mode: ui.mode.value };
    actions.settingsChanged();
    state.dirty = true;
  });
  for (const [value, text] of DATASETS) ui.dataset.append(el("option", { value }, text));
  const tryRebuild = (setup) => {
    const err = rebuild(state, setup);
    message(ui.settingsMessage, err ? `Not applied: ${err}` : "");
    actions.afterRebuild();
    return !err;
  };
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

  // Speed.
  ui.speed.addEventListener("input", () => {
    state.speed = Number(ui.speed.value);
    ui.speedLabel.textContent = speedText(state.speed);
    actions.settingsChanged();
  });

  // Save and share: files out, a model file in (button or drop anywhere on the page).
  ui.filesMenu.addEventListener("click", (e) => {
    if (e.target.closest("button")) actions.closeMenu();
  });
  ui.copyLink.addEventListener("click", () => actions.copyLink());
  ui.exportModel.addEventListener("click", () => actions.exportModel());
  ui.exportTrace.addEventListener("click", () => actions.exportTrace());
  ui.exportCsv.addEventListener("click", () => actions.exportCsv());
  ui.exportPng.addEventListener("click", () => actions.exportPng());
  ui.importModel.addEventListener("click", () => ui.modelFile.click());
  ui.modelFile.addEventListener("change", () => {
    actions.importFile(ui.modelFile.files[0]);
    ui.modelFile.value = "";
  });
  const hasFile = (e) => [...(e.dataTransfer?.types ?? [])].includes("Files");
  document.addEventListener("dragover", (e) => {
    if (!hasFile(e)) return;
    e.preventDefault();
    document.body.classList.add("dragging");
  });
  document.addEventListener("dragleave", (e) => {
    if (!e.relatedTarget) document.body.classList.remove("dragging");
  });
  document.addEventListener("drop", (e) => {
    if (!hasFile(e)) return;
    e.preventDefault();
    document.body.classList.remove("dragging");
    actions.importFile(e.dataTransfer.files[0]);
  });

  // Views.
  const mapToggle = (q) => {
    state.mapQuantity = q;
    ui.mapX.setAttribute("aria-pressed", String(q === "x"));
    ui.mapA.setAttribute("aria-pressed", String(q === "a"));
    actions.legends();
    state.dirty = true;
  };
  ui.mapX.addEventListener("click", () => mapToggle("x"));
  ui.mapA.addEventListener("click", () => mapToggle("a"));
  ui.logScale.addEventListener("change", () => {
    state.logScale = ui.logScale.checked;
    state.dirty = true;
  });
  ui.projector.addEventListener("click", () => {
    const on = !document.documentElement.classList.contains("projector");
    document.documentElement.classList.toggle("projector", on);
    ui.projector.setAttribute("aria-pressed", String(on));
    state.palette = null; // a new font size
    state.dirty = true;
  });
  ui.helpButton.addEventListener("click", () => ui.help.showModal());
  ui.helpClose.addEventListener("click", () => ui.help.close());

  // Views: stepping, or the numerical-differentiation lab (the diagram stays in both).
  const showTab = (checking) => {
    state.check.active = checking;
    document.body.classList.toggle("checking", checking);
    ui.checkPanel.hidden = !checking;
    ui.tabStep.setAttribute("aria-pressed", String(!checking));
    ui.tabCheck.setAttribute("aria-pressed", String(checking));
    state.dirty = true;
  };
  ui.tabStep.addEventListener("click", () => showTab(false));
  ui.tabCheck.addEventListener("click", () => showTab(true));
  ui.epsSlider.addEventListener("input", () => {
    state.check.eps = 10 ** Number(ui.epsSlider.value);
    state.dirty = true;
  });
  ui.measureAgain.addEventListener("click", () => actions.remeasure());
  const pickParam = (row) => {
    if (!row?.dataset.k || !state.check.table) return;
    const [n, i, j] = state.check.table.names[Number(row.dataset.k)];
    state.selected = { kind: "edge", n, i, j };
    state.dirty = true;
  };
  onRow(ui.checkTable, pickParam);

  // Pointer on the diagram: hover peeks, click selects.
  const at = (e) => {
    const r = ui.network.getBoundingClientRect();
    return hitNetwork(state.layout, state.snapshot, e.clientX - r.left, e.clientY - r.top);
  };
  ui.network.addEventListener("pointermove", (e) => {
    if (e.pointerType !== "mouse") return;
    const hit = at(e);
    if (JSON.stringify(hit) !== JSON.stringify(state.hover)) {
      state.hover = hit;
      state.dirty = true;
    }
  });
  ui.network.addEventListener("pointerleave", () => {
    state.hover = null;
    state.dirty = true;
  });
  ui.network.addEventListener("click", (e) => {
    const hit = at(e);
    state.selected = hit && JSON.stringify(hit) === JSON.stringify(state.selected) ? null : hit;
    state.dirty = true;
  });

  // Pattern table: a row picks μ.
  const pick = (row) => {
    if (!row?.dataset.mu) return;
    state.mu = Number(row.dataset.mu);
    state.dirty = true;
  };
  onRow(ui.table, pick);

  // Keyboard: Space, ←, →, R, ?.
  document.addEventListener("keydown", (e) => {
    const tag = e.target.tagName;
    if (e.ctrlKey || e.metaKey || e.altKey || ui.help.open) return;
    if ((tag === "INPUT" && e.target.type !== "range" && e.target.type !== "checkbox") || tag === "SELECT" || tag === "TEXTAREA") return;
    const keys = {
      " ": () => actions.togglePlay(),
      ArrowRight: () => actions.step(),
      ArrowLeft: () => actions.stepBack(),
      r: () => actions.reset(),
      R: () => actions.reset(),
      "?": () => ui.help.showModal(),
    };
    if (tag === "INPUT" && (e.key === "ArrowLeft" || e.key === "ArrowRight")) return; // sliders use arrows
    if (tag === "BUTTON" && e.key === " ") return; // the focused button gets its own click
    const fn = keys[e.key];
    if (fn) {
      e.preventDefault();
      fn();
    }
  });

  /** Puts every control in line with the state (after a rebuild or a reset). */
  const sync = () => {
    showEta(state.lab.learningRate);
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
  return { sync };
};
