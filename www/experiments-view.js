// The Experiments tab: the η sweep and the seeds run in Web Workers (experiments-pool.js)
// with one progress bar, an estimate of the time left and Cancel; results stream in and are drawn
// by the render loop at most once a frame. The loss landscape (landscape-view.js) runs on the main
// thread. Loaded by dynamic import when the tab first opens; its state lives in state.experiments.

import { createPool } from "./experiments-pool.js";
import { rebuildFrom } from "./state.js";
import { fmtShort, el, sentence, palette } from "./util.js";
import { runColours, drawSweepCurves, drawSweepValley, eText } from "./experiments-charts.js";
import { createSeedsView, GALLERY_STEP, isSolved } from "./seeds-view.js";
import { createLandscape } from "./landscape-view.js";
import { fillExperimentsPanel } from "./experiments-markup.js";

/** Streamed results are redrawn at most this often (ms); the last ones at once. */
const STREAM_REDRAW_MS = 120;

/** Shows `text` (or nothing) next to `field`, marking the field invalid while there is one. */
const say = (node, text, field) => {
  node.textContent = text ? sentence(text) : "";
  if (!field) return;
  if (text) field.setAttribute("aria-invalid", "true");
  else field.removeAttribute("aria-invalid");
};

/** The core's limits for the experiments (one owner: Lab.limits()). */
const limitsOf = (state) => state.limits.experiments;

/** A sweep run from the pool, with the names the page uses. */
const sweepRun = (r) => ({
  eta: r.eta, epochs: r.epochs, e: r.e.map((v) => (v == null ? NaN : v)),
  final: r.final ?? NaN, solvedAt: r.solvedAt ?? null, divergedAt: r.divergedAt ?? null,
});

/** A seed run from the pool (−1 / null: none). */
const seedRun = (r) => ({
  seed: r.seed, final: r.final ?? r.finalE, right: r.right, thumb: r.thumb,
  solvedAt: r.solvedAt == null || r.solvedAt < 0 ? null : r.solvedAt,
  divergedAt: r.divergedAt == null || r.divergedAt < 0 ? null : r.divergedAt,
});


/** The setup a run starts from, said with its results (the controls may change meanwhile):
 * "XOR, 2-2-1 (sigmoid), η = 2, batch". */
const setupLine = (lab, limits) => {
  const sizes = [];
  for (let n = 0; n <= lab.depth; n++) sizes.push(lab.neurons(n));
  const g = [...new Set(Array.from({ length: lab.depth }, (_, k) => lab.activation(k + 1)))].join(", ");
  const data = limits.datasets.find((d) => d.name === lab.datasetName)?.title ?? lab.datasetName;
  return `${data}, ${sizes.join("-")} (${g}), η = ${fmtShort(lab.learningRate, 3)}`;
};

/** The text of the η list field: the core's default values, compactly. */
const etaListText = (etas) => etas.map((v) => Number(v.toPrecision(3))).join(", ");

/** "about 3 s left" from the time so far and the share done. */
const timeLeft = (elapsedMs, done, total) => {
  if (!done) return "estimating the time left";
  const s = ((elapsedMs / done) * (total - done)) / 1000;
  return s < 1 ? "less than 1 s left" : `about ${s < 10 ? s.toFixed(1) : Math.round(s)} s left`;
};

