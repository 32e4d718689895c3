// The static folder of `npm run dist` works on its own: served from elsewhere, it loads, draws and
// trains with no console error.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { serve, launch, openApp, ROOT } from "./harness.mjs";

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
  } finally {
    await browser.close();
    await server.close();
  }
});
