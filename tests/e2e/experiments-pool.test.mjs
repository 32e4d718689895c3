// The experiments' worker pool (www/experiments-pool.js) in the page: with 1, 2 and 3 workers its
// seed runs and η sweeps are those of lab.seedRuns / lab.sweepEta on the page's thread bit for bit,
// and the native numbers of tests/golden/experiments.json (tests/experiments_golden.rs); results
// stream in, progress counts up to the total, done comes in seed / η order; Cancel of a 10 000-seed
// run stops every callback and worker at once; bad settings and a bad model come back as the core's
// message, and the pool works on after them; no console error (CSP) meanwhile.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { useBrowser, openApp, ROOT } from "./harness.mjs";

const env = useBrowser();
const golden = JSON.parse(readFileSync(join(ROOT, "tests/golden/experiments.json"), "utf8"));

/** A double from the hex of its bits. */
const fromBits = (hex) => {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
};

/** Installs window.poolTest in the page: runs a job on a pool of `size` workers, recording every
 * callback; and the golden file's form of seed runs and sweep runs (hex of bits, FNV-1a). */
const install = (page) =>
  page.evaluate(async () => {
    const { createPool } = await import("/www/experiments-pool.js");
    const view = new DataView(new ArrayBuffer(8));
    const hex = (x) => {
      if (!Number.isFinite(x)) return null;
      view.setFloat64(0, x);
      return view.getBigUint64(0).toString(16).padStart(16, "0");
    };
    const fnv = (values) => {
      let h = 0xcbf29ce484222325n;
      for (const v of values) {
        view.setFloat64(0, Number.isFinite(v) ? v : NaN, true);
        for (let k = 0; k < 8; k++) h = ((h ^ BigInt(view.getUint8(k))) * 0x100000001b3n) & 0xffffffffffffffffn;
      }
      return h.toString(16).padStart(16, "0");
    };
    const seedForm = (r) => ({ divergedAt: r.divergedAt, final: hex(r.final), right: r.right, seed: r.seed, solvedAt: r.solvedAt, thumb: fnv(r.thumb) });
    const sweepForm = (r) => ({ curve: fnv(r.e.map((e) => (e === null ? NaN : e))), divergedAt: r.divergedAt, eta: hex(r.eta), final: hex(r.final), points: r.epochs.length, solvedAt: r.solvedAt });
    /** The page's own lab.seedRuns, decoded as the pool decodes it. */
    const decode = (packed, count) => {
      const stride = packed.length / count;
      return Array.from({ length: count }, (_, s) => {
        const k = s * stride;
        return { seed: packed[k], final: packed[k + 1], solvedAt: packed[k + 2] < 0 ? null : packed[k + 2], right: packed[k + 3], divergedAt: packed[k + 4] < 0 ? null : packed[k + 4], thumb: Array.from(packed.subarray(k + 5, k + stride)) };
      });
    };
    const run = (pool, kind, model, settings) =>
      new Promise((resolve) => {
        const log = { parts: [], progress: [] };
        pool.run(kind, model, settings, {
          result: (part) => log.parts.push(part),
          progress: (done, total, msLeft) => log.progress.push([done, total, msLeft]),
          done: (all) => resolve({ ...log, all }),
          error: (message) => resolve({ ...log, error: message }),
        });
      });
    window.poolTest = { createPool, run, seedForm, sweepForm, decode };
  });

