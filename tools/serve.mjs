// The static server of `npm start` and of every browser test: serves a folder holding index.html on
// 127.0.0.1 with the right content types (application/wasm for instantiateStreaming) and the security
// headers of tools/csp.mjs on every response. Paths that leave the folder are refused.
// As a command: `node tools/serve.mjs [ROOT] [PORT]` (defaults: the current folder, $PORT or 8000).
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { securityHeaders } from "./csp.mjs";

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".wasm": "application/wasm", ".json": "application/json",
  ".png": "image/png", ".svg": "image/svg+xml", ".txt": "text/plain; charset=utf-8",
};

/** The file a request path names under `root`, or null when the path is malformed or leaves `root`. */
const fileFor = (root, url) => {
  let path;
  try {
    path = decodeURIComponent(new URL(url, "http://x").pathname);
  } catch {
    return null;
  }
  if (path.includes("\0")) return null;
  // The repository's own workings are not the app's: no dot-folders (.git), no node_modules or target.
  if (path.split("/").some((part) => part.startsWith(".") || part === "node_modules" || part === "target")) return null;
  const file = resolve(root, `.${path}`);
  if (file !== root && !file.startsWith(root + sep)) return null;
  return path.endsWith("/") ? join(file, "index.html") : file;
};

/** Serves `root` on `host`:`port` (0: a free port); resolves to { url, close }. Reads the policy once, now. */
export const serve = ({ root = ".", port = 0, host = "127.0.0.1" } = {}) => {
  const dir = resolve(root);
  const headers = securityHeaders(readFileSync(join(dir, "index.html"), "utf8"));
  const server = createServer(async (req, res) => {
    const reply = (status, type, body) => {
      res.writeHead(status, { ...headers, "content-type": type, "cache-control": "no-cache" });
      res.end(req.method === "HEAD" ? undefined : body);
    };
    if (req.method !== "GET" && req.method !== "HEAD") return reply(405, TYPES[".txt"], "method not allowed");
    const file = fileFor(dir, req.url);
    if (!file) return reply(403, TYPES[".txt"], "forbidden");
    try {
      reply(200, TYPES[extname(file)] ?? "application/octet-stream", await readFile(file));
    } catch {
      reply(404, TYPES[".txt"], "not found");
    }
  });
  return new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => {
      done({ url: `http://${host}:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) });
    });
  });
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [root = ".", port = process.env.PORT ?? "8000"] = process.argv.slice(2);
  const { url } = await serve({ root, port: Number(port) });
  console.log(`serving ${resolve(root)} at ${url}`);
}
