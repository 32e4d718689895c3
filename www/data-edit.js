// Drawing data on the decision-boundary plot ("Edit data"): a click or tap adds a pattern with the
// chosen target, a drag moves one, a click on one removes it, Delete removes the ringed pattern μ.
// Pointer events, so touch works; the hit test uses the plot's mapping from its last drawing.

import { el } from "./util.js";

/** Pixels a press may wander and still be a click (a finger wanders more than a mouse). */
const slack = (e) => (e.pointerType === "mouse" ? 4 : 10);

/** The pattern drawn nearest to pixel (x, y), within `reach` pixels of its centre, or −1 (the last drawn wins a tie: it is on top). */
const hitPattern = (map, x, y, reach) => {
  let best = -1;
  let bestD = reach * reach;
  for (let mu = 0; 2 * mu < map.points.length; mu++) {
    const d = (map.points[2 * mu] - x) ** 2 + (map.points[2 * mu + 1] - y) ** 2;
    if (d <= bestD) {
      best = mu;
      bestD = d;
    }
  }
  return best;
};

/** Pixel (px, py) of the last drawing → plot coordinates (x₁, x₂); with one input the second is ŷ's axis (the core ignores it). */
const toPlot = ({ box, x, y }, px, py) => [x[0] + ((px - box.x) / box.w) * (x[1] - x[0]), y[1] - ((py - box.y) / box.h) * (y[1] - y[0])];

/** Whether pixel (px, py) is inside the plot's frame. */
const inFrame = ({ box }, px, py) => px >= box.x && px <= box.x + box.w && py >= box.y && py <= box.y + box.h;

/** The target a new point gets, from the "New point target" control: K numbers. */
const newTargets = (ui) => {
  const boxes = ui.newTarget.querySelectorAll("input[type=checkbox]");
  if (boxes.length) return Float64Array.from(boxes, (b) => (b.checked ? 1 : 0));
  return Float64Array.of(Number(ui.newTarget.querySelector("select").value));
};

/** "t = 1", or "t = (1, 0, 1)" for several outputs. */
const targetText = (ui) => {
  const t = [...newTargets(ui)];
  return t.length === 1 ? `t = ${t[0]}` : `t = (${t.join(", ")})`;
};

/** The hint under the edit tools: what a click (or a tap) does, with the target it adds. */
const hint = (ui, N) => {
  if (N > 2) return `Drawing on the plot needs 1 or 2 inputs; this data has ${N}. Edit the patterns in the table.`;
  const press = matchMedia("(pointer: coarse)").matches ? "Tap" : "Click";
  return `${press} to add a point with ${targetText(ui)}; drag a point to move it; ${press.toLowerCase()} a point to remove it.`;
};

/** The "New point target" control for K outputs: t = 0 / t = 1, or one checkbox per output. */
const targetPicker = (K) => {
  if (K === 1) {
    const select = el("select", { id: "new-target-select" }, el("option", { value: "0" }, "t = 0"), el("option", { value: "1" }, "t = 1"));
    select.value = "1";
    return [el("label", { for: "new-target-select" }, "New point target"), select];
  }
  return [
    el("span", { class: "label", id: "new-target-label" }, "New point target"),
    ...Array.from({ length: K }, (_, i) => el("label", { class: "check" }, el("input", { type: "checkbox", ...(i === 0 ? { checked: "" } : {}) }), `t${i + 1}`)),
  ];
};

/** The edit tools for N inputs and K outputs (the target picker rebuilt only when K changes), and the hint. */
export const showEditTools = (ui, state, N, K) => {
  if (ui.newTarget.dataset.k !== String(K)) {
    ui.newTarget.dataset.k = String(K);
    ui.newTarget.replaceChildren(...targetPicker(K));
    if (K > 1) ui.newTarget.setAttribute("aria-labelledby", "new-target-label");
    else ui.newTarget.removeAttribute("aria-labelledby");
  }
  ui.newTarget.hidden = N > 2;
  ui.editHint.textContent = hint(ui, N);
};

