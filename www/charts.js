// The loss curve, drawn by the Rust side with plotters (the browser renders its text).

import { fitCanvas } from "./util.js";

/** Redraws E against epoch (log axis if chosen), with a marker at a scrubbed-back epoch. */
export const drawLossChart = (canvas, state, pal) => {
  fitCanvas(canvas);
  state.lab.drawLoss(canvas, state.logScale, pal.dark, state.scrubEpoch ?? NaN);
};