test("the pool's numbers are the page's and the native ones, for 1, 2 and 3 workers", async () => {
  const { page, errors } = await openApp(env.browser, env.server.url);
  const workers = [];
  page.on("worker", (w) => workers.push(w));
  await install(page);
  const { seeds, sweep } = golden;
  const etas = sweep.runs.map((r) => fromBits(r.eta));
  const got = await page.evaluate(
    async ({ seeds, sweep, etas }) => {
      const { createPool, run, seedForm, sweepForm, decode } = window.poolTest;
      const lab = window.backpropLab.lab;
      const model = lab.toModel();
      const page = {
        batch: decode(lab.seedRuns(seeds.first, seeds.count, seeds.epochs, "batch", seeds.thumb), seeds.count),
        online: decode(lab.seedRuns(seeds.first, seeds.count, seeds.epochs, "online", seeds.thumb), seeds.count),
        sweep: JSON.parse(lab.sweepEta(Float64Array.from(etas), sweep.epochs)).runs,
      };
      const out = { page: { batch: page.batch.map(seedForm), online: page.online.map(seedForm), sweep: page.sweep.map(sweepForm) }, pools: [] };
      for (const size of [1, 2, 3]) {
        const pool = createPool({ size });
        const jobs = {};
        for (const mode of ["batch", "online"]) {
          jobs[mode] = await run(pool, "seeds", model, { count: seeds.count, epochs: seeds.epochs, mode, thumb: seeds.thumb, firstSeed: seeds.first });
        }
        jobs.sweep = await run(pool, "sweep", model, { etas, epochs: sweep.epochs });
        const same = (a, b) => a.length === b.length && a.every((x, k) => Object.is(x, b[k]));
        const check = {};
        for (const mode of ["batch", "online"]) {
          const { all, parts, progress } = jobs[mode];
          check[mode] = {
            error: jobs[mode].error,
            form: all?.map(seedForm),
            // every number of every run, thumbnails included, as on the page's thread
            exact: !!all && all.length === page[mode].length && all.every((r, k) => {
              const p = page[mode][k];
              return same([r.seed, r.final, r.solvedAt, r.right, r.divergedAt], [p.seed, p.final, p.solvedAt, p.right, p.divergedAt]) && same(Array.from(r.thumb), p.thumb);
            }),
            streamed: parts.flat().map((r) => r.seed),
            progress: progress.map(([done, total]) => [done, total]),
            msLeft: progress.map(([, , ms]) => ms),
          };
        }
        check.sweep = { error: jobs.sweep.error, form: jobs.sweep.all?.map(sweepForm), exact: JSON.stringify(jobs.sweep.all) === JSON.stringify(page.sweep), streamed: jobs.sweep.parts.flat().map((r) => r.eta), progress: jobs.sweep.progress.map(([done, total]) => [done, total]) };
        pool.close();
        out.pools.push({ size, poolSize: pool.size, check });
      }
      return out;
    },
    { seeds, sweep, etas },
  );
  // The page's thread against the native numbers.
  assert.deepEqual(got.page.batch, seeds.batch, "page, batch seeds = native");
  assert.deepEqual(got.page.online, seeds.online, "page, online seeds = native");
  assert.deepEqual(got.page.sweep, sweep.runs, "page, sweep = native");
  for (const { size, poolSize, check } of got.pools) {
    assert.equal(poolSize, size);
    for (const mode of ["batch", "online"]) {
      const c = check[mode];
      assert.equal(c.error, undefined, `${size} workers, ${mode}: no error`);
      assert.ok(c.exact, `${size} workers, ${mode}: bit for bit the page's lab.seedRuns`);
      assert.deepEqual(c.form, seeds[mode], `${size} workers, ${mode}: the native numbers`);
      assert.deepEqual([...c.streamed].sort((a, b) => a - b), Array.from({ length: seeds.count }, (_, k) => k), "each seed streamed once");
      assert.deepEqual(c.progress.at(-1), [seeds.count, seeds.count], "progress ends at the total");
      assert.ok(c.progress.every(([done], k) => k === 0 || done > c.progress[k - 1][0]), "progress counts up");
      assert.ok(c.msLeft.every((ms) => Number.isFinite(ms) && ms >= 0) && c.msLeft.at(-1) === 0, `time left: ${c.msLeft}`);
    }
    assert.equal(check.sweep.error, undefined);
    assert.ok(check.sweep.exact, `${size} workers: the sweep is the page's lab.sweepEta`);
    assert.deepEqual(check.sweep.form, sweep.runs, `${size} workers: the sweep's native numbers`);
    assert.deepEqual(check.sweep.progress, etas.map((_, k) => [k + 1, etas.length]));
    assert.deepEqual([...check.sweep.streamed].sort((a, b) => a - b), [...etas].sort((a, b) => a - b));
  }
  // Workers started lazily, up to the pool's size: 1 + 2 + 3.
  assert.equal(workers.length, 6, "workers started");
  assert.deepEqual(errors, [], "no console error (the CSP allows the module workers and the wasm)");
});

