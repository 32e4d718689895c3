// Runs the experiments (η sweep, seeds) off the page's thread, on a pool of module workers that
// each instantiate the same wasm as the page (compiled once here, the WebAssembly.Module posted to
// them: a worker neither fetches nor compiles it).
//
//   const pool = createPool();           // optional { size }: workers at most (default
//                                         // defaultWorkers(): one per core but the page's, 1 to 8)
//   pool.size                             // that number; workers start lazily, on a run's demand
//   const job = pool.run(kind, model, settings, handlers);
//     kind "seeds", settings { count, epochs, mode: "batch"|"online", thumb, firstSeed = 0 }:
//       seeds firstSeed … firstSeed + count − 1, chunks of ≤ 25 seeds handed out as workers need them.
//       Each item: { seed, final, solvedAt|null, right, divergedAt|null, thumb } (thumb: thumb×thumb
//       ŷ₁ as a Float64Array, row by row as lab.seedRuns packs it).
//     kind "sweep", settings { etas: number[], epochs }: one η per chunk. Each item: a run of
//       lab.sweepEta, { eta, epochs: [], e: [] (null: not finite), final, solvedAt, divergedAt }.
//     model: lab.toModel() (each worker builds Lab.fromModel(model)).
//     handlers (each optional), called asynchronously, never after the job ended:
//       result(part)                 a chunk's items as an array, in order, as chunks finish
//       progress(done, total, msLeft) seeds or η finished, of total; msLeft from the rate so far
//       done(all)                    every item, in seed / η order (the same for any worker count)
//       error(message)               the core's message (bad settings or model); the job has ended
//   job.cancel()                          ends the job at once: its busy workers are terminated (new
//                                         ones start on demand), no handler is called after it
//   pool.close()                          ends every job silently and terminates every worker
//                                         (run() then throws)
//
// Results are those of lab.seedRuns / lab.sweepEta on the page bit for bit: each seed and each η
// is computed on its own, so the split over chunks and workers does not change a number.

/** The most workers a pool starts, whatever the machine. */
const MAX_WORKERS = 8;

/**
 * Workers by default: one per core but one, which the page keeps for drawing (1 to 8): with a
 * worker on every core the playing page drops frames (docs/benchmarks.md has the figures).
 */
export const defaultWorkers = () => Math.max(1, Math.min(MAX_WORKERS, (navigator.hardwareConcurrency || 2) - 1));
/** The most seeds in one chunk: small enough for steady progress and a fair split at the end. */
const SEEDS_PER_CHUNK = 25;
/** A worker holds chunks for about this many ms of work (2 to 8 chunks), so that it does not
 * wait for a busy page to answer between chunks. */
const AHEAD_MS = 50;
const MAX_AHEAD = 8;
/** Above this many seeds or η a job is sent whole; the worker's core then refuses it with its message. */
const SPLIT_AT_MOST = 1_000_000;

const WORKER_URL = new URL("./experiments-worker.js", import.meta.url);
const WASM_URL = new URL("./pkg/backprop_lab_bg.wasm", import.meta.url);

/** A compiler of the core, compiling it once (per pool; the page has one) for every worker to share —
 * they neither fetch nor compile; a failed compilation is tried again next time. */
const coreCompiler = () => {
  let compiled = null;
  return () => {
    if (!compiled) {
      compiled = WebAssembly.compileStreaming(fetch(WASM_URL));
      compiled.catch(() => {
        compiled = null;
      });
    }
    return compiled;
  };
};

/** Calls a handler; an exception in it is reported without disturbing the pool. */
const call = (f, ...args) => {
  if (typeof f !== "function") return;
  try {
    f(...args);
  } catch (e) {
    if (typeof reportError === "function") reportError(e);
    else setTimeout(() => { throw e; });
  }
};

/** The SeedRun objects of a packed lab.seedRuns array of `count` seeds (stride 5 + thumb²). */
const decodeSeeds = (packed, count) => {
  const stride = count > 0 ? packed.length / count : 0;
  const runs = [];
  for (let k = 0; k + stride <= packed.length && stride >= 5; k += stride) {
    runs.push({
      seed: packed[k], final: packed[k + 1], solvedAt: packed[k + 2] < 0 ? null : packed[k + 2],
      right: packed[k + 3], divergedAt: packed[k + 4] < 0 ? null : packed[k + 4],
      thumb: packed.subarray(k + 5, k + stride),
    });
  }
  return runs;
};

/** The job's chunks as [from, count]: ≤ 25 seeds (fewer when there are few per worker), 1 η. */
const chunksOf = (kind, settings, workers) => {
  const total = kind === "sweep" ? settings?.etas?.length : settings?.count;
  if (!Number.isSafeInteger(total) || total < 1 || total > SPLIT_AT_MOST) return { total: 0, chunks: [[0, Number.isSafeInteger(total) ? total : 0]] };
  const size = kind === "sweep" ? 1 : Math.max(1, Math.min(SEEDS_PER_CHUNK, Math.ceil(total / (4 * workers))));
  const chunks = [];
  for (let from = 0; from < total; from += size) chunks.push([from, Math.min(size, total - from)]);
  return { total, chunks };
};

/**
 * A pool of at most `size` workers (default defaultWorkers()); see the top of this file.
 * @param {{ size?: number }} [options]
 */
