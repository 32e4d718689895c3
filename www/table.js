// The per-pattern table: μ, the inputs x_j, the targets t_i, the outputs ŷ_i, Ẽ(μ), and E. With
// many inputs or outputs the middle columns fold into "…" (the diagram and the formulas show them).

import { fmt, fmtShort, shown, el } from "./util.js";
import { sub } from "./network-layout.js";

/** Most rows shown; the CSV export has them all. */
const ROWS = 12;

/** Which of `count` columns to show, at most `max`: all, or the first ones, a "…" (null) and the last. */
const pick = (count, max) =>
  count <= max ? Array.from({ length: count }, (_, k) => k) : [...Array.from({ length: max - 1 }, (_, k) => k), null, count - 1];

/** The table's columns for N inputs and K outputs: { head, title, cell(s, mu) → text, just }. */
const columns = (N, K) => {
  const group = (count, max, name, value, just = false) =>
    pick(count, max).map((k) => (k === null
      ? { head: "…", title: `${name}${sub(max)} … ${name}${sub(count - 1)} not shown: hover a neuron of the diagram to see them`, cell: () => "…", more: true }
      : { head: count > 1 || name === "x" ? [name, k + 1] : [name], cell: (s, mu) => value(s, mu, k), just }));
  return [
    { head: ["μ"], cell: (s, mu) => `${mu + 1}` },
    ...group(N, K > 1 ? 2 : 3, "x", (s, mu, j) => fmtShort(s.inputs[mu * N + j])),
    ...group(K, 2, "t", (s, mu, i) => fmtShort(s.targets[mu * K + i])),
    ...group(K, 2, "ŷ", (s, mu, i) => shown(s.outputs[mu][i], s.yKnown[mu] === 1), true),
    { head: ["Ẽ(μ)"], cell: (s, mu) => shown(s.errors[mu], s.eKnown[mu] === 1), just: true },
  ];
};

/** A header cell: a symbol with its index as a subscript, or "…" (the columns left out) explained in its title. */
const headCell = (c) => {
  if (c.more) return el("th", { scope: "col", class: "more", title: c.title }, "…");
  const [name, k] = c.head;
  return el("th", { scope: "col" }, name, ...(k ? [el("sub", {}, String(k))] : []));
};

/** Rebuilds the header and the rows when the shape or the data set changes. */
const rebuild = (table, s, cols, key, shownRows) => {
  const body = table.tBodies[0];
  body.dataset.key = key;
  table.tHead.rows[0].replaceChildren(...cols.map(headCell));
  table.querySelector("tfoot th").colSpan = cols.length - 1;
  body.replaceChildren();
  for (let mu = 0; mu < shownRows; mu++) {
    const row = body.insertRow();
    row.dataset.mu = mu;
    row.tabIndex = 0;
    for (const c of cols) row.insertCell().className = c.more ? "more" : "";
  }
};

/** Fills in the numbers of the shown patterns, rebuilding the table first when its shape changed. */
export const drawTable = (table, state, s) => {
  const body = table.tBodies[0];
  const N = s.sizes[0];
  const cols = columns(N, s.K);
  const shownRows = Math.min(s.P, ROWS);
  const key = `${state.labId}/${N}/${s.K}/${s.P}`;
  if (body.dataset.key !== key) rebuild(table, s, cols, key, shownRows);
  const errorNow = s.phase.kind === "error";
  for (let mu = 0; mu < shownRows; mu++) {
    const row = body.rows[mu];
    const just = errorNow && s.phase.mu === mu;
    cols.forEach((c, k) => {
      const text = c.cell(s, mu);
      if (row.cells[k].textContent !== text) row.cells[k].textContent = text;
      row.cells[k].classList.toggle("just", just && !!c.just);
    });
    row.classList.toggle("current", mu === s.mu);
    row.setAttribute("aria-selected", String(mu === s.mu));
  }
  table.caption.textContent = s.P > shownRows
    ? `Patterns (first ${shownRows} of ${s.P}; click a row to choose μ)`
    : "Patterns (click a row to choose μ)";
  const e = s.stepping ? s.errors.reduce((a, b) => a + b, 0) : s.E;
  const eKnown = !s.stepping || s.eKnown.every((k) => k === 1);
  table.querySelector("#table-e").textContent = shown(e, eKnown, 4);
};
