// Your own data, the page's side of every data edit: the edit goes to the Lab (which owns the data,
// its undo history, the view and the rules), then the page follows — patterns, E, the views, the
// address — and the bar above the plot (Undo/Redo edit, "this data is now OR", the core's notes on
// the data) shows what the Lab has.

import { dataChanged } from "./state.js";
import { showDataset } from "./settings.js";
import { showEditTools } from "./data-edit.js";
import { sentence } from "./util.js";

/** Builds the data operations; `actions` are the page's (notice, settingsChanged). */
export const createData = (state, ui, actions) => {
  /**
   * The page follows a change of the data. `dragging`: a move of the pattern being dragged (the
   * address follows when the drag ends). Any other change ends a drag: the pattern it held may be
   * gone, or another one now.
   */
  const changed = (dragging = false) => {
    dataChanged(state);
    if (dragging) return;
    state.drag = null;
    actions.settingsChanged(); // the address carries the data (or drops out when too big)
  };
  /**
   * Runs one edit, `change(lab)` (`dragging`: a move of the dragged pattern). Returns { value }
   * (what the Lab returned) and the page follows; or { error } with the core's reason, and nothing changed.
   */
  const edit = (change, dragging = false) => {
    let value;
    try {
      value = change(state.lab);
    } catch (e) {
      return { error: e.message };
    }
    changed(dragging);
    return { value };
  };
  const data = {
    edit,
    /** The address follows a finished drag (its moves left it as it was). */
    settle: () => actions.settingsChanged(),
    // Undo and redo may bring back data of another N or K, or the whole network (η, mode, seed,
    // architecture, weights) that picking a built-in data set replaced: every control reads the Lab again.
    undo: () => {
      if (!state.lab.undoData()) return;
      changed();
      actions.syncControls();
    },
    redo: () => {
      if (!state.lab.redoData()) return;
      changed();
      actions.syncControls();
    },
    /**
     * Replaces the data with CSV `text` (a file, a drop or a paste: `from` names it in the
     * messages); the core says what it noted, or refuses with the line and column and nothing changes.
     */
    importCsv: (text, from) => {
      const { value, error } = edit((lab) => lab.importCsv(text));
      if (error) return actions.notice(`Nothing was imported from ${from}; the data is unchanged: ${error}`);
      actions.syncControls(); // data of another shape comes with a new network
      const notes = JSON.parse(value).notes;
      const P = state.lab.patternCount;
      actions.notice(
        `Imported ${P} pattern${P === 1 ? "" : "s"} from ${from} in place of the data (Undo, above the plot, brings the old data back).` +
          (notes.length ? ` Notes: ${notes.map(sentence).join(" ")}` : ""),
      );
    },
    /** Resets the plot's view to the data's own extent. */
    fitView: () => {
      state.lab.fitView();
      state.dirty = true;
    },
  };
  ui.undoData.addEventListener("click", () => data.undo());
  ui.redoData.addEventListener("click", () => data.redo());
  ui.fitView.addEventListener("click", () => data.fitView());
  return data;
};

/** The line naming the built-in data set that edited data now equals (the core says which), or null. */
const matchLine = (lab, info) => {
  if (!info.matches) return null;
  const hint = info.separable !== true ? "" : lab.depth === 1
    ? " — linearly separable, so this network without a hidden layer can learn it"
    : " — linearly separable: try a network with no hidden layer";
  return `This data is now ${info.matches}${hint}.`;
};

/** Puts the data bar in line with the Lab when the data (or the Lab) changed since the last frame. */
export const syncData = (ui, state) => {
  const key = `${state.labId}/${state.dataVersion}`;
  if (ui.dataBar.dataset.key === key) return;
  ui.dataBar.dataset.key = key;
  const lab = state.lab;
  const edits = JSON.parse(lab.dataEdits());
  ui.undoData.disabled = !edits.undo;
  ui.redoData.disabled = !edits.redo;
  const info = JSON.parse(lab.dataInfo());
  const line = matchLine(lab, info);
  ui.dataMatch.hidden = !line;
  if (ui.dataMatch.textContent !== (line ?? "")) ui.dataMatch.textContent = line ?? "";
  const notes = info.notes.map(sentence).join(" ");
  ui.dataNotes.hidden = !notes;
  if (ui.dataNotes.textContent !== notes) ui.dataNotes.textContent = notes;
  showDataset(ui, lab.datasetName);
  showEditTools(ui, state, info.inputs, info.outputs);
};
