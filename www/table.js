// The per-pattern table: μ, input, target t, output ŷ, Ẽ(μ), and E.

import { fmt, fmtShort } from "./util.js";

/** Rebuilds the rows when the data set changes, then fills in the numbers. */
export const drawTable = (table, state, s) => {
  const body = table.tBodies[0];
  const shown = Math.min(s.P, 12);
  if (body.rows.length !== shown || body.dataset.key !== `${state.lab.datasetName}/${s.P}`) {
    body.replaceChildren();
    body.dataset.key = `${state.lab.datasetName}/${s.P}`;
    for (let mu = 0; mu < shown; mu++) {
      const row = body.insertRow();
      row.dataset.mu = mu;
      row.tabIndex = 0;
      for (let c = 0; c < 6; c++) row.insertCell();
    }
  }
  const errorNow = s.phase.kind === "error";
  for (let mu = 0; mu < shown; mu++) {
    const row = body.rows[mu];
    const y = s.outputs[mu][0];
    const cells = [
      `${mu + 1}`,
      fmtShort(s.inputs[mu * s.sizes[0]]),
      fmtShort(s.inputs[mu * s.sizes[0] + 1] ?? NaN),
      fmtShort(s.targets[mu * s.K]),
      fmt(y),
      fmt(s.errors[mu]),
    ];
    cells.forEach((text, c) => {
      if (row.cells[c].textContent !== text) row.cells[c].textContent = text;
    });
    row.classList.toggle("current", mu === s.mu);
    row.setAttribute("aria-selected", String(mu === s.mu));
    const just = errorNow && s.phase.mu === mu;
    row.cells[4].classList.toggle("just", just);
    row.cells[5].classList.toggle("just", just);
  }
  table.caption.textContent = s.P > shown
    ? `Patterns (first ${shown} of ${s.P}; click a row to choose μ)`
    : "Patterns (click a row to choose μ)";
  const e = s.stepping ? s.errors.reduce((a, b) => a + b, 0) : s.E;
  table.querySelector("#table-e").textContent = fmt(e, 4);
};
