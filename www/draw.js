// Canvas primitives shared by the pictures: text on a backdrop, a dashed arrow, which of many
// stacked labels fit, and axis ticks from the core.

/** Sets the canvas font: monospace for numbers, the UI font for words. */
export const setFont = (ctx, size, { bold = false, mono = false } = {}) => {
  ctx.font = `${bold ? "600 " : ""}${size}px ${mono ? 'ui-monospace, "DejaVu Sans Mono", monospace' : "system-ui, sans-serif"}`;
};

/**
 * The box { x0, y0, x1, y1 } a label of `width` (text plus margins) takes at (x, y).
 * @returns {Box}
 */
export const labelBox = (x, y, width, align, font) => {
  const x0 = align === "center" ? x - width / 2 : align === "left" ? x - 3 : x - width + 3;
  return { x0, y0: y - font * 0.65, x1: x0 + width, y1: y + font * 0.65 };
};

/** Whether box `r` overlaps none of `boxes`. */
export const clear = (boxes, r) => boxes.every((q) => r.x1 <= q.x0 || r.x0 >= q.x1 || r.y1 <= q.y0 || r.y0 >= q.y1);

/** @typedef {{ x0: number, y0: number, x1: number, y1: number }} Box  A label's box on the canvas. */
/** @typedef {[number, number]} Point  A point [x, y] on the canvas, in CSS pixels. */
/** @typedef {[number, number]} Range  An axis's range [lo, hi]. */

/**
 * Draws `text` centred on y, on a rounded backdrop of colour `bg` (if given) so lines behind it do
 * not cross it, moved sideways as far as needed to stay inside the canvas; returns the box it takes.
 * @param {CanvasRenderingContext2D} ctx
 * @param {string} text
 * @param {number} at
 * @param {number} y
 * @param {{ colour: string, bg?: string, align?: CanvasTextAlign, bold?: boolean, font: number, mono?: boolean }} style
 * @returns {Box}
 */
export const label = (ctx, text, at, y, { colour, bg, align = "center", bold = false, font, mono = true }) => {
  setFont(ctx, font, { bold, mono });
  ctx.textAlign = align;
  ctx.textBaseline = "middle";
  const width = ctx.measureText(text).width + 6;
  const wanted = labelBox(at, y, width, align, font);
  const shift = Math.max(0, 1 - wanted.x0) + Math.min(0, ctx.canvas.clientWidth - 1 - wanted.x1);
  const x = at + shift;
  const box = labelBox(x, y, width, align, font);
  if (bg) {
    ctx.fillStyle = bg;
    ctx.beginPath();
    ctx.roundRect(box.x0, box.y0, box.x1 - box.x0, box.y1 - box.y0, 3);
    ctx.fill();
  }
  ctx.fillStyle = colour;
  ctx.fillText(text, x, y);
  return box;
};

/** A dashed arrow from (x0, y0) to (x1, y1) with its head a little past the middle. */
export const arrow = (ctx, x0, y0, x1, y1, colour, width) => {
  ctx.strokeStyle = colour;
  ctx.fillStyle = colour;
  ctx.lineWidth = width;
  ctx.setLineDash([6, 4]);
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.stroke();
  ctx.setLineDash([]);
  const ang = Math.atan2(y1 - y0, x1 - x0);
  const mx = x0 + (x1 - x0) * 0.55;
  const my = y0 + (y1 - y0) * 0.55;
  const head = 5 + width * 1.5;
  ctx.beginPath();
  ctx.moveTo(mx + Math.cos(ang) * head, my + Math.sin(ang) * head);
  ctx.lineTo(mx + Math.cos(ang + 2.5) * head, my + Math.sin(ang + 2.5) * head);
  ctx.lineTo(mx + Math.cos(ang - 2.5) * head, my + Math.sin(ang - 2.5) * head);
  ctx.fill();
};

/**
 * Which of `count` labels stacked `gap` apart can be shown, each `need` tall, without overlapping:
 * every one if they fit, else every k-th and always the last (so the count shows).
 */
export const labelled = (count, gap, need) => {
  const k = Math.max(1, Math.ceil(need / gap));
  return (i) => i === count - 1 || (i % k === 0 && count - 1 - i >= k);
};

/** Labelled ticks for [lo, hi] from the core (at most `max`), with a real minus sign. */
export const ticks = (wasm, lo, hi, max) =>
  wasm.Lab.ticks(lo, hi, max).map(([v, text]) => [v, text.replace(/^-/, "−").replace("e-", "e−")]);

/** A plot's box inside a w × h canvas, leaving room for the y ticks of [ylo, yhi] (kept in the box) and the x axis below. */
export const plotBox = (ctx, wasm, w, h, [ylo, yhi], font) => {
  setFont(ctx, font);
  const top = 6;
  const height = h - top - font * 2.6;
  const yTicks = ticks(wasm, ylo, yhi, Math.max(2, Math.min(8, Math.floor(height / (font * 2.5)))));
  const widest = Math.max(0, ...yTicks.map(([, text]) => ctx.measureText(text).width));
  const x = font * 1.6 + widest + 6;
  return { x, y: top, w: w - x - 8, h: height, yTicks };
};

/** Frames `box` (from plotBox) with labelled ticks from the core and axis names; returns toX and toY (value → pixel). */
export const drawAxes = (ctx, wasm, box, [xlo, xhi], [ylo, yhi], [xName, yName], { pal, font }) => {
  const toX = (v) => box.x + ((v - xlo) / (xhi - xlo)) * box.w;
  const toY = (v) => box.y + ((yhi - v) / (yhi - ylo)) * box.h;
  ctx.strokeStyle = pal.muted;
  ctx.lineWidth = 1;
  ctx.strokeRect(box.x, box.y, box.w, box.h);
  ctx.fillStyle = pal.muted;
  setFont(ctx, font);
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  const across = Math.max(2, Math.min(8, Math.floor(box.w / (font * 5))));
  for (const [v, text] of ticks(wasm, xlo, xhi, across)) ctx.fillText(text, toX(v), box.y + box.h + 3);
  ctx.fillText(xName, box.x + box.w / 2, box.y + box.h + font * 1.2);
  ctx.textAlign = "right";
  ctx.textBaseline = "middle";
  for (const [v, text] of box.yTicks) ctx.fillText(text, box.x - 4, toY(v));
  yAxisName(ctx, yName, font * 0.8, box);
  return { toX, toY };
};

/** The y axis's name, turned a quarter to read upwards, centred on the plot's height at x = `x`. */
export const yAxisName = (ctx, text, x, box) => {
  ctx.save();
  ctx.translate(x, box.y + box.h / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  ctx.fillText(text, 0, 0);
  ctx.restore();
};
