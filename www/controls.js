// Controls: transport, files, views, the pointer on the diagram and rows of the tables, plus the
// settings bar, data editing (the plot, the table, CSV files) and the keyboard. Each handler changes
// the one app state (and the Lab) and marks it dirty; drawing happens in the render loop.

import { hitNetwork } from "./network-layout.js";
import { setupSettings } from "./settings.js";
import { setupKeyboard } from "./keyboard.js";
import { setupPlotEditing } from "./data-edit.js";
import { setupTableEditing } from "./table-edit.js";
import { setupDataFiles, isModelFile, importDataFile } from "./data-files.js";
import { openSheet } from "./sharing.js";

/** Calls `pick(row)` when a body row of `table` is clicked, or activated with Enter or Space (not its buttons, nor keys typed in its cells). */
const onRow = (table, pick) => {
  const body = table.tBodies[0];
  body.addEventListener("click", (e) => {
    if (!e.target.closest("button")) pick(e.target.closest("tr"));
  });
  body.addEventListener("keydown", (e) => {
    if (e.target.tagName === "TR" && (e.key === "Enter" || e.key === " ")) {
      e.preventDefault();
      pick(e.target.closest("tr"));
    }
  });
};

/** Play, the two step buttons, Step epoch and Reset. */
const wireTransport = (ui, actions) => {
  ui.play.addEventListener("click", () => actions.togglePlay());
  ui.next.addEventListener("click", () => actions.step());
  ui.prev.addEventListener("click", () => actions.stepBack());
  ui.epochStep.addEventListener("click", () => actions.stepEpoch());
  ui.reset.addEventListener("click", () => actions.reset());
};

/** Save and share: files out, a model file or data in (buttons, or a drop anywhere on the page). */
const wireFiles = (state, ui, actions, data) => {
  ui.filesMenu.addEventListener("click", (e) => {
    if (e.target.closest("button")) actions.closeMenu();
  });
  ui.copyLink.addEventListener("click", () => actions.copyLink());
  ui.exportModel.addEventListener("click", () => actions.exportModel());
  ui.exportTrace.addEventListener("click", () => actions.exportTrace());
  ui.exportCsv.addEventListener("click", () => actions.exportCsv());
  ui.exportPng.addEventListener("click", () => actions.exportPng());
  ui.filesMenu.querySelector("#exercise-sheet").addEventListener("click", () => {
    const why = openSheet(state);
    if (why) actions.refused("exercise sheet", why);
  });
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
    const file = e.dataTransfer.files[0];
    if (!file) return;
    isModelFile(file).then((model) => (model ? actions.importFile(file) : importDataFile(state, data, actions.notice, file)));
  });
  setupDataFiles(state, ui, data, actions.notice);
};

/** What the pictures show: x or a in the maps, log scale, projector type, help. */
const wireViews = (state, ui, actions) => {
  const mapToggle = (q) => {
    state.mapQuantity = q;
    ui.mapX.setAttribute("aria-pressed", String(q === "x"));
    ui.mapA.setAttribute("aria-pressed", String(q === "a"));
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
};

/** The two tabs: stepping, or the numerical-differentiation lab (the diagram stays in both). */
const wireTabs = (state, ui, actions) => {
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
  onRow(ui.checkTable, (row) => {
    if (!row?.dataset.k || !state.check.table) return;
    const [n, i, j] = state.check.table.names[Number(row.dataset.k)];
    state.selected = { kind: "edge", n, i, j };
    state.dirty = true;
  });
};

/** The pointer on the diagram (hover peeks, click selects) and a pattern-table row (picks μ). */
const wirePointer = (state, ui) => {
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
  onRow(ui.table, (row) => {
    if (!row?.dataset.mu) return;
    state.mu = Number(row.dataset.mu);
    state.dirty = true;
  });
};

/** Wires every control to `state`; `ui` has the DOM elements, `actions` the app-level operations, `data` the data edits. */
export const setupControls = (state, ui, actions, data) => {
  wireTransport(ui, actions);
  const sync = setupSettings(state, ui, actions);
  wireFiles(state, ui, actions, data);
  wireViews(state, ui, actions);
  wireTabs(state, ui, actions);
  wirePointer(state, ui);
  setupPlotEditing(state, ui, data, actions.notice);
  setupTableEditing(state, ui, data);
  setupKeyboard(actions, data, ui.help);
  return { sync };
};
