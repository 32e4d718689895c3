// The static folder of `npm run dist` works on its own: served from elsewhere, it loads, draws and
// trains with no console error, and its _headers file (Netlify, Cloudflare Pages) holds the page's
// security headers.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { serve, launch, openApp, expectedHeaders, ROOT } from "./harness.mjs";

test("npm run dist writes a self-contained static site", async () => {
  const out = join(mkdtempSync(join(tmpdir(), "bpl-dist-")), "site");
  execFileSync("bash", ["tools/dist.sh", out], { cwd: ROOT, stdio: "ignore" });
  const server = await serve(out);
  const browser = await launch();
  try {
    const { page, errors } = await openApp(browser, server.url);
    await page.evaluate(() => window.backpropLab.lab.train(2000));
    assert.ok(await page.evaluate(() => window.backpropLab.lab.error < 0.01));
    assert.deepEqual(errors, []);
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    const want = Object.entries(expectedHeaders(meta));
    const headers = readFileSync(join(out, "_headers"), "utf8").split("\n");
    assert.equal(headers[0], "/*", "one rule for every path");
    for (const [name, value] of want) {
      const line = headers.find((l) => l.toLowerCase().startsWith(`  ${name}:`));
      assert.equal(line?.slice(name.length + 3).trim(), value, `_headers: ${name}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
});
