// Boot and render loop: loads the wasm core, builds the one app state (from the URL hash), trains
// within a per-frame time budget while playing, and redraws every view when something changed.

import init, * as wasm from "./pkg/backprop_lab.js";
import { createState, installLab, takeSnapshot } from "./state.js";
import { drawNetwork } from "./network-view.js";
import { drawBoundary } from "./boundary-view.js";
import { networkLegend } from "./legends.js";
import { drawLossChart } from "./charts.js";
import { drawTable } from "./table.js";
import { drawFormula } from "./formulas.js";
import { setupControls } from "./controls.js";
import { createActions } from "./actions.js";
import { drawCheck, restartCheck, workCheck, invalidateCharts } from "./check-view.js";
import { openHash } from "./sharing.js";
import { syncTimeline, setupTimeline } from "./timeline.js";
import { createData, syncData } from "./data.js";
import { syncAdvice } from "./advice.js";
import { setupTeach } from "./teach.js";
import { palette, fmt, el } from "./util.js";

/** Most milliseconds of training per animation frame, so drawing always gets its share. */
const TRAIN_BUDGET_MS = 8;

const $ = (id) => document.getElementById(id);

/** Replaces the page with a message that says what stopped it, and a way to try again. */
const fatal = (text, heading = "Backprop Lab could not start.") => {
  const box = el("div", { class: "fatal", role: "alert" }, el("strong", {}, `${heading} `), text);
  const reload = el("button", {}, "Reload (keeps your setup)");
  reload.addEventListener("click", () => location.reload());
  box.append(" ", reload);
  document.body.replaceChildren(box);
};

/** Trains for this frame: the speed's epochs, in chunks sized to the time left, until done or the budget is spent. */
const trainFrame = (state, dt) => {
  const speed = state.limits.speeds[state.speed];
  let want = speed.perFrame ?? 0;
  if (speed.perSecond) {
    state.epochDebt = Math.min(state.epochDebt + (speed.perSecond * dt) / 1000, 2);
    want = Math.floor(state.epochDebt);
    state.epochDebt -= want;
  }
  // Chunks sized by time: one epoch first (on 1000 patterns and four layers of 16 it alone takes
  // milliseconds), then as many as the measured cost per epoch says fit the rest of the budget,
  // at most four times the last chunk (a coarse clock can read a tiny chunk as free).
  const start = performance.now();
  let done = 0;
  let chunk = 1;
  while (done < want) {
    const k = Math.min(chunk, want - done);
    const t0 = performance.now();
    const ran = state.lab.train(k);
    done += ran;
    if (ran < k) break;
    const now = performance.now();
    const left = TRAIN_BUDGET_MS - (now - start);
    if (left <= 0) break;
    const perEpoch = (now - t0) / k;
    chunk = Math.max(1, Math.min(4 * chunk, perEpoch > 0 ? Math.floor(left / perEpoch) : 4 * chunk));
  }
  if (done > 0) state.dirty = true;
  return done;
};

