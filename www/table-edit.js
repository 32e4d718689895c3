// Editing the data from the pattern table, all by keyboard too: a cell's number applies on change
// or Enter (the core reads it; a refused one is put back and the reason shown under the table),
// flip and remove buttons per row, Delete/Backspace on a focused row, "Add pattern", and the pager.

import { ROWS, cellText } from "./table.js";
import { sentence } from "./util.js";

/** Wires the table's editing; `data` runs the edits. */
export const setupTableEditing = (state, ui, data) => {
  const body = ui.table.tBodies[0];
  const say = (text) => {
    ui.tableMessage.textContent = text ?? "";
  };
  const muOf = (node) => Number(node.closest("tr").dataset.mu);
  /** Applies a typed cell; a refused value is put back, with the reason. */
  const commit = (input) => {
    if (input.value === input.dataset.shown) return;
    const mu = muOf(input);
    const column = Number(input.dataset.col);
    const { error } = data.edit((lab) => lab.setPatternValue(mu, column, input.value));
    if (error) {
      // The core's reason names the cell, in the lecture's lower case (x₁, not X₁).
      say(`${error.replace(/\.?$/, ".")} It stays ${input.dataset.shown}.`);
      input.value = input.dataset.shown;
      return;
    }
    say(null);
    // The cell shows the number the Lab now holds (a second Enter must not make a second edit).
    input.value = input.dataset.shown = cellText(state, mu, column);
    input.size = Math.max(2, input.value.length);
  };
  const remove = (mu) => {
    const { error } = data.edit((lab) => lab.removePattern(mu));
    say(error ? sentence(error) : null);
  };
  // A focused cell shows its number with every digit, a cell left short again: the next drawing does it.
  body.addEventListener("focusin", (e) => {
    if (e.target.matches("input.cell")) state.dirty = true;
  });
  body.addEventListener("focusout", (e) => {
    if (e.target.matches("input.cell")) state.dirty = true;
  });
  body.addEventListener("change", (e) => {
    if (e.target.matches("input.cell")) commit(e.target);
  });
  body.addEventListener("keydown", (e) => {
    if (e.target.matches("input.cell") && e.key === "Enter") {
      e.preventDefault();
      commit(e.target);
    } else if (e.target.tagName === "TR" && (e.key === "Delete" || e.key === "Backspace")) {
      e.preventDefault();
      remove(muOf(e.target));
    }
  });
  body.addEventListener("click", (e) => {
    const button = e.target.closest("button");
    if (!button) return;
    const mu = muOf(button);
    if (button.classList.contains("remove")) return remove(mu);
    if (!button.classList.contains("flip")) return;
    const { error } = data.edit((lab) => lab.flipTarget(mu, Number(button.dataset.i)));
    say(error ? sentence(error) : null);
  });
  ui.addPattern.addEventListener("click", () => {
    // A new pattern in the middle of the view (N ≤ 2; the core rounds it as a drawn point) or at
    // the origin, with targets 0: type over them.
    const lab = state.lab;
    const N = lab.neurons(0);
    const targets = new Float64Array(lab.neurons(lab.depth));
    const [x1lo, x1hi, x2lo, x2hi] = lab.domain();
    const { value, error } = data.edit((l) => (N <= 2
      ? l.addPatternAt((x1lo + x1hi) / 2, (x2lo + x2hi) / 2, targets)
      : l.addPattern(new Float64Array(N), targets)));
    if (error) return say(sentence(error));
    say(null);
    state.mu = value;
    state.focusRow = value; // the next drawing focuses its first cell
  });
  const page = (by) => {
    state.mu = Math.max(0, Math.min(state.lab.patternCount - 1, (Math.floor(state.mu / ROWS) + by) * ROWS));
    state.dirty = true;
  };
  ui.rowsPrev.addEventListener("click", () => page(-1));
  ui.rowsNext.addEventListener("click", () => page(1));
};
