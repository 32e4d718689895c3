// Shared by the browser tests: a static server on a free loopback port, headless Chromium through
// playwright-core, a console-error collector, and the screenshot folder.
import { createServer } from "node:http";
import { readFile, mkdir } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { before, after } from "node:test";
import { chromium } from "playwright-core";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** Where every run saves its screenshots (look at them). */
export const SHOTS = join(ROOT, "tests", "screenshots");

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript",
  ".css": "text/css", ".wasm": "application/wasm", ".json": "application/json", ".png": "image/png",
};

/** Serves the repository root (like `python3 -m http.server`) on 127.0.0.1; resolves to { url, close }. */
export const serve = (root = ROOT) =>
  new Promise((resolve) => {
    const server = createServer(async (req, res) => {
      const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
      const file = join(root, path.endsWith("/") ? join(path, "index.html") : path);
      try {
        const body = await readFile(file);
        res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
        res.end(body);
      } catch {
        res.writeHead(404);
        res.end("not found");
      }
    });
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) });
    });
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

/** Opens the app in a new page; collects console errors and page errors into `errors`. */
export const openApp = async (browser, url, { width = 1366, height = 768, colorScheme = "light", hash = "" } = {}) => {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(url + hash);
  await page.waitForFunction(() => window.backpropLab?.snapshot);
  return { page, context, errors };
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