/** The page's elements the code reaches, by role. */
const collectUi = () => ({
  play: $("play"), next: $("next"), prev: $("prev"), epochStep: $("epoch-step"), reset: $("reset"),
  etaSlider: $("eta-slider"), etaNumber: $("eta-number"), etaMessage: $("eta-message"),
  mode: $("mode"), dataset: $("dataset"), seed: $("seed"), seedMessage: $("seed-message"), architecture: $("architecture"),
  speed: $("speed"), speedLabel: $("speed-label"), settingsMessage: $("settings-message"),
  mapX: $("map-x"), mapA: $("map-a"), mapToggle: $("map-toggle"), networkLegend: $("network-legend"),
  logScale: $("log-scale"), projector: $("projector"), helpButton: $("help-button"), help: $("help"), helpClose: $("help-close"),
  network: $("network"), boundary: $("boundary"), boundaryTitle: $("boundary-title"), boundaryNote: $("boundary-note"),
  boundaryLegend: $("boundary-legend"), loss: $("loss"), table: $("patterns"),
  formula: $("formula"), phase: $("phase"), epoch: $("epoch"), error: $("error"),
  notice: $("notice"), noticeText: $("notice-text"), noticeAction: $("notice-action"), noticeClose: $("notice-close"),
  tabStep: $("tab-step"), tabCheck: $("tab-check"), tabExperiments: $("tab-experiments"), experimentsPanel: $("experiments-panel"), checkPanel: $("check-panel"), epsSlider: $("eps-slider"),
  epsLabel: $("eps-label"), checkProgress: $("check-progress"), checkTable: $("check-table"), costTable: $("cost-table"),
  costExplain: $("cost-explain"), epsChart: $("eps-chart"), scalingOps: $("scaling-ops"), scalingTime: $("scaling-time"),
  measureAgain: $("measure-again"), scrub: $("scrub"), scrubLabel: $("scrub-label"), resume: $("resume"),
  copyLink: $("copy-link"), exportModel: $("export-model"), importModel: $("import-model"), modelFile: $("model-file"),
  exportTrace: $("export-trace"), exportCsv: $("export-csv"), exportPng: $("export-png"), filesMenu: $("files-menu"),
  importData: $("import-data"), dataFile: $("data-file"), exportData: $("export-data"), tableWrap: $("patterns-wrap"),
  dataBar: $("data-bar"), editData: $("edit-data"), fitView: $("fit-view"), undoData: $("undo-data"), redoData: $("redo-data"),
  editTools: $("edit-tools"), newTarget: $("new-target"), editHint: $("edit-hint"), dataMatch: $("data-match"), dataNotes: $("data-notes"),
  addPattern: $("add-pattern"), rowsPrev: $("rows-prev"), rowsNext: $("rows-next"), tableMessage: $("table-message"),
  etaScaling: $("eta-scaling"), etaSuggest: $("eta-suggest"), lossWarnings: $("loss-warnings"), lossWarningsSaid: $("loss-warnings-said"),
});

/** The line above the formulas: the step just taken, or that training runs. */
const phaseLine = (state, s) => {
  if (s.stepping) return `Epoch ${s.epoch + (s.phase.kind === "update" && s.phase.mu < 0 ? 0 : 1)}: ${s.phase.text}`;
  if (!state.playing) return s.phase.text;
  const often = state.limits.speeds[state.speed].perFrame ? "every frame" : "continuously";
  return `Training: ${often} — pause to step through one backprop step`;
};

/** Draws every view from one snapshot; the timeline at most 4 times a second while playing. */
const render = (state, ui, now, clock) => {
  const pal = (state.palette ??= palette());
  const s = takeSnapshot(state);
  state.snapshot = s;
  ui.teach.derive(s); // before the diagram, which lights its paths
  state.layout = drawNetwork(ui.network, state, s, pal);
  const maps = s.sizes[0] === 2; // the neurons' maps need the input plane
  networkLegend(ui.networkLegend, state.mapQuantity, maps, !!state.teach.derived);
  ui.mapToggle.hidden = !maps;
  syncData(ui, state);
  if (state.check.active) {
    drawCheck(ui, state, pal);
  } else if (state.experiments.active) {
    state.experiments.view?.render(pal); // the diagram stays (its edges pick the landscape's weights)
  } else {
    drawBoundary(ui, state, s, pal);
    drawLossChart(ui.loss, state, pal);
    drawTable(ui, state, s);
    if (!ui.teach.draw(s)) drawFormula(ui.formula, state, s);
    if (!state.playing || now - clock.timelineAt > 250) {
      syncTimeline(ui, state);
      clock.timelineAt = now;
    }
  }
  ui.phase.textContent = phaseLine(state, s);
  ui.epoch.textContent = String(s.epoch);
  ui.error.textContent = Number.isFinite(s.E) ? fmt(s.E, 4) : `${fmt(s.E)} (diverged)`;
  document.body.dataset.phase = s.phase.kind;
  state.firstFrameAt ??= performance.now(); // for the benchmark: first complete frame
};

/** The gradient check's share of a frame: restart it when the weights changed, then work on it. */
const checkFrame = (state, ui) => {
  const lab = state.lab;
  const key = `${state.labId}|${state.dataVersion}|${lab.epoch}|${lab.undoDepth}|${lab.phaseKind}|${state.check.eps}|${state.scrubEpoch}`;
  if (key !== state.check.key) {
    state.check.key = key;
    restartCheck(state);
  }
  workCheck(state, TRAIN_BUDGET_MS, ui.checkProgress);
};

