import { serve, launch, openApp, shot } from "./harness.mjs";
const srv = await serve(); const b = await launch();
const { page, errors } = await openApp(b, srv.url, { width: 1366, height: 768 });
await page.evaluate(() => { window.__v = []; document.addEventListener("securitypolicyviolation", (e) => window.__v.push([e.violatedDirective, e.sample, e.sourceFile, e.lineNumber, e.target?.outerHTML?.slice(0, 200)])); });
await page.getByRole("button", { name: /Gradient check/ }).click();
await page.waitForTimeout(3000);
console.log(JSON.stringify(await page.evaluate(() => window.__v.slice(0, 3)), null, 1));
await b.close(); await srv.close();