/** Wires the Edit data toggle and the pointer on the plot; `data` runs the edits, `notice` says what was refused. */
export const setupPlotEditing = (state, ui, data, notice) => {
  const canvas = ui.boundary;
  const setEditing = (on) => {
    state.editing = on;
    state.drag = null;
    ui.editData.setAttribute("aria-pressed", String(on));
    ui.editTools.hidden = !on;
    canvas.classList.toggle("editing", on);
    if (on) canvas.tabIndex = 0; // Delete on the focused plot removes the ringed pattern
    else canvas.removeAttribute("tabindex");
    state.dirty = true;
  };
  ui.editData.addEventListener("click", () => setEditing(!state.editing));
  ui.newTarget.addEventListener("change", () => {
    ui.editHint.textContent = hint(ui, state.lab.neurons(0));
  });
  const said = ({ error }) => error && notice(error);
  const at = (e) => {
    const r = canvas.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  };
  canvas.addEventListener("pointerdown", (e) => {
    const map = state.plotMap;
    if (!map || e.button !== 0) return;
    const [px, py] = at(e);
    const mu = hitPattern(map, px, py, map.r + (e.pointerType === "mouse" ? 4 : 12));
    if (!state.editing) {
      // Outside edit mode a click on a pattern chooses μ, as a row of the table does.
      if (mu >= 0) state.mu = mu;
      state.dirty = true;
      return;
    }
    e.preventDefault(); // (which keeps the focus where it was: the plot takes it, for Delete)
    canvas.focus({ preventScroll: true });
    canvas.setPointerCapture(e.pointerId);
    state.drag = { id: e.pointerId, mu, x0: px, y0: py, moved: false, join: false };
    if (mu >= 0) state.mu = mu;
    state.dirty = true;
  });
  canvas.addEventListener("pointermove", (e) => {
    const drag = state.drag;
    const map = state.plotMap;
    if (!map) return;
    const [px, py] = at(e);
    if (!drag || drag.id !== e.pointerId) {
      canvas.classList.toggle("over-point", state.editing && hitPattern(map, px, py, map.r + 4) >= 0);
      return;
    }
    if (!drag.moved && Math.hypot(px - drag.x0, py - drag.y0) < slack(e)) return;
    drag.moved = true;
    if (drag.mu < 0) return; // a drag from empty space adds nothing
    const [x1, x2] = toPlot(map, px, py);
    const result = data.edit((lab) => lab.movePattern(drag.mu, x1, x2, drag.join), true);
    drag.join = true; // the rest of this drag is the same undo step
    if (result.error) {
      state.drag = null;
      said(result);
    }
  });
  const end = (e, cancelled) => {
    const drag = state.drag;
    if (!drag || drag.id !== e.pointerId) return;
    state.drag = null;
    if (drag.moved) {
      if (drag.join) data.settle();
      return;
    }
    if (cancelled) return;
    const map = state.plotMap;
    if (drag.mu >= 0) return said(data.edit((lab) => lab.removePattern(drag.mu)));
    if (!map || !inFrame(map, drag.x0, drag.y0)) return;
    const [x1, x2] = toPlot(map, drag.x0, drag.y0);
    const result = data.edit((lab) => lab.addPatternAt(x1, x2, newTargets(ui)));
    if (result.error) return said(result);
    state.mu = result.value; // the new pattern is the one shown, ringed and in the table
  };
  canvas.addEventListener("pointerup", (e) => end(e, false));
  canvas.addEventListener("pointercancel", (e) => end(e, true));
  canvas.addEventListener("keydown", (e) => {
    if (!state.editing || (e.key !== "Delete" && e.key !== "Backspace")) return;
    e.preventDefault();
    said(data.edit((lab) => lab.removePattern(state.mu)));
  });
  return { setEditing };
};
