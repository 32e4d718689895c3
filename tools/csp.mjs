// The page's security headers. The policy has one owner, the <meta http-equiv="Content-Security-Policy">
// tag in index.html; the server (tools/serve.mjs) and `npm run dist`'s _headers file read it here and
// add what only a header can say: frame-ancestors (ignored in a meta tag) and nosniff.
// As a command, `node tools/csp.mjs INDEX_HTML` prints the _headers file for that page.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const META = /<meta\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi;
const ATTR = /([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The content of the page's one Content-Security-Policy meta tag, without a trailing ";"; throws if there is not exactly one. */
export const metaPolicy = (html) => {
  const policies = [];
  for (const [tag] of html.replace(/<!--[\s\S]*?-->/g, "").matchAll(META)) {
    const attrs = Object.fromEntries([...tag.matchAll(ATTR)].map(([, k, v1, v2]) => [k.toLowerCase(), v1 ?? v2]));
    if (attrs["http-equiv"]?.toLowerCase() === "content-security-policy") policies.push(attrs.content ?? "");
  }
  if (policies.length !== 1) throw new Error(`expected one Content-Security-Policy meta tag, found ${policies.length}`);
  const policy = policies[0].trim().replace(/;+$/, "");
  // Read literally: a character reference (&…;) would need decoding, and a policy never needs one.
  if (!policy || policy.includes("&")) throw new Error(`unusable Content-Security-Policy meta tag: "${policy}"`);
  return policy;
};

/** The headers every response carries: the meta tag's policy plus frame-ancestors 'none', and nosniff. */
export const securityHeaders = (html) => ({
  "Content-Security-Policy": `${metaPolicy(html)}; frame-ancestors 'none'`,
  "X-Content-Type-Options": "nosniff",
});

/** The same headers for every path, in the `_headers` format of Netlify and Cloudflare Pages. */
export const headersFile = (html) =>
  ["/*", ...Object.entries(securityHeaders(html)).map(([k, v]) => `  ${k}: ${v}`), ""].join("\n");

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(headersFile(readFileSync(process.argv[2] ?? "index.html", "utf8")));
}
