// The decision boundary: ŷ over the input plane as a colour map, its 0.5 contour, and the patterns
// drawn by target, with the pattern being stepped ringed.

import { fitCanvas, fmtShort, paint } from "./util.js";

/** Marching squares on the 0.5 level of an nx × ny grid, as line segments in grid coordinates. */
const contour = (v, nx, ny, level = 0.5) => {
  const segs = [];
  const cross = (a, b) => (level - a) / (b - a);
  for (let r = 0; r + 1 < ny; r++) {
    for (let c = 0; c + 1 < nx; c++) {
      const tl = v[r * nx + c];
      const tr = v[r * nx + c + 1];
      const bl = v[(r + 1) * nx + c];
      const br = v[(r + 1) * nx + c + 1];
      const pts = [];
      if ((tl < level) !== (tr < level)) pts.push([c + cross(tl, tr), r]);
      if ((tr < level) !== (br < level)) pts.push([c + 1, r + cross(tr, br)]);
      if ((bl < level) !== (br < level)) pts.push([c + cross(bl, br), r + 1]);
      if ((tl < level) !== (bl < level)) pts.push([c, r + cross(tl, bl)]);
      if (pts.length >= 2) segs.push([pts[0], pts[1]]);
      if (pts.length === 4) segs.push([pts[2], pts[3]]);
    }
  }
  return segs;
};

/** Draws the boundary of the network's first output over the data set's domain. */
export const drawBoundary = (canvas, state, s, pal) => {
  const { w, h, dpr } = fitCanvas(canvas);
  const ctx = canvas.getContext("2d");
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  const font = Math.round(pal.font * 0.8);
  if (s.sizes[0] !== 2) {
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = pal.muted;
    ctx.font = `${font}px system-ui, sans-serif`;
    ctx.fillText("The input plane needs exactly 2 inputs.", 10, 20);
    return;
  }
  const pad = { l: font * 4, r: 8, t: 6, b: font * 2.6 };
  const pw = (w - pad.l - pad.r) * dpr;
  const ph = (h - pad.t - pad.b) * dpr;
  // At least one evaluation per 2 × 2 device pixels.
  const nx = Math.max(2, Math.min(1024, Math.ceil(pw / 2)));
  const ny = Math.max(2, Math.min(1024, Math.ceil(ph / 2)));
  const view = state.lab.grid(nx, ny, "x", true);
  const values = Float32Array.from(view.subarray(0, nx * ny)); // copy before the next Lab call
  const outIsSigmoid = s.activations[s.L] === "sigmoid";
  // Reuse the image and its canvas while the size stays; colour through a 256-entry table.
  let cache = state.boundaryImage;
  if (!cache || cache.img.width !== nx || cache.img.height !== ny) {
    cache = state.boundaryImage = { img: new ImageData(nx, ny), off: new OffscreenCanvas(nx, ny) };
  }
  const toUnit = outIsSigmoid ? (y) => 2 * y - 1 : (y) => Math.tanh(2 * (y - 0.5));
  paint(values, cache.img.data, pal.lut, toUnit);
  const off = cache.off;
  off.getContext("2d").putImageData(cache.img, 0, 0);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const px = pad.l;
  const py = pad.t;
  const cw = w - pad.l - pad.r;
  const ch = h - pad.t - pad.b;
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(off, px, py, cw, ch);

  // The 0.5 contour: where ŷ crosses the class threshold.
  ctx.strokeStyle = pal.fg;
  ctx.lineWidth = 2;
  ctx.beginPath();
  const sx = cw / (nx - 1);
  const sy = ch / (ny - 1);
  for (const [[c0, r0], [c1, r1]] of contour(values, nx, ny)) {
    ctx.moveTo(px + c0 * sx, py + r0 * sy);
    ctx.lineTo(px + c1 * sx, py + r1 * sy);
  }
  ctx.stroke();

  // Axes and ticks.
  const [x1min, x1max, x2min, x2max] = state.lab.domain();
  const toX = (v) => px + ((v - x1min) / (x1max - x1min)) * cw;
  const toY = (v) => py + ((x2max - v) / (x2max - x2min)) * ch;
  ctx.strokeStyle = pal.muted;
  ctx.lineWidth = 1;
  ctx.strokeRect(px, py, cw, ch);
  ctx.fillStyle = pal.muted;
  ctx.font = `${font}px system-ui, sans-serif`;
  const ticks = (lo, hi) => {
    const step = hi - lo > 2.2 ? 1 : 0.5;
    const out = [];
    for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) out.push(+v.toFixed(2));
    return out;
  };
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  for (const v of ticks(x1min, x1max)) ctx.fillText(fmtShort(v), toX(v), py + ch + 3);
  ctx.fillText("x₁", px + cw / 2, py + ch + font * 1.2);
  ctx.textAlign = "right";
  ctx.textBaseline = "middle";
  for (const v of ticks(x2min, x2max)) ctx.fillText(fmtShort(v), px - 4, toY(v));
  ctx.save();
  ctx.translate(font * 0.8, py + ch / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textAlign = "center";
  ctx.fillText("x₂", 0, 0);
  ctx.restore();

  // Patterns, filled by target; the shown pattern μ ringed.
  const r = s.P > 20 ? 4 : 9;
  for (let mu = 0; mu < s.P; mu++) {
    const x = toX(s.inputs[2 * mu]);
    const y = toY(s.inputs[2 * mu + 1]);
    const t = s.targets[mu * s.K];
    ctx.fillStyle = t > 0.5 ? pal.pos : pal.neg;
    ctx.strokeStyle = pal.fg;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    if (t > 0.5) ctx.arc(x, y, r, 0, 2 * Math.PI);
    else ctx.rect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7); // shape too, not only colour
    ctx.fill();
    ctx.stroke();
    if (mu === s.mu) {
      ctx.strokeStyle = pal.hi;
      ctx.lineWidth = 3;
      ctx.beginPath();
      ctx.arc(x, y, r + 5, 0, 2 * Math.PI);
      ctx.stroke();
      ctx.strokeStyle = pal.fg;
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.arc(x, y, r + 7, 0, 2 * Math.PI);
      ctx.stroke();
    }
  }
};
