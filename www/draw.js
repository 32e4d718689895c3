// Canvas primitives shared by the pictures: text on a backdrop, a dashed arrow, which of many
// stacked labels fit, and axis ticks from the core.

/** Sets the canvas font: monospace for numbers, the UI font for words. */
export const setFont = (ctx, size, { bold = false, mono = false } = {}) => {
  ctx.font = `${bold ? "600 " : ""}${size}px ${mono ? 'ui-monospace, "DejaVu Sans Mono", monospace' : "system-ui, sans-serif"}`;
};

/** Draws `text` centred on y, on a rounded backdrop of colour `bg` (if given) so lines behind it do not cross it. */
export const label = (ctx, text, x, y, { colour, bg, align = "center", bold = false, font, mono = true }) => {
  setFont(ctx, font, { bold, mono });
  ctx.textAlign = align;
  ctx.textBaseline = "middle";
  if (bg) {
    const w = ctx.measureText(text).width + 6;
    const left = align === "center" ? x - w / 2 : align === "left" ? x - 3 : x - w + 3;
    ctx.fillStyle = bg;
    ctx.beginPath();
    ctx.roundRect(left, y - font * 0.65, w, font * 1.3, 3);
    ctx.fill();
  }
  ctx.fillStyle = colour;
  ctx.fillText(text, x, y);
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
