// The benchmark: prints the figures of the performance targets, natively and in headless Chromium,
// and writes them to docs/benchmarks.md as its "Last run". Run with `npm run bench` (it builds the
// release wasm first). Figures, not pass/fail. Only the experiments' figures:
// `node tools/bench.mjs --experiments`.
import { execFileSync } from "node:child_process";
import { cpus, loadavg, totalmem } from "node:os";
import { serve, launch, appUrl } from "../tests/e2e/harness.mjs";
import { sizeReport } from "./sizes.mjs";
import { recordLastRun } from "./bench-record.mjs";

/** Every line printed, for the record. */
const printed = [];
/** Prints `text` and keeps its lines for the record. */
const say = (text = "") => {
  console.log(text);
  printed.push(...text.split("\n"));
};
const startLoad = loadavg()[0];
/** Writes what was printed to docs/benchmarks.md, with the command, the date and the machine. */
const record = (browser) => {
  const command = `node tools/bench.mjs${process.argv.slice(2).map((a) => ` ${a}`).join("")}`;
  const date = `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`;
  const machine = `${cpus()[0].model}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, load average ${startLoad.toFixed(2)} at the start; Node ${process.version}, Chromium ${browser.version()}`;
  recordLastRun({ command, date, machine }, printed);
  console.log("\n[record] written to docs/benchmarks.md (Last run)");
};

const fmt = (v, d = 0) => (Number.isFinite(v) ? v.toLocaleString("en-US", { maximumFractionDigits: d }) : "n/a");
const mb = (b) => `${(b / 2 ** 20).toFixed(1)} MiB`;

/**
 * The experiments' figures (tests/bench/experiments.js in the app's page): seeds and the
 * η sweep through the worker pool, the page's frame rate during the seeds (the page paused, then
 * playing at its default speed), and the loss landscape.
 */
const experimentFigures = async (browser, url) => {
  const load = loadavg()[0];
  const app = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  app.on("pageerror", (e) => console.error("page error:", e));
  app.on("console", (m) => m.type() === "error" && console.error("console error:", m.text()));
  await app.goto(appUrl(url));
  await app.waitForFunction(() => window.backpropLab?.snapshot);
  const x = await app.evaluate(async () => {
    const { measure } = await import("/tests/bench/experiments.js");
    return measure(window.backpropLab.lab.constructor);
  });
  await app.context().close();
  const ms = (v) => `${fmt(v, 0)} ms`;
  const best = (xs) => Math.min(...xs);
  say(`\n[browser] experiments in workers (${x.workers} worker${x.workers === 1 ? "" : "s"}: hardwareConcurrency − 1 = ${x.hardwareConcurrency} − 1, 1 to 8; load average before: ${load.toFixed(2)} on ${cpus().length} cores)`);
  say(`worker start-up: ${ms(x.startupMs)} for a fresh pool's first 1-seed job (module worker, the core's compiled module posted to it), ${fmt(x.warmTinyMs, 1)} ms warm`);
  const f = (r) => `${fmt(r.fps, 1)} fps, p95 frame ${fmt(r.p95, 1)} ms, longest ${fmt(r.worst, 1)} ms`;
  say(`1000 seeds × 5000 epochs, 2-2-1 XOR batch (target ≤ 2 s); ${x.solved} of 1000 solve`);
  say(`  page paused: ${ms(x.seedsColdMs)} with the workers' start-up (first result after ${ms(x.seedsFirstResultMs)}), warm ${x.seedsWarmMs.map(ms).join(" / ")}; the page meanwhile ${f(x.framesPaused)}`);
  say(`  page playing (default speed): ${x.seedsPlayingMs.map(ms).join(" / ")}; the page meanwhile ${f(x.framesPlaying)} (target ≥ 55 fps); playing alone after it ${f(x.framesPlayingAlone)}`);
  say(`  the same seeds on the page's thread alone: ${ms(10 * x.oneThread100Ms)} (100 seeds in ${ms(x.oneThread100Ms)}, × 10); pool speed-up ${fmt((10 * x.oneThread100Ms) / best(x.seedsWarmMs), 2)}× (page paused)`);
  say(`η sweep ${x.etas} × ${x.sweepEpochs}: pool ${x.sweepPoolMs.map(ms).join(" / ")}, page thread ${x.sweepPageMs.map(ms).join(" / ")} (target ≤ 200 ms)`);
  say(`loss landscape ${x.landscape.res} × ${x.landscape.res} (lab.landscape, 300 calls): median ${fmt(x.landscape.medianMs, 2)} ms, p95 ${fmt(x.landscape.p95Ms, 2)} ms (target ≤ 8 ms)`);
};

say(`Backprop Lab benchmark — ${new Date().toISOString().slice(0, 10)}, ${cpus()[0].model}, ${cpus().length} cores`);
if (process.argv.includes("--experiments")) {
  // Only the experiments' figures: `node tools/bench.mjs --experiments` (after `bash tools/build.sh`).
  const server = await serve();
  const browser = await launch();
  await experimentFigures(browser, server.url);
  record(browser);
  await browser.close();
  await server.close();
  process.exit(0);
}
say("\n[native] cargo bench --bench native");
const native = execFileSync("cargo", ["bench", "--quiet", "--bench", "native"], { encoding: "utf8" });
say(native.trimEnd());
const nativeRates = {};
for (const m of native.matchAll(/native (\S+): (\d+) XOR batch epochs\/s, (\d+) grid/g)) nativeRates[m[1]] = { epochs: +m[2], grid: +m[3] };