/** The animation loop: train while playing, work on the check, redraw when something changed. */
const startLoop = (state, ui, actions) => {
  const clock = { last: performance.now(), timelineAt: 0 };
  const frame = (now) => {
    const t0 = performance.now();
    const c = state.check;
    const measuring = Boolean(c.measuring) && c.jobs[0] === c.measuring;
    try {
      if (state.playing) {
        trainFrame(state, now - clock.last);
        if (state.lab.diverged) actions.diverged();
      }
      clock.last = now;
      if (state.check.active) checkFrame(state, ui);
      else syncAdvice(ui, state, now, actions);
      if (state.experiments.active) state.experiments.view?.frame(now); // progress, streamed results, the live landscape
      if (state.dirty) {
        state.dirty = false;
        const r0 = performance.now();
        render(state, ui, now, clock);
        state.renderMs = 0.9 * state.renderMs + 0.1 * (performance.now() - r0); // for the benchmark
      }
      if (measuring) c.longestMeasuringFrameMs = Math.max(c.longestMeasuringFrameMs, performance.now() - t0);
    } catch (e) {
      fatal(`An internal error stopped the page (${e.message}).`, "Backprop Lab could not go on.");
      return;
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
};

/**
 * The Experiments tab next to the two of controls.js: its modules load by dynamic import when it
 * first opens (so the first frame does not wait for them); the other tabs' own handlers hide it.
 */
const wireExperimentsTab = (state, ui, actions) => {
  const ex = state.experiments;
  const show = (on) => {
    ex.active = on;
    document.body.classList.toggle("experimenting", on);
    ui.experimentsPanel.hidden = !on;
    ui.tabExperiments.setAttribute("aria-pressed", String(on));
    ex.view?.shown(on);
    state.dirty = true;
  };
  ui.tabStep.addEventListener("click", () => show(false));
  ui.tabCheck.addEventListener("click", () => show(false));
  ui.tabExperiments.addEventListener("click", () => {
    state.check.active = false;
    document.body.classList.remove("checking");
    ui.checkPanel.hidden = true;
    ui.tabStep.setAttribute("aria-pressed", "false");
    ui.tabCheck.setAttribute("aria-pressed", "false");
    show(true);
    ex.loading ??= import("./experiments-view.js")
      .then(({ setupExperiments }) => {
        ex.view = setupExperiments(state, ui, actions);
        ex.view.shown(ex.active);
        state.dirty = true;
      })
      .catch((e) => {
        ex.loading = null;
        actions.notice(`The experiments did not load (${e.message}).`);
      });
  });
};

/** Redraws when the theme or the size changes (the palette and the font size follow them). */
const watchSurroundings = (state) => {
  const changed = () => {
    state.palette = null;
    invalidateCharts(state);
    state.experiments.view?.invalidate();
    state.dirty = true;
  };
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", changed);
  new ResizeObserver(changed).observe(document.body);
};

/** The app state with the network the address asks for (or the lecture's); and what the address asked for in vain. */
const startState = () => {
  const state = createState(wasm);
  const notes = location.hash.length > 1 ? openHash(state, location.hash) : [];
  if (!state.lab) installLab(state, wasm.Lab.fromSetup("{}"));
  return { state, notes };
};

/** Loads the core, builds the state from the address, wires the page and starts the loop. */
const boot = async () => {
  try {
    await init();
  } catch (e) {
    fatal(`The WebAssembly core did not load (${e.message}). Build it with “npm start”, which also serves the page.`);
    return;
  }
  let started;
  try {
    started = startState();
  } catch (e) {
    fatal(`The network could not be built (${e.message}).`);
    return;
  }
  const { state, notes } = started;
  const ui = collectUi();
  const actions = createActions(state, ui, { sync: () => controls.sync() });
  const data = createData(state, ui, actions);
  const controls = setupControls(state, ui, actions, data);
  setupTimeline(ui, state, actions);
  wireExperimentsTab(state, ui, actions);
  ui.teach = setupTeach(state, actions); // Derive a weight, Quiz me
  controls.sync();
  actions.opened(notes);
  if (location.hash.length > 1) actions.settingsChanged(); // the address now says what is in use
  window.addEventListener("hashchange", () => actions.openLink(location.hash));
  watchSurroundings(state);
  // The one app state, for the browser tests and the benchmark, which open the page as `?test`;
  // a page in use keeps it to itself.
  if (new URLSearchParams(location.search).has("test")) window.backpropLab = state;
  startLoop(state, ui, actions);
};

boot();