/** Builds the tab: wires its fields and buttons; returns what the render loop calls. */
export const setupExperiments = (state, ui, actions) => {
  fillExperimentsPanel(ui.experimentsPanel);
  const $ = (id) => document.getElementById(id);
  /** An `<input>` of the tab, by id. */
  const input = (id) => /** @type {HTMLInputElement} */ ($(id));
  const lim = limitsOf(state);
  const ex = state.experiments;
  const dom = {
    progress: $("exp-progress"), bar: /** @type {HTMLProgressElement} */ ($("exp-bar")), progressText: $("exp-progress-text"), cancel: $("exp-cancel"), status: $("exp-status"),
    sweepForm: $("sweep-form"), etas: input("sweep-etas"), etasMsg: $("sweep-etas-message"), sweepEpochs: input("sweep-epochs"),
    sweepEpochsMsg: $("sweep-epochs-message"), curves: $("sweep-curves"), valley: $("sweep-valley"), legend: $("sweep-legend"),
    curvesSaid: $("sweep-curves-said"), valleySaid: $("sweep-valley-said"),
    seedsForm: $("seeds-form"), count: input("seeds-count"), countMsg: $("seeds-count-message"), seedEpochs: input("seeds-epochs"),
    seedEpochsMsg: $("seeds-epochs-message"), cols: { batch: $("seeds-batch"), online: $("seeds-online") },
  };
  Object.assign(ex, {
    pool: null,
    job: null, // the run under way: { kind, total, done, base, t0, parts, cancel }
    sweep: null, // { etas, epochs, runs: [by η index], colours, hot, lines, done }
    seeds: null, // { count, epochs, modes: { batch: { runs, done }, online: … }, shown }
    changed: { sweep: false, seeds: false }, // results arrived since the last drawing
    frameMs: 0, // the tab's own work in the last frame, and the most in one frame of the current run
    longestFrameMs: 0,
    drawnAt: 0,
    pal: null,
    land: null,
  });
  dom.etas.value = etaListText(lim.defaultEtas);
  dom.sweepEpochs.value = String(lim.defaultEpochs);
  dom.count.value = String(lim.defaultSeeds);
  dom.seedEpochs.value = String(lim.defaultSeedEpochs);

  const pool = () => (ex.pool ??= createPool());

  /** The progress bar and its line: hidden when nothing runs. */
  const showProgress = () => {
    const j = ex.job;
    dom.progress.hidden = !j;
    if (!j) {
      dom.bar.value = 0;
      dom.progressText.textContent = "";
      return;
    }
    dom.bar.value = j.total ? j.done / j.total : 0;
    dom.progressText.textContent = `${j.done.toLocaleString("en-US")} of ${j.total.toLocaleString("en-US")} trainings · ${timeLeft(performance.now() - j.t0, j.done, j.total)}`;
  };

  /** Stops the run under way (its workers are terminated; nothing of it arrives afterwards). */
  const cancel = (why) => {
    const j = ex.job;
    if (!j) return;
    ex.job = null;
    j.current?.cancel();
    // What it leaves half done says so (a Cancel, or another run started in its place).
    const left = j.kind === "sweep" ? ex.sweep : ex.seeds;
    if (left && !(j.kind === "sweep" ? left.done : left.modes.online.done)) {
      left.cancelled = true;
      ex.changed[j.kind] = true;
    }
    showProgress();
    if (why) dom.status.textContent = why;
  };

  /**
   * Runs `parts` one after another on the pool: each { kind, settings, count, result(part), done() }.
   * One progress bar over all of them.
   */
  const start = (kind, parts, model) => {
    cancel();
    const job = { kind, total: parts.reduce((a, p) => a + p.count, 0), done: 0, base: 0, t0: performance.now(), current: null };
    ex.job = job;
    ex.longestFrameMs = 0;
    dom.status.textContent = "";
    const next = (k) => {
      if (ex.job !== job) return;
      if (k === parts.length) {
        ex.job = null;
        showProgress();
        dom.status.textContent = `Done: ${job.total.toLocaleString("en-US")} trainings in ${((performance.now() - job.t0) / 1000).toFixed(2)} s on ${pool().size} worker${pool().size === 1 ? "" : "s"} beside the page.`;
        return;
      }
      const p = parts[k];
      job.current = pool().run(p.kind, model, p.settings, {
        progress: (done) => {
          if (ex.job !== job) return;
          job.done = job.base + done;
        },
        result: (part) => {
          if (ex.job === job) p.result(part);
        },
        done: (all) => {
          if (ex.job !== job) return;
          p.done(all);
          job.base += p.count;
          job.done = job.base;
          next(k + 1);
        },
        error: (message) => {
          if (ex.job !== job) return;
          ex.job = null;
          showProgress();
          dom.status.textContent = `The experiment stopped: ${message}`;
        },
      });
    };
    showProgress();
    next(0);
  };

  /** The model the workers start from (the Lab's setup, data and seed, at the seed's weights: the
   * current ones may no longer be numbers), or null with the reason said. */
  const model = () => {
    try {
      const fresh = state.lab.withSetup("{}");
      try {
        return fresh.toModel();
      } finally {
        fresh.free();
      }
    } catch (e) {
      dom.status.textContent = `Cannot start: ${e.message}`;
      return null;
    }
  };

  /** Reads a field through one of the core's parsers; on failure the message goes next to it and null comes back. */
  const parsed = (parse, field, msg) => {
    try {
      const v = parse(field.value);
      say(msg, "", field);
      return v;
    } catch (e) {
      say(msg, e.message ?? String(e), field);
      return null;
    }
  };

  const Lab = state.wasm.Lab;

  const runSweep = () => {
    const etas = parsed((t) => Lab.parseEtaList(t), dom.etas, dom.etasMsg);
    const epochs = parsed((t) => Lab.parseCount(t, "epochs"), dom.sweepEpochs, dom.sweepEpochsMsg);
    if (!etas || epochs == null) return;
    const m = model();
    if (!m) return;
    const list = Array.from(etas);
    const sweep = { model: m, ranOn: setupLine(state.lab, state.limits), cancelled: false, solvedE: state.lab.solvedBelow, etas: list, epochs, runs: new Array(list.length).fill(null), colours: runColours(list.length, (ex.pal ?? palette()).dark), hot: -1, lines: [], done: false, mode: state.lab.mode };
    ex.sweep = sweep;
    ex.changed.sweep = true;
    $("sweep-results").hidden = dom.legend.hidden = false;
    buildLegend();
    start("sweep", [{
      kind: "sweep", count: list.length, settings: { etas: list, epochs },
      result: (part) => {
        for (const raw of [].concat(part)) {
          const r = sweepRun(raw);
          const k = sweep.etas.findIndex((eta, i) => eta === r.eta && !sweep.runs[i]);
          if (k >= 0) sweep.runs[k] = r;
        }
        ex.changed.sweep = true;
      },
      done: (all) => {
        if (all) sweep.runs = [].concat(all).map(sweepRun);
        sweep.done = true;
        ex.changed.sweep = true;
      },
    }], m);
  };

  const runSeeds = () => {
    const count = parsed((t) => Lab.parseCount(t, "seeds"), dom.count, dom.countMsg);
    const epochs = parsed((t) => Lab.parseCount(t, "epochs"), dom.seedEpochs, dom.seedEpochsMsg);
    if (count == null || epochs == null) return;
    const m = model();
    if (!m) return;
    const thumb = lim.defaultThumb;
    const modes = { batch: { runs: [], done: false }, online: { runs: [], done: false } };
    ex.seeds = { model: m, ranOn: setupLine(state.lab, state.limits), cancelled: false, solvedE: state.lab.solvedBelow, count, epochs, thumb, modes, shown: { batch: GALLERY_STEP, online: GALLERY_STEP }, eta: state.lab.learningRate,
      gal: { batch: { due: false }, online: { due: false } } }; // per mode: { due, sorted, tiles: [{ c, r }], next (first picture not drawn), side }
    ex.changed.seeds = true;
    seedsView.buildColumns();
    start("seeds", ["batch", "online"].map((mode) => ({
      kind: "seeds", count, settings: { count, epochs, mode, thumb },
      result: (part) => {
        for (const raw of [].concat(part)) modes[mode].runs.push(seedRun(raw));
        ex.changed.seeds = true;
      },
      done: (all) => {
        if (all) modes[mode].runs = [].concat(all).map(seedRun);
        modes[mode].done = true;
        ex.seeds.gal[mode].due = true;
        ex.changed.seeds = true;
      },
    })), m);
  };

  /** Opens `changes` (η, or seed and mode) of the run that started from `model` (its architecture,
   * data, η, mode and seed, whatever the controls say now) in the main view: a fresh network at
   * epoch 0, the Step tab. */
  const openInMain = (model, changes) => {
    const err = rebuildFrom(state, model, changes);
    if (err) {
      dom.status.textContent = `Could not open it: ${err}`;
      return;
    }
    actions.afterRebuild();
    ui.tabStep.click();
  };

  // ——— η sweep: legend, curves, valley ———

  /** One legend entry per η: a button that opens that η; its text says how the run ended. */
  const buildLegend = () => {
    const s = ex.sweep;
    dom.legend.replaceChildren(...s.etas.map((eta, k) => {
      const b = el("button", { type: "button", class: "exp-key", "data-k": String(k) },
        el("span", { class: "swatch" }), el("span", { class: "key-text" }, `η = ${fmtShort(eta, 3)}`));
      b.querySelector(".swatch").style.background = s.colours[k];
      b.addEventListener("click", () => openInMain(s.model, { learning_rate: eta }));
      b.addEventListener("pointerenter", () => hot(k));
      b.addEventListener("pointerleave", () => hot(-1));
      b.addEventListener("focus", () => hot(k));
      b.addEventListener("blur", () => hot(-1));
      return b;
    }));
  };
  const hot = (k) => {
    if (ex.sweep && ex.sweep.hot !== k) {
      ex.sweep.hot = k;
      ex.changed.sweep = true;
    }
  };

  /** How a run ended, in words. */
  const ending = (r, epochs) =>
    r.divergedAt != null ? `diverged at epoch ${r.divergedAt}`
      : r.solvedAt != null ? `solved at epoch ${r.solvedAt}, E = ${eText(r.final)}`
        : `not solved in ${epochs} epochs, E = ${eText(r.final)}`;

  const drawSweep = () => {
    const s = ex.sweep;
    if (!s) return;
    const pal = ex.pal;
    const { lines, box } = drawSweepCurves(dom.curves, s.runs, s.colours, s.epochs, s.hot, pal);
    s.lines = lines;
    s.box = box;
    drawSweepValley(dom.valley, s.runs, s.colours, s.epochs, pal, s.solvedE);
    [.../** @type {HTMLCollectionOf<HTMLElement>} */ (dom.legend.children)].forEach((b, k) => {
      const r = s.runs[k];
      b.querySelector(".key-text").textContent = `η = ${fmtShort(s.etas[k], 3)}${r ? `: ${ending(r, s.epochs)}` : s.cancelled ? ": cancelled" : " …"}`;
      b.title = `Open η = ${fmtShort(s.etas[k], 3)} in the main view`;
      b.classList.toggle("diverged", !!r && r.divergedAt != null);
      b.classList.toggle("solved", !!r && isSolved(r));
    });
    const done = s.runs.filter(Boolean);
    const solved = done.filter(isSolved).sort((a, b) => a.solvedAt - b.solvedAt);
    const diverged = done.filter((r) => r.divergedAt != null);
    const stuck = done.filter((r) => !isSolved(r) && r.divergedAt == null);
    // Not solved below the smallest η that solved: too slow; above the largest: too large a step.
    const lowest = solved.length ? Math.min(...solved.map((r) => r.eta)) : Infinity;
    const highest = solved.length ? Math.max(...solved.map((r) => r.eta)) : Infinity;
    const slow = stuck.filter((r) => r.eta < lowest);
    const large = stuck.filter((r) => r.eta > highest);
    const between = stuck.filter((r) => r.eta >= lowest && r.eta <= highest);
    const list = (rs) => rs.map((r) => fmtShort(r.eta, 3)).join(", ");
    dom.curvesSaid.textContent = `${done.length} of ${s.etas.length} runs finished${s.cancelled ? " (the sweep was cancelled)" : ""} on ${s.ranOn}, ${s.mode}, ${s.epochs} epochs.` +
      (solved.length ? ` Fastest: η = ${fmtShort(solved[0].eta, 3)}, solved at epoch ${solved[0].solvedAt}.` : " None solved the task.");
    dom.valleySaid.textContent = [
      solved.length ? `Solved with η = ${list(solved.sort((a, b) => a.eta - b.eta))}.` : "",
      slow.length ? `${solved.length ? "Too slow" : "Not solved"}: η = ${list(slow)}.` : "",
      between.length ? `Stuck: η = ${list(between)}.` : "",
      large.length ? `Too large a step (stuck, not solved): η = ${list(large)}.` : "",
      diverged.length ? `Diverged: ${diverged.map((r) => `η = ${fmtShort(r.eta, 3)} at epoch ${r.divergedAt}`).join(", ")}.` : "",
    ].filter(Boolean).join(" ");
  };

  /** The run whose curve passes within 10 px of (x, y) on the loss-curve chart, or −1. */
  const curveAt = (x, y) => {
    const s = ex.sweep;
    if (!s?.lines) return -1;
    let best = -1;
    let bestD = 10;
    s.lines.forEach((pts, k) => {
      if (!pts) return;
      for (let i = 0; i < pts.length; i++) {
        const [x0, y0] = pts[i];
        const [x1, y1] = pts[i + 1] ?? pts[i];
        const dx = x1 - x0;
        const dy = y1 - y0;
        const t = dx || dy ? Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy))) : 0;
        const d = Math.hypot(x - (x0 + t * dx), y - (y0 + t * dy));
        if (d < bestD) {
          bestD = d;
          best = k;
        }
      }
    });
    return best;
  };
  const pointer = (e) => {
    const r = dom.curves.getBoundingClientRect();
    return curveAt(e.clientX - r.left, e.clientY - r.top);
  };
  dom.curves.addEventListener("pointermove", (e) => {
    const k = pointer(e);
    dom.curves.style.cursor = k >= 0 ? "pointer" : "";
    hot(k);
  });
  dom.curves.addEventListener("pointerleave", () => hot(-1));
  dom.curves.addEventListener("click", (e) => {
    const k = pointer(e);
    if (k >= 0) openInMain(ex.sweep.model, { learning_rate: ex.sweep.etas[k] });
  });

  const seedsView = createSeedsView(state, dom.cols, (changes) => openInMain(ex.seeds.model, changes));

  dom.sweepForm.addEventListener("submit", (e) => {
    e.preventDefault();
    runSweep();
  });
  dom.seedsForm.addEventListener("submit", (e) => {
    e.preventDefault();
    runSeeds();
  });
  dom.cancel.addEventListener("click", () => {
    const j = ex.job;
    if (j) cancel(`Cancelled: ${j.done.toLocaleString("en-US")} of ${j.total.toLocaleString("en-US")} trainings had finished.`);
  });

  ex.land = createLandscape(state, ui);

  return {
    /** The tab was shown or hidden. */
    shown: (on) => {
      ex.land.shown(on);
      if (on) ex.changed.sweep = ex.changed.seeds = true;
    },
    /** Every frame while the tab is shown: progress, streamed results (throttled), the landscape. */
    frame: (now) => {
      const t0 = performance.now();
      ex.pal = state.palette ??= palette();
      if (ex.job) showProgress();
      const streaming = !!ex.job;
      if ((ex.changed.sweep || ex.changed.seeds) && (!streaming || now - ex.drawnAt >= STREAM_REDRAW_MS)) {
        ex.drawnAt = now;
        if (ex.changed.sweep) drawSweep();
        if (ex.changed.seeds) seedsView.draw();
        ex.changed.sweep = ex.changed.seeds = false;
      }
      seedsView.drawThumbs(4);
      ex.land.frame(now, ex.pal);
      ex.frameMs = performance.now() - t0; // the tab's own work in this frame (for tests and the benchmark)
      if (ex.job) ex.longestFrameMs = Math.max(ex.longestFrameMs, ex.frameMs);
    },
    /** When the rest of the page redraws (something changed): nothing more to do here. */
    render: (pal) => {
      ex.pal = pal;
    },
    /** Theme or size changed: redraw everything. */
    invalidate: () => {
      ex.changed.sweep = ex.changed.seeds = true;
      for (const g of ex.seeds ? Object.values(ex.seeds.gal) : []) Object.assign(g, { next: 0, side: 0 }); // every picture again
      if (ex.sweep) ex.sweep.colours = runColours(ex.sweep.etas.length, matchMedia("(prefers-color-scheme: dark)").matches);
      ex.land.invalidate();
    },
    cancel: () => cancel("Cancelled."),
  };
};
