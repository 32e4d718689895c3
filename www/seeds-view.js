// The Experiments tab's seeds section: per mode (batch and online, side by side) the solved count,
// a histogram of final E, and a gallery of decision-boundary thumbnails sorted by final E — stuck
// and diverged ones outlined and labelled — each opening its seed in the main view. A gallery is
// built once its mode has finished, 200 tiles at a time ("Show more"), their pictures drawn a few
// per frame. Its data lives in state.experiments.seeds.

import { fmtShort, el, outputToUnit } from "./util.js";
import { drawHistogram, drawThumb, eText } from "./experiments-charts.js";

/** Thumbnails shown at first, and added by each "Show more". */
export const GALLERY_STEP = 200;

/** A run solved by the core's criterion (it reports the epoch it was first met) and not diverged
 * after it: the one reading of a run's solvedAt and divergedAt, for the sweep and the seeds. */
export const isSolved = (r) => r.solvedAt != null && r.divergedAt == null;

/** The seeds section of the tab: `cols` its two column elements, `openInMain(changes)` opens a seed. */
export const createSeedsView = (state, cols, openInMain) => {
  const $ = (id) => document.getElementById(id);
  const ex = state.experiments;
  const MODE_TITLE = { batch: "batch (all patterns, then one update)", online: "online (an update after each pattern)" };

  const buildSeedColumns = () => {
    for (const mode of ["batch", "online"]) {
      const id = `seeds-${mode}`;
      const col = cols[mode];
      const more = el("button", { type: "button", class: "show-more", hidden: "" }, "Show more");
      more.addEventListener("click", () => {
        ex.seeds.shown[mode] += GALLERY_STEP;
        ex.seeds.gal[mode].due = true;
        ex.changed.seeds = true;
      });
      const gallery = el("div", { class: "gallery", role: "group", "aria-label": `Decision boundaries, ${mode}, sorted by final E (open a seed in the main view)` });
      gallery.addEventListener("click", (e) => {
        const b = e.target.closest("button[data-seed]");
        if (b) openInMain({ seed: Number(b.dataset.seed), mode });
      });
      col.replaceChildren(
        el("h4", {}, MODE_TITLE[mode]),
        el("p", { class: "solved-line", id: `${id}-rate` }, "…"),
        el("canvas", { class: "histogram", id: `${id}-hist`, "aria-describedby": `${id}-hist-said` }),
        el("p", { class: "said", id: `${id}-hist-said` }),
        gallery,
        more,
      );
    }
  };

  const byFinal = (a, b) => (Number.isFinite(a.final) ? a.final : Infinity) - (Number.isFinite(b.final) ? b.final : Infinity) || a.seed - b.seed;

  /** The patterns as thumbnail marks: [x in 0..1, y in 0..1 from the top, class] (none for over 16). */
  const thumbPoints = () => {
    const d = state.lab.domain();
    const { inputs, targets } = state.patterns;
    const N = state.lab.neurons(0);
    const K = state.lab.neurons(state.lab.depth);
    if (N !== 2 || state.lab.patternCount > 16) return []; // more marks than a thumbnail can show
    const pts = [];
    for (let m = 0; m < state.lab.patternCount; m++) {
      pts.push([(inputs[m * N] - d[0]) / (d[1] - d[0]), (d[3] - inputs[m * N + 1]) / (d[3] - d[2]), targets[m * K] > 0.5]);
    }
    return pts;
  };

  /** The counts and histograms (as results stream in); a gallery once its mode has finished. */
  const drawSeeds = () => {
    const S = ex.seeds;
    if (!S) return;
    const pal = ex.pal;
    for (const mode of ["batch", "online"]) {
      const { runs, done } = S.modes[mode];
      const id = `seeds-${mode}`;
      const solved = runs.filter(isSolved).length;
      const stuck = runs.length - solved;
      const p = runs.length ? (100 * solved) / runs.length : 0;
      $(`${id}-rate`).textContent = runs.length
        ? `${solved.toLocaleString("en-US")} of ${runs.length.toLocaleString("en-US")} solved (${p.toFixed(p > 0 && p < 1 ? 1 : 0)} %)${done ? "" : S.cancelled ? " — cancelled" : ` — ${(S.count - runs.length).toLocaleString("en-US")} still training`}`
        : done ? "nothing ran" : S.cancelled ? "cancelled" : "waiting…";
      const hist = drawHistogram($(`${id}-hist`), runs, pal, isSolved, S.solvedE);
      const diverged = hist.diverged ? `, ${hist.diverged} diverged` : "";
      $(`${id}-hist-said`).textContent = runs.length
        ? `Ran on ${S.ranOn}, ${S.epochs} epochs from seeds 0 … ${S.count - 1}. Histogram of final E: ${solved} solved (E below ${fmtShort(S.solvedE, 2)}, blue), ${stuck - hist.diverged} stuck (orange, hatched)${diverged}. Median final E ${eText(median(runs))}.`
        : "";
    }
    // After both histograms: they read their canvas's size, which would lay out a gallery's new tiles at once.
    for (const mode of ["batch", "online"]) if (S.modes[mode].done && S.gal[mode].due) buildGallery(mode);
  };
  const median = (runs) => runs.map((r) => (Number.isFinite(r.final) ? r.final : Infinity)).sort((a, b) => a - b)[runs.length >> 1];

  /**
   * A finished mode's gallery, sorted by final E: the buttons for the first S.shown[mode] (those
   * not there yet; Show more adds), their pictures drawn a few per frame by drawThumbs.
   */
  const buildGallery = (mode) => {
    const S = ex.seeds;
    const g = S.gal[mode];
    g.due = false;
    const runs = S.modes[mode].runs;
    const host = cols[mode].querySelector(".gallery");
    if (!g.sorted || g.sorted.length !== runs.length) {
      g.sorted = [...runs].sort(byFinal);
      g.tiles = [];
      g.next = 0;
      host.replaceChildren();
    }
    g.toUnit = outputToUnit(state.lab.activation(state.lab.depth));
    g.points = thumbPoints();
    const fresh = [];
    for (let k = g.tiles.length; k < Math.min(g.sorted.length, S.shown[mode]); k++) {
      const r = g.sorted[k];
      const ok = isSolved(r);
      const what = r.divergedAt != null ? `diverged at epoch ${r.divergedAt}` : ok ? `solved at epoch ${r.solvedAt}` : `stuck, ${r.right} of ${state.lab.patternCount} right`;
      const tag = r.divergedAt != null ? " diverged" : ok ? "" : " stuck";
      const b = el("button", { type: "button", class: `thumb${ok ? "" : " stuck"}`, "data-seed": String(r.seed),
        "aria-label": `Seed ${r.seed}${tag}: E = ${eText(r.final)}, ${what}. Open it in the main view (${mode})`, title: `seed ${r.seed} · E = ${eText(r.final)} · ${what}` });
      const c = el("canvas", { "aria-hidden": "true" });
      b.append(c, el("span", { class: "thumb-label" }, `${r.seed}`, tag ? " " : "", tag ? el("span", { class: "thumb-tag" }, tag.trim()) : ""));
      g.tiles.push({ c, r });
      fresh.push(b);
    }
    host.append(...fresh);
    g.side = 0; // measured once, when the first picture is drawn
    g.settle = true; // … in the next frame, after the browser has laid the new tiles out
    const more = cols[mode].querySelector(".show-more");
    more.hidden = g.sorted.length <= g.tiles.length;
    more.textContent = `Show more (${g.tiles.length.toLocaleString("en-US")} of ${g.sorted.length.toLocaleString("en-US")} shown)`;
  };

  /** Draws waiting thumbnails for at most `budgetMs` (so a gallery of 200 spreads over frames). */
  const drawThumbs = (budgetMs) => {
    const S = ex.seeds;
    if (!S) return;
    const t0 = performance.now();
    for (const mode of ["batch", "online"]) {
      const g = S.gal[mode];
      if (g.settle) {
        g.settle = false;
        continue;
      }
      while (g.tiles && g.next < g.tiles.length) {
        if (performance.now() - t0 > budgetMs) return;
        g.side ||= g.tiles[0].c.clientWidth; // one layout for the whole gallery
        if (!g.side) return;
        const { c, r } = g.tiles[g.next++];
        if (r.thumb?.length) drawThumb(c, r.thumb, S.thumb, ex.pal, g.toUnit, g.points, g.side);
      }
    }
  };

  return { buildColumns: buildSeedColumns, draw: drawSeeds, drawThumbs };
};