test("Cancel of a 10 000-seed run stops every callback and terminates the workers within a frame", async () => {
  const { page, errors } = await openApp(env.browser, env.server.url);
  const workers = [];
  page.on("worker", (w) => {
    const entry = { closed: false };
    entry.closing = new Promise((resolve) => w.on("close", () => resolve((entry.closed = true))));
    workers.push(entry);
  });
  await install(page);
  const got = await page.evaluate(async () => {
    const { createPool } = window.poolTest;
    const pool = createPool({ size: 2 });
    const model = window.backpropLab.lab.toModel();
    const calls = [];
    let cancelledAt = Infinity;
    let firstProgress;
    const started = new Promise((resolve) => (firstProgress = resolve));
    const job = pool.run("seeds", model, { count: 10_000, epochs: 5000, mode: "batch", thumb: 16 }, {
      result: () => calls.push(["result", performance.now()]),
      progress: (done, total) => {
        calls.push(["progress", performance.now(), done, total]);
        firstProgress();
      },
      done: () => calls.push(["done", performance.now()]),
      error: (m) => calls.push(["error", performance.now(), m]),
    });
    await started;
    job.cancel();
    cancelledAt = performance.now();
    const before = calls.length;
    const frame = () => new Promise(requestAnimationFrame);
    await frame();
    const afterFrame = calls.length;
    // A new run gets new workers and finishes; nothing of the cancelled job arrives meanwhile either
    // (the workers' queued messages are dropped with them) — a condition, not a time: any late
    // message of the old workers would have come before the new run's answers.
    const again = await window.poolTest.run(pool, "seeds", model, { count: 30, epochs: 100, mode: "batch", thumb: 4 });
    const late = calls.filter((c) => c[1] >= cancelledAt);
    pool.close();
    return { before, afterFrame, late, progressed: calls.filter((c) => c[0] === "progress").at(-1), againSeeds: again.all?.map((r) => r.seed), againError: again.error };
  });
  assert.ok(got.progressed[2] < got.progressed[3], `cancelled mid-run (${got.progressed[2]} of ${got.progressed[3]})`);
  assert.equal(got.afterFrame, got.before, "no callback in the frame after cancel()");
  assert.deepEqual(got.late, [], "no callback after cancel()");
  assert.equal(got.againError, undefined);
  assert.deepEqual(got.againSeeds, Array.from({ length: 30 }, (_, k) => k), "the pool runs again after a cancel");
  // The two workers of the cancelled run were terminated (the new run's, closed with the pool, too).
  assert.ok(workers.length >= 3, `new workers after cancel: ${workers.length} started`);
  // Every worker's close event comes (the test's own timeout bounds the wait).
  await Promise.all(workers.map((w) => w.closing));
  assert.deepEqual(workers.map((w) => w.closed), workers.map(() => true), "every worker terminated");
  assert.deepEqual(errors, []);
});

test("bad settings and a bad model come back as the core's message; the pool works on", async () => {
  const { page, errors } = await openApp(env.browser, env.server.url);
  await install(page);
  const got = await page.evaluate(async () => {
    const { createPool, run } = window.poolTest;
    const lab = window.backpropLab.lab;
    const Lab = lab.constructor;
    const model = lab.toModel();
    const pool = createPool({ size: 2 });
    const message = (f) => {
      try {
        f();
        return "no error";
      } catch (e) {
        return e.message;
      }
    };
    const cases = [
      ["bad model", "seeds", "{ not a model", { count: 10, epochs: 10, mode: "batch", thumb: 4 }, () => Lab.fromModel("{ not a model")],
      ["no seeds", "seeds", model, { count: 0, epochs: 10, mode: "batch", thumb: 4 }, () => Lab.parseCount("0", "seeds")],
      ["too many seeds", "seeds", model, { count: 10_001, epochs: 10, mode: "batch", thumb: 4 }, () => Lab.parseCount("10001", "seeds")],
      ["too many epochs", "seeds", model, { count: 10, epochs: 1e9, mode: "batch", thumb: 4 }, () => lab.seedRuns(0, 1, 1e9, "batch", 4)],
      ["a bad mode", "seeds", model, { count: 10, epochs: 10, mode: "sideways", thumb: 4 }, () => lab.seedRuns(0, 1, 10, "sideways", 4)],
      ["no η", "sweep", model, { etas: [], epochs: 10 }, () => Lab.parseEtaList("")],
      ["η ≤ 0", "sweep", model, { etas: [0.1, -1], epochs: 10 }, () => Lab.parseEtaList("0.1 -1")],
      ["too many η", "sweep", model, { etas: Array.from({ length: 65 }, () => 0.5), epochs: 10 }, () => Lab.parseEtaList(Array(65).fill("0.5").join(" "))],
      ["an unknown kind", "dance", model, {}, () => { throw new Error('experiments: unknown kind "dance" (seeds or sweep)'); }],
    ];
    const out = [];
    for (const [what, kind, m, settings, expected] of cases) {
      const r = await run(pool, kind, m, settings);
      out.push({ what, error: r.error, want: message(expected), results: r.parts.length, done: !!r.all });
    }
    const after = await run(pool, "sweep", model, { etas: [0.5, 2], epochs: 50 });
    pool.close();
    return { out, after: after.all?.map((r) => r.eta) };
  });
  for (const { what, error, want, results, done } of got.out) {
    assert.ok(want !== "no error" && want.length > 0, `${what}: the core refuses it on the page too`);
    assert.equal(error, want, `${what}: the core's message`);
    assert.equal(results, 0, `${what}: no result`);
    assert.equal(done, false, `${what}: not done`);
  }
  assert.deepEqual(got.after, [0.5, 2], "the pool runs after errors");
  assert.deepEqual(errors, []);
});
