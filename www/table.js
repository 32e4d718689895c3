// The per-pattern table: μ, the inputs x_j and targets t_i (editable cells, a flip button per
// target, a remove button per row), the outputs ŷ_i, Ẽ(μ), and E. It shows the page of at most 12
// patterns that holds μ; with many inputs or outputs the middle columns fold into "…" (the diagram
// and the formulas show them). Rows are reused, so a cell being typed in keeps its text and focus.

import { shown, el } from "./util.js";
import { sub } from "./network-layout.js";

/** Most rows shown at once; the pager and the CSV exports reach the rest. */
export const ROWS = 12;

/** Which of `count` columns to show, at most `max`: all, or the first ones, a "…" (null) and the last. */
const pick = (count, max) =>
  count <= max ? Array.from({ length: count }, (_, k) => k) : [...Array.from({ length: max - 1 }, (_, k) => k), null, count - 1];

/** A number as an editable cell shows it: plain ASCII, 3 significant digits (all of them while the cell has the focus). */
const editText = (v, exact = false) => String(exact ? v : Number(v.toPrecision(3)));

/** The table's columns for N inputs and K outputs: { kind, head, k, text(s, mu) } — kinds x and t are editable, their text() a number. */
const columns = (N, K) => {
  const group = (count, max, name, kind, text) =>
    pick(count, max).map((k) => (k === null
      ? { kind: "more", title: `${name}${sub(max)} … ${name}${sub(count - 1)} not shown: hover a neuron of the diagram to see them` }
      : { kind, k, head: count > 1 || name === "x" ? [name, k + 1] : [name], text: (s, mu) => text(s, mu, k) }));
  return [
    { kind: "mu", head: ["μ"], text: (s, mu) => `${mu + 1}` },
    ...group(N, K > 1 ? 2 : 3, "x", "x", (s, mu, j) => s.inputs[mu * N + j]),
    ...group(K, 2, "t", "t", (s, mu, i) => s.targets[mu * K + i]),
    ...group(K, 2, "ŷ", "y", (s, mu, i) => shown(s.outputs[mu][i], s.yKnown[mu] === 1)),
    { kind: "e", head: ["Ẽ(μ)"], text: (s, mu) => shown(s.errors[mu], s.eKnown[mu] === 1) },
    { kind: "remove" },
  ];
};

/** A header cell: a symbol with its index as a subscript, "…" (the columns left out) explained in its title, or the remove column's name. */
const headCell = (c) => {
  if (c.kind === "more") return el("th", { scope: "col", class: "more", title: c.title }, "…");
  if (c.kind === "remove") return el("th", { scope: "col" }, el("span", { class: "visually-hidden" }, "Remove"));
  const [name, k] = c.head;
  return el("th", { scope: "col" }, name, ...(k ? [el("sub", {}, String(k))] : []));
};

/** A cell of a new row: text, an editable number (with a flip button for a target), or a remove button. */
const bodyCell = (c, N) => {
  const td = el("td", { class: c.kind === "more" ? "more" : c.kind });
  if (c.kind === "x" || c.kind === "t") {
    const column = c.kind === "x" ? c.k : N + c.k;
    td.append(el("input", { type: "text", inputmode: "decimal", autocomplete: "off", spellcheck: "false", class: "cell", "data-col": String(column) }));
    if (c.kind === "t") td.append(el("button", { class: "flip", "data-i": String(c.k), title: "Flip the target: 0 ↔ 1" }, "⇄"));
  } else if (c.kind === "remove") {
    td.append(el("button", { class: "remove", title: "Remove this pattern (Delete on the row)" }, "×"));
  }
  return td;
};

/** The accessible names of row `row`'s controls, for pattern μ (0-based). */
const nameRow = (row, cols, mu, K) => {
  const p = `pattern ${mu + 1}`;
  cols.forEach((c, k) => {
    const cell = row.cells[k];
    if (c.kind === "x") cell.firstChild.setAttribute("aria-label", `x${c.k + 1} of ${p}`);
    if (c.kind === "t") {
      const t = K > 1 ? `t${c.k + 1}` : "t";
      cell.firstChild.setAttribute("aria-label", `${t} of ${p}`);
      cell.lastChild.setAttribute("aria-label", `flip ${t} of ${p}`);
    }
    if (c.kind === "remove") cell.firstChild.setAttribute("aria-label", `remove ${p}`);
  });
};

/** Rebuilds the header (and empties the body) when the columns change. */
const rebuildHead = (table, cols, key) => {
  const body = table.tBodies[0];
  body.dataset.key = key;
  table.tHead.rows[0].replaceChildren(...cols.map(headCell));
  table.querySelector("tfoot th").colSpan = cols.length - 2;
  body.replaceChildren();
};