export const createPool = ({ size } = {}) => {
  const compileCore = coreCompiler();
  const most = Math.max(1, Math.min(MAX_WORKERS, Math.floor(size ?? defaultWorkers())));
  /** { worker, tasks }: tasks are the chunks handed to it, oldest first (it answers in order). */
  const workers = [];
  /** Chunks not handed out yet, oldest job first. */
  const queue = [];
  let closed = false;
  let nextId = 1;

  /** Terminates a worker; its chunks of jobs still running go back to the front of the queue. */
  const retire = (w) => {
    w.worker.onmessage = w.worker.onerror = w.worker.onmessageerror = null;
    w.worker.terminate();
    queue.unshift(...w.tasks.filter((t) => !t.job.over));
    w.tasks = [];
    const k = workers.indexOf(w);
    if (k >= 0) workers.splice(k, 1);
  };

  const drop = (job) => {
    job.over = true;
    for (let k = queue.length - 1; k >= 0; k--) if (queue[k].job === job) queue.splice(k, 1);
  };

  /** Ends a job at once: its queued chunks dropped, the workers computing its chunks terminated. */
  const stop = (job) => {
    drop(job);
    for (const w of workers.filter((w) => w.tasks.some((t) => t.job === job))) retire(w);
  };

  /** Ends a job with an error: its queued chunks dropped; workers finish the chunks they have (the
   * results are ignored) and stay for later jobs. */
  const fail = (job, message) => {
    if (job.over) return;
    drop(job);
    call(job.handlers.error, message);
  };

  const give = (w, task) => {
    w.tasks.push(task);
    const { job } = task;
    w.worker.postMessage({ type: "task", id: task.id, kind: job.kind, model: job.model, settings: job.settings, from: task.from, count: task.count });
  };

  const spawn = () => {
    const worker = new Worker(WORKER_URL, { type: "module", name: "experiments" });
    const w = { worker, tasks: [] };
    worker.onmessage = ({ data }) => received(w, data);
    worker.onerror = (e) => {
      e.preventDefault?.();
      crashed(w, `the experiments worker failed${e.message ? `: ${e.message}` : " to start"}`);
    };
    worker.onmessageerror = () => crashed(w, "the experiments worker sent a result that could not be read");
    workers.push(w);
    // The worker loads its scripts while the core still compiles (the first time); its chunks wait.
    compileCore().then(
      (module) => {
        if (workers.includes(w)) worker.postMessage({ type: "init", module });
      },
      (e) => crashed(w, `the WebAssembly core did not load for the experiments (${e.message})`),
    );
    return w;
  };

  /** Epochs (of one seed or η) a worker ran per ms in the last chunk of any job: the first guess
   * of a new job's chunk time, until one of its own chunks has been timed. */
  let epochsPerMs;
  /** Chunks a worker may hold of `job`: about AHEAD_MS of work, 2 when no time is known. */
  const ahead = (job, task) => {
    const ms = job.chunkMs ?? (task.count * job.settings.epochs) / epochsPerMs;
    return Number.isFinite(ms) ? Math.min(MAX_AHEAD, Math.max(2, Math.ceil(AHEAD_MS / Math.max(ms, 0.1)))) : 2;
  };

  /** Hands queued chunks out: one to each idle worker, new workers up to `most`, then, round by
   * round, more to each up to `ahead` (a worker then starts its next chunk without waiting for the
   * page to answer, which a busy page does late; at the end, workers differ by ≤ AHEAD_MS of work). */
  const pump = () => {
    if (closed) return;
    for (const w of workers) if (!w.tasks.length && queue.length) give(w, queue.shift());
    while (queue.length && workers.length < most) give(spawn(), queue.shift());
    for (let gave = true; gave; ) {
      gave = false;
      for (const w of workers) {
        if (!queue.length || w.tasks.length >= ahead(queue[0].job, queue[0])) continue;
        give(w, queue.shift());
        gave = true;
      }
    }
  };

  const crashed = (w, message) => {
    if (!workers.includes(w)) return;
    const job = w.tasks[0]?.job;
    w.tasks.shift();
    retire(w);
    if (job) fail(job, message);
    pump();
  };

  const finished = (task, data) => {
    const { job } = task;
    if (job.over) return;
    const part = job.kind === "seeds" ? decodeSeeds(data, task.count) : data;
    job.parts[task.index] = part;
    job.done += task.count;
    job.left--;
    const rate = job.done / Math.max(performance.now() - job.t0, 1e-3);
    const msLeft = job.left ? (job.total - job.done) / rate : 0;
    call(job.handlers.result, part);
    if (job.over) return; // the handler cancelled it
    call(job.handlers.progress, job.done, job.total, msLeft);
    if (job.over || job.left) return;
    job.over = true;
    call(job.handlers.done, job.parts.flat());
  };

  const received = (w, msg) => {
    if (msg?.type === "ready") return;
    const task = w.tasks[0];
    if (!task || msg?.id !== task.id) return;
    w.tasks.shift();
    if (msg.type === "error") {
      if (msg.fatal) retire(w);
      fail(task.job, msg.message);
      pump();
    } else {
      if (msg.ms > 0) {
        task.job.chunkMs = msg.ms;
        epochsPerMs = (task.count * task.job.settings.epochs) / msg.ms;
      }
      pump(); // the next chunk goes out before the handlers run
      finished(task, msg.data);
    }
  };

  const run = (kind, model, settings, handlers = {}) => {
    if (closed) throw new Error("experiments: the pool is closed");
    const { total, chunks } = chunksOf(kind, settings, most);
    const job = { kind, model, settings, handlers, total, parts: new Array(chunks.length), left: chunks.length, done: 0, t0: performance.now(), over: false };
    chunks.forEach(([from, count], index) => queue.push({ id: nextId++, job, index, from, count }));
    pump();
    return {
      cancel: () => {
        stop(job);
        pump();
      },
    };
  };

  const close = () => {
    closed = true;
    for (const task of queue) task.job.over = true;
    queue.length = 0;
    for (const w of [...workers]) {
      for (const t of w.tasks) t.job.over = true;
      retire(w);
    }
  };

  return { size: most, run, close };
};
