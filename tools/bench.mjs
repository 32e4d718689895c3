// The benchmark: prints the figures of the performance targets, natively and in headless Chromium.
// Run with `npm run bench` (it builds the release wasm first). Figures, not pass/fail.
import { execFileSync } from "node:child_process";
import { cpus } from "node:os";
import { serve, launch } from "../tests/e2e/harness.mjs";
import { sizeReport } from "./sizes.mjs";

const fmt = (v, d = 0) => (Number.isFinite(v) ? v.toLocaleString("en-US", { maximumFractionDigits: d }) : "n/a");
const mb = (b) => `${(b / 2 ** 20).toFixed(1)} MiB`;

console.log(`Backprop Lab benchmark — ${new Date().toISOString().slice(0, 10)}, ${cpus()[0].model}, ${cpus().length} cores`);
console.log("\n[native] cargo bench --bench native");
const native = execFileSync("cargo", ["bench", "--quiet", "--bench", "native"], { encoding: "utf8" });
process.stdout.write(native);
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

console.log("\n[browser] Lab.train and the grid vs the Node/Link object-graph baseline (same run)");
console.log("net      | Lab.train epochs/s | baseline epochs/s | × baseline (≥ 4) | native epochs/s | native ÷ wasm (≤ 2.5)");
for (const n of r.nets) {
  const nat = nativeRates[n.name] ?? {};
  console.log(`${n.name.padEnd(8)} | ${fmt(n.labEpochs).padStart(18)} | ${fmt(n.baseEpochs).padStart(17)} | ${fmt(n.labEpochs / n.baseEpochs, 2).padStart(16)} | ${fmt(nat.epochs).padStart(15)} | ${fmt(nat.epochs / n.labEpochs, 2)}`);
}
console.log("net      | grid passes/s (wasm) | baseline passes/s | × baseline (≥ 4) | native passes/s | native ÷ wasm (≤ 2.5)");
for (const n of r.nets) {
  const nat = nativeRates[n.name] ?? {};
  console.log(`${n.name.padEnd(8)} | ${fmt(n.labGrid).padStart(20)} | ${fmt(n.baseGrid).padStart(17)} | ${fmt(n.labGrid / n.baseGrid, 2).padStart(16)} | ${fmt(nat.grid).padStart(15)} | ${fmt(nat.grid / n.labGrid, 2)}`);
}
const { small, large } = r.memory;
console.log("\n[browser] memory after long runs (2-2-1; loss history bounded)");
console.log(`after ${fmt(small.epochs)} epochs: wasm memory ${mb(small.wasm)}, JS heap ${mb(small.heap)}, ${small.points} curve points, loss chart drawn in ${small.drawMs.toFixed(2)} ms`);
console.log(`after ${fmt(large.epochs)} epochs: wasm memory ${mb(large.wasm)}, JS heap ${mb(large.heap)}, ${large.points} curve points, loss chart drawn in ${large.drawMs.toFixed(2)} ms`);
console.log(`growth: wasm ${(100 * (large.wasm / small.wasm - 1)).toFixed(1)} %, JS heap ${(100 * (large.heap / small.heap - 1)).toFixed(1)} % (target ≤ 10 %); drawing < 2 ms`);

// The app page: first frame, frame rate while playing, latency of Pause and of a new η.
const app = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
await app.goto(server.url);
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
console.log("\n[browser] the page (1366×768, XOR 2-2-1)");
console.log(`first complete frame: ${firstFrame.toFixed(0)} ms after navigation (target ≤ 500 ms)`);
console.log(`default speed (5 epochs/frame): ${slow.fps.toFixed(1)} fps, p95 frame ${slow.p95.toFixed(1)} ms (target ≥ 55 fps)`);
console.log(`fastest speed (10 000 epochs/frame, 8 ms training budget): ${fast.fps.toFixed(1)} fps, p95 frame ${fast.p95.toFixed(1)} ms, ${fmt(fast.epochsPerSecond)} epochs/s (target ≥ 30 fps)`);
console.log(`Pause takes effect within ${latency.pauseFrames} frame; a new η is in the Lab before the next frame: ${latency.etaApplied}`);

console.log("\n[load] sizes (tools/sizes.mjs)");
for (const line of sizeReport()) console.log(line);
await browser.close();
await server.close();