/** Keeps `count` rows: new ones at the end, or the last ones dropped (focus moves to the row above, same cell). */
const fitRows = (body, cols, N, count) => {
  while (body.rows.length < count) {
    const row = body.insertRow();
    row.tabIndex = 0;
    for (const c of cols) row.append(bodyCell(c, N));
  }
  while (body.rows.length > count) {
    const row = body.rows[body.rows.length - 1];
    const focused = row.contains(document.activeElement) ? document.activeElement : null;
    row.remove();
    const above = body.rows[body.rows.length - 1];
    if (!focused || !above) continue;
    const cell = focused.closest("td");
    const same = cell ? above.cells[cell.cellIndex]?.querySelector(focused.tagName) : above;
    (same ?? above).focus();
  }
};

/**
 * Shows number `v` in an editable cell: short, or with every digit while it has the focus — and
 * never over what the user is typing (focused and changed), unless the row now shows another pattern (`force`).
 */
const showValue = (input, v, force) => {
  const focused = document.activeElement === input;
  if (focused && !force && input.value !== input.dataset.shown) return;
  const text = editText(v, focused);
  if (input.dataset.shown === text && !force) return;
  // What was selected stays selected in the new text (all of it, after Tab or a triple-click), so
  // what is typed next replaces it; a caret keeps its place, at the end if it was there.
  const { selectionStart: from, selectionEnd: to, value: old } = input;
  input.value = text;
  input.dataset.shown = text;
  input.size = Math.max(2, text.length); // as wide as its number: the table stays narrow
  if (!focused || from === null || to === null) return;
  if (from === 0 && to === old.length && old.length > 0) input.select();
  else if (from === to) input.setSelectionRange(...Array(2).fill(to === old.length ? text.length : Math.min(to, text.length)));
};

/** Fills in the shown page of patterns, rebuilding the header first when the columns changed. */
export const drawTable = (ui, state, s) => {
  const table = ui.table;
  const body = table.tBodies[0];
  const N = s.sizes[0];
  const cols = columns(N, s.K);
  const key = `${state.labId}/${N}/${s.K}`;
  if (body.dataset.key !== key) rebuildHead(table, cols, key);
  const start = Math.floor(s.mu / ROWS) * ROWS;
  const count = Math.min(ROWS, s.P - start);
  fitRows(body, cols, N, count);
  const errorNow = s.phase.kind === "error";
  for (let r = 0; r < count; r++) {
    const row = body.rows[r];
    const mu = start + r;
    const moved = row.dataset.mu !== String(mu);
    if (moved) {
      row.dataset.mu = String(mu);
      nameRow(row, cols, mu, s.K);
    }
    const just = errorNow && s.phase.mu === mu;
    cols.forEach((c, k) => {
      if (c.kind === "more" || c.kind === "remove") return;
      const cell = row.cells[k];
      const text = c.text(s, mu);
      if (c.kind === "x" || c.kind === "t") showValue(cell.firstChild, text, moved);
      else if (cell.textContent !== text) cell.textContent = text;
      cell.classList.toggle("just", just && (c.kind === "y" || c.kind === "e"));
    });
    row.classList.toggle("current", mu === s.mu);
    row.setAttribute("aria-selected", String(mu === s.mu));
  }
  const wanted = state.focusRow; // a row just added: its first cell takes the focus
  if (wanted != null && body.querySelector(`tr[data-mu="${wanted}"]`)) {
    state.focusRow = null;
    body.querySelector(`tr[data-mu="${wanted}"] input`)?.focus();
  }
  table.caption.textContent = s.P > ROWS
    ? `Patterns ${start + 1}–${start + count} of ${s.P} (click a row to choose μ; type in a cell to change it)`
    : "Patterns (click a row to choose μ; type in a cell to change it)";
  ui.rowsPrev.hidden = ui.rowsNext.hidden = s.P <= ROWS;
  const [prev, next] = [`◀ Previous ${ROWS}`, `Next ${ROWS} ▶`]; // the page size lives here only
  if (ui.rowsPrev.textContent !== prev) ui.rowsPrev.textContent = prev;
  if (ui.rowsNext.textContent !== next) ui.rowsNext.textContent = next;
  ui.rowsPrev.disabled = start === 0;
  ui.rowsNext.disabled = start + ROWS >= s.P;
  const e = s.stepping ? s.errors.reduce((a, b) => a + b, 0) : s.E;
  const eKnown = !s.stepping || s.eKnown.every((k) => k === 1);
  table.querySelector("#table-e").textContent = shown(e, eKnown, 4);
};

/** The value of editable column `column` (x_1 … x_N, then t_1 … t_K) of pattern μ, every digit (for the focused cell). */
export const cellText = (state, mu, column) => {
  const N = state.lab.neurons(0);
  const K = state.lab.neurons(state.lab.depth);
  return editText(column < N ? state.patterns.inputs[mu * N + column] : state.patterns.targets[mu * K + column - N], true);
};
