// The legends under the pictures: every colour and mark the diagram and the boundary use.

import { el } from "./util.js";

/**
 * The network legend: every colour the diagram uses; `maps` whether neurons show maps of `quantity` over the input plane (2
 * inputs) or a flat colour of a; `deriving` whether the diagram lights a derived weight's paths and labels their factors.
 */
export const networkLegend = (root, quantity, maps, deriving) => {
  const key = `${quantity}/${maps}/${deriving}`;
  if (root.dataset.key === key) return;
  root.dataset.key = key;
  const bar = () => el("span", { class: "bar bar-y" });
  const fill = !maps
    ? ["neurons coloured by a: −4", bar(), "+4"]
    : quantity === "a"
      ? ["maps of a over the input plane: −4", bar(), "+4 (dot: pattern μ)"]
      : ["maps of x over the input plane: 0", bar(), "1 (tanh: −1 … 1; dot: pattern μ)"];
  root.replaceChildren(
    el("span", {}, el("span", { class: "swatch sw-pos" }), "w > 0"),
    el("span", {}, el("span", { class: "swatch sw-neg" }), "w < 0 (width ∝ |w|, dashed: bias b)"),
    el("span", {}, el("span", { class: "ring" }), "δ (ring width ∝ |δ|)"),
    el("span", {}, deriving
      ? "lit: every path from the derived weight to E, labelled with its factors (w, g′, ŷ − t, x)"
      : "numbers on edges: ∂E/∂w so far (backward), Δw (update)"),
    el("span", { class: "hi" }, "just computed"),
    el("span", {}, "· not computed yet"),
    el("span", {}, ...fill),
  );
};

/** The boundary panel's legend for N inputs: the colour scale and contour (2), the marks (1 and 2), nothing beyond. */
export const boundaryLegend = (root, N) => {
  const marks = el("span", {}, "■ t = 0   ● t = 1   ◎ pattern μ");
  if (N === 2) root.replaceChildren(el("span", {}, "ŷ = 0", el("span", { class: "bar bar-y" }), "1"), el("span", {}, "— ŷ = 0.5"), marks);
  else if (N === 1) root.replaceChildren(marks, el("span", { class: "curve" }, "— ŷ over x₁"), el("span", {}, "• ŷ of the pattern"), el("span", { class: "miss" }, "| t − ŷ"), el("span", {}, "- - ŷ = 0.5"));
  else root.replaceChildren();
};
