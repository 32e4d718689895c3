// Data in and out as CSV: "Import data…" (a file picker), a file dropped on the page (a model file
// opens as a model, anything else is read as data), cells pasted into the pattern table, and
// "Export data (CSV)". The core parses and writes the CSV; here files are only sized and read.

import { download } from "./util.js";

/** Whether a file is a model file (JSON) rather than data: by its name, else by its first character. */
export const isModelFile = async (file) => {
  if (/\.json$/i.test(file.name) || file.type === "application/json") return true;
  if (/\.(csv|tsv|txt)$/i.test(file.name)) return false;
  return (await file.slice(0, 256).text()).trimStart().startsWith("{");
};

/** Reads a data file into the Lab, if it is within the core's size limit (else says so, nothing changes). */
export const importDataFile = async (state, data, notice, file) => {
  // The core's limit and its words, asked before the file is read.
  const refusal = state.wasm.Lab.csvTooLarge(file.size);
  if (refusal) return notice(`Nothing was imported from ${file.name}; the data is unchanged: ${refusal}.`);
  data.importCsv(await file.text(), file.name);
};

/** Whether pasted text is more than one cell's worth (several lines, of any system, or columns): a block, not a value. */
const isTable = (text) => /[\n\r\t]/.test(text.trim());

/** Wires Import data…, Export data (CSV) and pasting into the pattern table. */
export const setupDataFiles = (state, ui, data, notice) => {
  ui.importData.addEventListener("click", () => ui.dataFile.click());
  ui.dataFile.addEventListener("change", () => {
    const file = ui.dataFile.files[0];
    ui.dataFile.value = "";
    if (file) importDataFile(state, data, notice, file);
  });
  ui.exportData.addEventListener("click", () => download("backprop-lab-data.csv", new Blob([state.lab.dataCsv()], { type: "text/csv" })));
  // A paste on the table: into a cell, one value is typed there and a block of cells fills the
  // cells from that one on, as in a spreadsheet; anywhere else in the table it replaces the data.
  ui.tableWrap.addEventListener("paste", (e) => {
    const text = e.clipboardData?.getData("text/plain") ?? "";
    const cell = e.target instanceof HTMLInputElement && e.target.matches("input.cell") ? e.target : null;
    if (!text.trim() || (cell && !isTable(text))) return;
    e.preventDefault();
    if (!cell) return data.importCsv(text, "the pasted cells");
    const mu = Number(cell.closest("tr")?.dataset.mu);
    const { value, error } = data.edit((lab) => lab.pasteCells(mu, Number(cell.dataset.col), text));
    notice(error
      ? `The pasted cells were not used, nothing changed: ${error}`
      : `Pasted ${value} cells from ${cell.getAttribute("aria-label")} on (Undo, above the plot, brings the old values back).`);
  });
};
