// Boot and render loop: loads the wasm core, builds the one app state, trains within a per-frame
// time budget while playing, and redraws every view when something changed.

import init, * as wasm from "./pkg/backprop_lab.js";
import { createState, rebuild, takeSnapshot, SPEEDS } from "./state.js";
import { drawNetwork, networkLegend } from "./network-view.js";
import { drawBoundary, boundaryLegend } from "./boundary-view.js";
import { drawLossChart } from "./charts.js";
import { drawTable } from "./table.js";
import { drawFormula } from "./formulas.js";
import { setupControls } from "./controls.js";
import { drawCheck, restartCheck, workCheck, invalidateCharts, remeasure } from "./check-view.js";
import { palette, fmt, el } from "./util.js";

/** Most milliseconds of training per animation frame, so drawing always gets its share. */
const TRAIN_BUDGET_MS = 8;

const $ = (id) => document.getElementById(id);

const fatal = (text) => {
  const box = el("div", { class: "fatal", role: "alert" }, el("strong", {}, "Backprop Lab could not start. "), text);
  const reload = el("button", {}, "Reload");
  reload.addEventListener("click", () => location.reload());
  box.append(" ", reload);
  document.body.replaceChildren(box);
};

/** Trains for this frame: the speed's epochs, in growing chunks, until done or the budget is spent. */
const trainFrame = (state, dt) => {
  const speed = SPEEDS[state.speed];
  let want = speed.perFrame ?? 0;
  if (speed.perSecond) {
    state.epochDebt = Math.min(state.epochDebt + (speed.perSecond * dt) / 1000, 2);
    want = Math.floor(state.epochDebt);
    state.epochDebt -= want;
  }
  const start = performance.now();
  let done = 0;
  let chunk = Math.min(want, 16);
  while (done < want) {
    const k = Math.min(chunk, want - done);
    const ran = state.lab.train(k);
    done += ran;
    if (ran < k) break;
    if (performance.now() - start > TRAIN_BUDGET_MS) break;
    chunk *= 2;
  }
  if (done > 0) state.dirty = true;
  return done;
};

