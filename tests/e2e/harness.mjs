// Shared by the browser tests: the app's own server (tools/serve.mjs, with its security headers) on a
// free loopback port, headless Chromium through playwright-core, a console-error collector, and the
// screenshot folder.
import { readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { serve as serveStatic } from "../../tools/serve.mjs";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** Where every run saves its screenshots (look at them). */
export const SHOTS = join(ROOT, "tests", "screenshots");

/** Serves `root` (default: the repository) as `npm start` does, on a free port; resolves to { url, close }. */
export const serve = (root = ROOT) => serveStatic({ root });

/** The headers a response of the app's server carries, given the page's meta tag policy (read from the page). */
export const expectedHeaders = (meta) => ({
  "content-security-policy": `${meta.trim().replace(/;+$/, "")}; frame-ancestors 'none'`,
  "x-content-type-options": "nosniff",
});

/** Headless Debian Chromium with the flags this machine needs. */
export const launch = (extra = []) =>
  chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync", ...extra,
    ],
  });

/** The app's address with `?test`, which makes the page expose its state as window.backpropLab
 * (only then: a page in use does not), followed by `hash`. */
export const appUrl = (url, hash = "") => `${url}?test${hash}`;

/** Opens the app in a new page; collects console errors and page errors into `errors`. `bypassCSP`
 * lets assertAxeClean bring axe-core in. */
export const openApp = async (browser, url, { width = 1366, height = 768, colorScheme = "light", hash = "", bypassCSP = false } = {}) => {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, deviceScaleFactor: 1, bypassCSP });
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(appUrl(url, hash));
  await page.waitForFunction(() => window.backpropLab?.snapshot);
  return { page, context, errors };
};

/** Waits until the page has drawn everything changed so far: the render loop clears `dirty` as it
 * draws, so after an action that changes what is shown, read the DOM or a canvas only after this. */
export const drawn = (page, timeout = 30000) => page.waitForFunction(() => !window.backpropLab.dirty, null, { timeout });

/**
 * Runs axe-core on the page as it is now (open it in a context with `bypassCSP: true`: axe comes in as a
 * script) and asserts no violation of any impact (minor ones included); `what` names the view in the message.
 */
export const assertAxeClean = async (page, what) => {
  if (!(await page.evaluate(() => !!window.axe))) {
    await page.addScriptTag({ content: readFileSync(join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8") });
  }
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  const bad = result.violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  assert.deepEqual(bad, [], what);
};

/** Saves a screenshot as tests/screenshots/NAME.png. */
export const shot = async (page, name) => {
  await mkdir(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
};

/** One server and one browser for a whole test file: fields `server` and `browser` fill in before the tests. */
export const useBrowser = () => {
  const env = {};
  before(async () => {
    env.server = await serve();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
};
