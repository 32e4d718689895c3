// In-page half of the experiments' figures, run in the app's page by tools/bench.mjs:
// 1000 seeds × 5000 epochs of 2-2-1 XOR through the worker pool (first run with the workers'
// start-up, then warm; the app paused, then playing) and the page's frame rate meanwhile, the same seeds on one thread for
// comparison, the η sweep 13 × 2000 (pool and page thread), and lab.landscape at 101 × 101.
import { createPool } from "../../www/experiments-pool.js";

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
};

/** Records animation-frame times until the returned function is called; it returns { fps, p95, worst }. */
const recordFrames = () => {
  const times = [];
  let on = true;
  const tick = (t) => {
    times.push(t);
    if (on) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return () => {
    on = false;
    const gaps = times.slice(1).map((t, k) => t - times[k]).sort((a, b) => a - b);
    const span = (times.at(-1) - times[0]) / 1000;
    return { fps: (times.length - 1) / span, p95: gaps[Math.floor(gaps.length * 0.95)], worst: gaps.at(-1), frames: times.length - 1 };
  };
};

/** Runs a job; resolves to { ms, all, firstMs } (firstMs: until the first result). */
const job = (pool, kind, model, settings) =>
  new Promise((resolve, reject) => {
    const t0 = performance.now();
    let firstMs;
    pool.run(kind, model, settings, {
      result: () => (firstMs ??= performance.now() - t0),
      done: (all) => resolve({ ms: performance.now() - t0, all, firstMs }),
      error: (m) => reject(new Error(m)),
    });
  });

/** Every figure, for the page's Lab class `Lab` (the seeds with the app paused, then playing). */
export const measure = async (Lab) => {
  const limits = JSON.parse(Lab.limits()).experiments;
  const lab = Lab.fromSetup("{}"); // the default network: XOR, 2-2-1 sigmoid, as the page opens
  const model = lab.toModel();
  const out = { hardwareConcurrency: navigator.hardwareConcurrency };

  // A worker's start-up: a fresh pool's first one-seed job, then the same job warm.
  const tiny = { count: 1, epochs: 1, mode: "batch", thumb: limits.minThumb };
  const probe = createPool({ size: 1 });
  out.startupMs = (await job(probe, "seeds", model, tiny)).ms;
  out.warmTinyMs = median(await Promise.all([0, 1, 2].map(() => job(probe, "seeds", model, tiny).then((r) => r.ms))));
  probe.close();

  const pool = createPool();
  out.workers = pool.size;
  const seeds = { count: 1000, epochs: 5000, mode: "batch", thumb: limits.defaultThumb };
  // The page paused (it draws when something changes), then playing (it draws every frame).
  const play = (on) => {
    if (window.backpropLab.playing !== on) document.getElementById("play").click();
  };
  play(false);
  let frames = recordFrames();
  const cold = await job(pool, "seeds", model, seeds);
  out.framesPaused = frames();
  out.seedsColdMs = cold.ms;
  out.seedsFirstResultMs = cold.firstMs;
  out.solved = cold.all.filter((r) => r.solvedAt !== null).length;
  out.seedsWarmMs = [];
  for (let k = 0; k < 2; k++) out.seedsWarmMs.push((await job(pool, "seeds", model, seeds)).ms);
  play(true);
  await new Promise((r) => setTimeout(r, 300));
  frames = recordFrames();
  out.seedsPlayingMs = [(await job(pool, "seeds", model, seeds)).ms];
  out.framesPlaying = frames();
  frames = recordFrames();
  await new Promise((r) => setTimeout(r, 2000));
  out.framesPlayingAlone = frames();
  play(false);
  // One thread (the page's), 100 of the seeds: ×10 for the whole.
  let t0 = performance.now();
  lab.seedRuns(0, 100, seeds.epochs, seeds.mode, seeds.thumb);
  out.oneThread100Ms = performance.now() - t0;

  const etas = Float64Array.from(limits.defaultEtas);
  const sweep = { etas: Array.from(etas), epochs: limits.defaultEpochs };
  out.sweepPoolMs = [];
  for (let k = 0; k < 5; k++) out.sweepPoolMs.push((await job(pool, "sweep", model, sweep)).ms);
  out.sweepPageMs = [];
  for (let k = 0; k < 5; k++) {
    t0 = performance.now();
    lab.sweepEta(etas, sweep.epochs);
    out.sweepPageMs.push(performance.now() - t0);
  }
  out.etas = etas.length;
  out.sweepEpochs = sweep.epochs;
  pool.close();

  // The landscape at the default resolution around the weights after some training.
  lab.train(300);
  const res = limits.defaultRes;
  const [p, q] = lab.movedMost(limits.defaultWindow);
  for (let k = 0; k < 20; k++) lab.landscape(p, q, limits.defaultSpan, res);
  const calls = [];
  for (let k = 0; k < 300; k++) {
    t0 = performance.now();
    lab.landscape(p, q, limits.defaultSpan, res);
    calls.push(performance.now() - t0);
  }
  out.landscape = { res, medianMs: median(calls), p95Ms: [...calls].sort((a, b) => a - b)[Math.floor(calls.length * 0.95)] };
  lab.free();
  return out;
};
