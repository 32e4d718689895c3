// The legends under the pictures: every colour and mark the diagram and the boundary use.

/** The network legend: every colour the diagram uses. */
export const networkLegend = (root, quantity) => {
  root.replaceChildren();
  const item = (cls, text) => {
    const span = document.createElement("span");
    const sw = document.createElement("span");
    sw.className = cls;
    span.append(sw, text);
    root.append(span);
  };
  item("swatch sw-pos", "w > 0");
  item("swatch sw-neg", "w < 0 (width ∝ |w|, dashed: bias b)");
  item("ring", "δ (ring width ∝ |δ|)");
  const edges = document.createElement("span");
  edges.textContent = "numbers on edges: ∂E/∂w so far (backward), Δw (update)";
  root.append(edges);
  const hi = document.createElement("span");
  hi.className = "hi";
  hi.textContent = "just computed";
  root.append(hi);
  const map = document.createElement("span");
  const bar = document.createElement("span");
  bar.className = "bar bar-y";
  if (quantity === "a") map.append("maps of a over the input plane: −4", bar, "+4 (dot: pattern μ)");
  else map.append("maps of x over the input plane: 0", bar, "1 (tanh: −1 … 1; dot: pattern μ)");
  root.append(map);
};

/** The boundary legend. */
export const boundaryLegend = (root) => {
  root.replaceChildren();
  const scale = document.createElement("span");
  const bar = document.createElement("span");
  bar.className = "bar bar-y";
  scale.append("ŷ = 0", bar, "1");
  const line = document.createElement("span");
  line.textContent = "— ŷ = 0.5";
  const pts = document.createElement("span");
  pts.textContent = "■ t = 0   ● t = 1   ◎ pattern μ";
  root.append(scale, line, pts);
};
