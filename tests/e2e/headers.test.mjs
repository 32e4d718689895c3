// The server of `npm start` and of these tests (tools/serve.mjs) sends the page's own policy as an
// HTTP header with frame-ancestors 'none' — so no other page can frame the app — and nosniff, and it
// refuses paths that leave the served folder.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer, get } from "node:http";
import { useBrowser, appUrl, expectedHeaders } from "./harness.mjs";

const env = useBrowser();

test("the page response carries the meta tag's policy plus frame-ancestors 'none', and nosniff", async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const response = await page.goto(env.server.url);
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  const headers = response.headers();
  assert.match(headers["content-security-policy"], /(^|; )frame-ancestors 'none'$/);
  for (const [name, value] of Object.entries(expectedHeaders(meta))) assert.equal(headers[name], value, name);
  const wasm = await fetch(`${env.server.url}www/pkg/backprop_lab_bg.wasm`);
  assert.equal(wasm.headers.get("content-type"), "application/wasm");
  assert.equal(wasm.headers.get("x-content-type-options"), "nosniff");
  await context.close();
});

/** Another origin on this machine whose one page frames `src`; resolves to { url, close }. */
const framer = (src) =>
  new Promise((done) => {
    const server = createServer((req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(`<!doctype html><title>framer</title><iframe id="app" src="${src}" width="800" height="600"></iframe>`);
    });
    server.listen(0, "127.0.0.1", () =>
      done({ url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) }));
  });

test("a page that frames the app does not get it loaded", async (t) => {
  const app = appUrl(env.server.url);
  const other = await framer(app);
  t.after(other.close);
  // Control: with the header stripped, the same framing page does load the app (so the test can fail).
  const control = await env.browser.newContext();
  const open = await control.newPage();
  await open.route((url) => url.href === app, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers["content-security-policy"];
    await route.fulfill({ response, headers });
  });
  await open.goto(other.url);
  const loaded = await (await open.locator("#app").elementHandle()).contentFrame();
  await loaded.waitForFunction(() => window.backpropLab?.snapshot);
  await control.close();

  const context = await env.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  const refused = page.waitForEvent("console", (m) => /frame-ancestors/.test(m.text()));
  await page.goto(other.url);
  const refusal = (await refused).text();
  assert.ok(refusal.includes(env.server.url) && refusal.includes(`"frame-ancestors 'none'"`), refusal);
  const frame = await (await page.locator("#app").elementHandle()).contentFrame();
  assert.notEqual(frame.url(), app, "the frame shows Chromium's error page, not the app");
  assert.equal(await frame.evaluate(() => typeof window.backpropLab).catch(() => "undefined"), "undefined");
  assert.ok(errors.every((e) => /frame-ancestors/.test(e)), `only the refusal is logged: ${errors}`);
  await context.close();
});

test("paths that leave the served folder are refused", async () => {
  const { hostname, port } = new URL(env.server.url);
  const status = (path) =>
    new Promise((done, fail) => get({ hostname, port, path }, (r) => done(r.resume().statusCode)).on("error", fail));
  assert.equal(await status("/index.html"), 200);
  for (const path of ["/..%2f..%2f..%2fetc%2fpasswd", "/www/..%2f..%2fpackage.json", "/index.html%00.png", "/%zz"]) {
    assert.equal(await status(path), 403, path);
  }
  for (const path of ["/../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd"]) {
    assert.equal(await status(path), 404, `${path}: resolved inside the folder, where no such file is`);
  }
});