const server = await serve();
const browser = await launch(["--enable-precise-memory-info", "--js-flags=--expose-gc"]);
const page = await (await browser.newContext()).newPage();
page.on("pageerror", (e) => console.error("page error:", e));
await page.goto(`${server.url}tests/bench/bench.html`);
await page.waitForFunction(() => window.results, null, { timeout: 300_000 });
const r = await page.evaluate(() => window.results);
if (r.error) throw new Error(r.error);

say("\n[browser] Lab.train and the grid vs the Node/Link object-graph baseline (same run)");
say("net      | Lab.train epochs/s | baseline epochs/s | × baseline (≥ 4) | native epochs/s | native ÷ wasm (≤ 2.5)");
for (const n of r.nets) {
  const nat = nativeRates[n.name] ?? {};
  say(`${n.name.padEnd(8)} | ${fmt(n.labEpochs).padStart(18)} | ${fmt(n.baseEpochs).padStart(17)} | ${fmt(n.labEpochs / n.baseEpochs, 2).padStart(16)} | ${fmt(nat.epochs).padStart(15)} | ${fmt(nat.epochs / n.labEpochs, 2)}`);
}
say("net      | grid passes/s (wasm) | baseline passes/s | × baseline (≥ 4) | native passes/s | native ÷ wasm (≤ 2.5)");
for (const n of r.nets) {
  const nat = nativeRates[n.name] ?? {};
  say(`${n.name.padEnd(8)} | ${fmt(n.labGrid).padStart(20)} | ${fmt(n.baseGrid).padStart(17)} | ${fmt(n.labGrid / n.baseGrid, 2).padStart(16)} | ${fmt(nat.grid).padStart(15)} | ${fmt(nat.grid / n.labGrid, 2)}`);
}
const { small, large } = r.memory;
say("\n[browser] memory after long runs (2-2-1; loss history bounded)");
say(`after ${fmt(small.epochs)} epochs: wasm memory ${mb(small.wasm)}, JS heap ${mb(small.heap)}, ${small.points} curve points, loss chart drawn in ${small.drawMs.toFixed(2)} ms`);
say(`after ${fmt(large.epochs)} epochs: wasm memory ${mb(large.wasm)}, JS heap ${mb(large.heap)}, ${large.points} curve points, loss chart drawn in ${large.drawMs.toFixed(2)} ms`);
say(`growth: wasm ${(100 * (large.wasm / small.wasm - 1)).toFixed(1)} %, JS heap ${(100 * (large.heap / small.heap - 1)).toFixed(1)} % (target ≤ 10 %); drawing < 2 ms`);

// The app page: first frame, frame rate while playing, latency of Pause and of a new η.
const app = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
await app.goto(appUrl(server.url));
await app.waitForFunction(() => window.backpropLab?.firstFrameAt);
const firstFrame = await app.evaluate(() => window.backpropLab.firstFrameAt);
const fps = (speed) =>
  app.evaluate(async (speed) => {
    const st = window.backpropLab;
    const slider = document.getElementById("speed");
    slider.value = String(speed);
    slider.dispatchEvent(new Event("input"));
    if (!st.playing) document.getElementById("play").click();
    await new Promise((r) => setTimeout(r, 500));
    const times = [];
    const e0 = st.lab.epoch;
    await new Promise((resolve) => {
      const tick = (t) => {
        times.push(t);
        if (t - times[0] < 5000) requestAnimationFrame(tick);
        else resolve();
      };
      requestAnimationFrame(tick);
    });
    const gaps = times.slice(1).map((t, k) => t - times[k]).sort((a, b) => a - b);
    return { fps: (times.length - 1) / ((times.at(-1) - times[0]) / 1000), p95: gaps[Math.floor(gaps.length * 0.95)], epochsPerSecond: (st.lab.epoch - e0) / ((times.at(-1) - times[0]) / 1000 + 0.5) };
  }, speed);
const slow = await fps(7);
const fast = await fps(14);
const latency = await app.evaluate(async () => {
  const st = window.backpropLab;
  const frame = () => new Promise(requestAnimationFrame);
  await frame();
  document.getElementById("play").click(); // Pause
  const e = st.lab.epoch;
  await frame();
  await frame();
  const pauseFrames = st.lab.epoch === e && !st.playing ? 1 : NaN;
  document.getElementById("play").click(); // Play again
  const field = document.getElementById("eta-number");
  field.value = "0.125";
  field.dispatchEvent(new Event("change"));
  const etaNow = st.lab.learningRate;
  document.getElementById("play").click();
  return { pauseFrames, etaApplied: etaNow === 0.125 };
});
say("\n[browser] the page (1366×768, XOR 2-2-1)");
say(`first complete frame: ${firstFrame.toFixed(0)} ms after navigation (target ≤ 500 ms)`);
say(`default speed (5 epochs/frame): ${slow.fps.toFixed(1)} fps, p95 frame ${slow.p95.toFixed(1)} ms (target ≥ 55 fps)`);
say(`fastest speed (10 000 epochs/frame, 8 ms training budget): ${fast.fps.toFixed(1)} fps, p95 frame ${fast.p95.toFixed(1)} ms, ${fmt(fast.epochsPerSecond)} epochs/s (target ≥ 30 fps)`);
say(`Pause takes effect within ${latency.pauseFrames} frame; a new η is in the Lab before the next frame: ${latency.etaApplied}`);

await experimentFigures(browser, server.url);

say("\n[load] sizes (tools/sizes.mjs)");
for (const line of sizeReport()) say(line);
record(browser);
await browser.close();
await server.close();