const boot = async () => {
  try {
    await init();
  } catch (e) {
    fatal(`The WebAssembly core did not load (${e.message}). Build it with “npm start”, which also serves the page.`);
    return;
  }
  const state = createState(wasm);
  const err = rebuild(state, state.setup);
  if (err) {
    fatal(err);
    return;
  }
  const ui = {
    play: $("play"), next: $("next"), prev: $("prev"), epochStep: $("epoch-step"), reset: $("reset"),
    etaSlider: $("eta-slider"), etaNumber: $("eta-number"), etaMessage: $("eta-message"),
    mode: $("mode"), dataset: $("dataset"), seed: $("seed"), architecture: $("architecture"),
    speed: $("speed"), speedLabel: $("speed-label"), settingsMessage: $("settings-message"),
    mapX: $("map-x"), mapA: $("map-a"), logScale: $("log-scale"), projector: $("projector"),
    helpButton: $("help-button"), help: $("help"), helpClose: $("help-close"),
    network: $("network"), boundary: $("boundary"), loss: $("loss"), table: $("patterns"),
    formula: $("formula"), phase: $("phase"), epoch: $("epoch"), error: $("error"), notice: $("notice"),
    tabStep: $("tab-step"), tabCheck: $("tab-check"), checkPanel: $("check-panel"), epsSlider: $("eps-slider"),
    epsLabel: $("eps-label"), checkProgress: $("check-progress"), checkTable: $("check-table"), costTable: $("cost-table"),
    costExplain: $("cost-explain"), epsChart: $("eps-chart"), scalingOps: $("scaling-ops"), scalingTime: $("scaling-time"),
    measureAgain: $("measure-again"),
  };

  const notice = (text) => {
    ui.notice.hidden = !text;
    ui.notice.textContent = text ?? "";
  };
  const setPlaying = (on) => {
    state.playing = on;
    ui.play.setAttribute("aria-label", on ? "Pause" : "Play");
    ui.play.querySelector(".label").textContent = on ? "Pause" : "Play";
    ui.play.querySelector("[aria-hidden]").textContent = on ? "❚❚" : "▶";
  };
  const followPhase = () => {
    if (state.lab.phasePattern >= 0) state.mu = state.lab.phasePattern;
    state.dirty = true;
  };
  const legends = () => {
    networkLegend($("network-legend"), state.mapQuantity);
    boundaryLegend($("boundary-legend"));
  };
  const actions = {
    togglePlay: () => {
      if (!state.playing && state.lab.diverged) {
        notice("Training has diverged: lower η and press Reset.");
        return;
      }
      setPlaying(!state.playing);
      state.dirty = true;
    },
    step: () => {
      setPlaying(false);
      state.lab.step();
      followPhase();
    },
    stepBack: () => {
      setPlaying(false);
      if (!state.lab.stepBack()) notice("Nothing to go back to: Previous step undoes the steps taken with Next step.");
      else notice(null);
      followPhase();
    },
    stepEpoch: () => {
      setPlaying(false);
      const epoch = state.lab.epoch;
      for (let k = 0; k < 1e5 && state.lab.epoch === epoch; k++) state.lab.step();
      followPhase();
    },
    reset: () => {
      setPlaying(false);
      notice(null);
      rebuild(state, state.setup);
      controls.sync();
    },
    afterRebuild: () => {
      setPlaying(false);
      notice(null);
      controls.sync();
    },
    legends,
    remeasure: () => remeasure(state),
  };
  const controls = setupControls(state, ui, actions);
  controls.sync();
  legends();
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", () => {
    legends();
    invalidateCharts(state);
    state.dirty = true;
  });
  new ResizeObserver(() => {
    invalidateCharts(state);
    state.dirty = true;
  }).observe(document.body);

  const render = () => {
    const pal = palette();
    const s = takeSnapshot(state);
    state.snapshot = s;
    state.layout = drawNetwork(ui.network, state, s, pal);
    if (state.check.active) {
      drawCheck(ui, state, pal);
    } else {
      drawBoundary(ui.boundary, state, s, pal);
      drawLossChart(ui.loss, state, pal);
      drawTable(ui.table, state, s);
      drawFormula(ui.formula, state, s);
    }
    ui.phase.textContent = s.stepping
      ? `Epoch ${s.epoch + (s.phase.kind === "update" && s.phase.mu < 0 ? 0 : 1)}: ${s.phase.text}`
      : state.playing
        ? `Training: ${SPEEDS[state.speed].perFrame ? "every frame" : "continuously"} — pause to step through one backprop step`
        : s.phase.text;
    ui.epoch.textContent = String(s.epoch);
    state.firstFrameAt ??= performance.now(); // for the benchmark: first complete frame
    ui.error.textContent = fmt(s.E, 4);
    document.body.dataset.phase = s.phase.kind;
  };

  let last = performance.now();
  const frame = (now) => {
    try {
      if (state.playing) {
        trainFrame(state, now - last);
        if (state.lab.diverged) {
          setPlaying(false);
          notice(`Training diverged at epoch ${state.lab.epoch} with η = ${fmt(state.lab.learningRate, 3)}: E or a weight is no longer a finite number. Lower η and press Reset.`);
        }
      }
      last = now;
      if (state.check.active) {
        const key = `${state.labId}|${state.lab.epoch}|${state.lab.undoDepth}|${state.lab.phaseKind}|${state.check.eps}`;
        if (key !== state.check.key) {
          state.check.key = key;
          restartCheck(state);
        }
        workCheck(state, TRAIN_BUDGET_MS, ui.checkProgress);
      }
      if (state.dirty) {
        state.dirty = false;
        const t0 = performance.now();
        render();
        state.renderMs = 0.9 * (state.renderMs ?? 0) + 0.1 * (performance.now() - t0); // for the benchmark
      }
    } catch (e) {
      fatal(`An internal error stopped the page (${e.message}). Reloading keeps the page's address.`);
      return;
    }
    requestAnimationFrame(frame);
  };
  window.backpropLab = state; // for tests and the curious: the one app state
  requestAnimationFrame(frame);
};

boot();
