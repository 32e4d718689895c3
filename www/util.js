// Shared helpers: number formatting, the colour scales (Okabe–Ito, colour-blind safe), canvas sizing.

/** Formats a number to `digits` significant digits with a real minus sign; NaN as "NaN", ±∞ as "∞" and "−∞". */
export const fmt = (v, digits = 3) => {
  if (Number.isNaN(v)) return "NaN";
  if (!Number.isFinite(v)) return v > 0 ? "∞" : "−∞";
  if (v === 0) return "0";
  const a = Math.abs(v);
  const s = a >= 1e4 || a < 1e-3 ? v.toExponential(digits - 1) : v.toPrecision(digits);
  return s.replace(/-/g, "−").replace("e+", "e");
};

/** Saves `blob` as a file called `name` (through a temporary link). */
export const download = (name, blob) => {
  const a = el("a", { href: URL.createObjectURL(blob), download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
};

/** What the page shows for a number stepping has not computed yet (and only for that). */
const NOT_YET = "·";

/** fmt(v), or NOT_YET when the number is not `known` (computed) yet. */
export const shown = (v, known, digits = 3) => (known ? fmt(v, digits) : NOT_YET);

/** Like fmt, without trailing zeros: 1 rather than 1.00 (for inputs, targets, ticks). */
export const fmtShort = (v, digits = 3) => fmt(v, digits).replace(/(\.\d*?)0+(?=$|e)/, "$1").replace(/\.(?=$|e)/, "");

/**
 * A message as a sentence: capital first letter, full stop at the end. Only a Latin letter is
 * capitalised: a symbol stays as it is (η would become Η, which reads as H).
 */
export const sentence = (text) => `${text.replace(/^[a-z]/, (c) => c.toUpperCase())}${/[.!?]$/.test(text) ? "" : "."}`;

/** @typedef {[number, number, number]} RGB  A colour as [r, g, b], each 0…255. */

/**
 * Parses "#rrggbb" into [r, g, b].
 * @returns {RGB}
 */
const hex = (s) => {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(s.trim());
  return m ? /** @type {RGB} */ ([1, 2, 3].map((k) => parseInt(m[k], 16))) : [128, 128, 128];
};

/**
 * The theme's colours, read from the CSS custom properties (they follow light/dark), with the
 * diverging scale's colour table; build it once per theme and font size (state.palette), not per frame.
 */
export const palette = () => {
  const css = getComputedStyle(document.documentElement);
  const get = (name) => css.getPropertyValue(name).trim();
  const names = ["bg", "panel", "fg", "muted", "line", "pos", "neg", "delta", "hi", "hi-fg", "neutral", "accent"];
  const p = {};
  for (const n of names) p[n.replace("-", "_")] = get(`--${n}`);
  p.rgb = { pos: hex(p.pos), neg: hex(p.neg), neutral: hex(p.neutral), delta: hex(p.delta) };
  p.lut = divergingLut(p.rgb);
  p.dark = matchMedia("(prefers-color-scheme: dark)").matches;
  p.font = parseFloat(get("--font")) || 15;
  return p;
};

/**
 * Diverging colour for v in [−1, 1]: orange (−) → neutral (0) → blue (+), as [r, g, b].
 * @returns {RGB}
 */
const diverging = (v, rgb) => {
  const t = Math.max(-1, Math.min(1, Number.isFinite(v) ? v : 0));
  const end = t < 0 ? rgb.neg : rgb.pos;
  const k = Math.abs(t);
  return /** @type {RGB} */ ([0, 1, 2].map((c) => Math.round(rgb.neutral[c] + (end[c] - rgb.neutral[c]) * k)));
};

/** Colour of an output value y in [0, 1] (0 = class 0, orange; 1 = class 1, blue). */
export const yColour = (y, rgb) => diverging(2 * y - 1, rgb);

/** Colour of a drive a (unbounded): squashed with tanh so that |a| ≈ 2 is already saturated. */
export const aColour = (a, rgb) => diverging(Math.tanh(a / 2), rgb);

/** A 256-entry RGBA table of the diverging scale, entry k for v = 2k/255 − 1. */
const divergingLut = (rgb) => {
  const lut = new Uint8ClampedArray(256 * 4);
  for (let k = 0; k < 256; k++) lut.set([...diverging((2 * k) / 255 - 1, rgb), 255], 4 * k);
  return lut;
};

/** ŷ of an output with activation `g` to [−1, 1] for the diverging colours: a sigmoid's 0…1
 * stretched, any other squashed around ½ (the decision boundary at ŷ = ½ either way). */
export const outputToUnit = (g) => (g === "sigmoid" ? (y) => 2 * y - 1 : (y) => Math.tanh(2 * (y - 0.5)));

/** Paints values into RGBA pixels through the diverging table; `toUnit` maps a value to [−1, 1]. */
export const paint = (values, pixels, lut, toUnit) => {
  for (let k = 0; k < values.length; k++) {
    const u = toUnit(values[k]);
    const i = Number.isFinite(u) ? Math.round((Math.max(-1, Math.min(1, u)) + 1) * 127.5) * 4 : 512;
    pixels[4 * k] = lut[i];
    pixels[4 * k + 1] = lut[i + 1];
    pixels[4 * k + 2] = lut[i + 2];
    pixels[4 * k + 3] = 255;
  }
};

/** "rgb(r g b / alpha)". */
export const css = ([r, g, b], alpha = 1) => `rgb(${r} ${g} ${b} / ${alpha})`;

/** Sizes a canvas's backing store to its CSS box × devicePixelRatio; returns the CSS size and scale. */
export const fitCanvas = (canvas) => {
  const dpr = window.devicePixelRatio || 1;
  const w = Math.max(1, Math.round(canvas.clientWidth));
  const h = Math.max(1, Math.round(canvas.clientHeight));
  if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(h * dpr);
  }
  return { w, h, dpr };
};

/** Creates an element with attributes and children (strings become text nodes; never HTML). */
export const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else node.setAttribute(k, v);
  }
  for (const c of children.flat()) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
};
