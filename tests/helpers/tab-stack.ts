/**
 * The tab against a seeded local SharePoint, for browser tests and the benchmark: a production build of the tab
 * (vite, cached under node_modules/.cache/eap-tab/<hash of the sources>, so only the first run of a change pays
 * for it) served by a tiny static server on 127.0.0.1:0, with `/eap-config.json` pointing at the seeded site and
 * `/api/*` forwarded to the production server in local mode (the tab's writes), as `npm start`'s vite does.
 *
 *   const stack = await startTabStack({ shiftToToday: true });
 *   await page.goto(stack.url);              // http://127.0.0.1:<port>/
 *   ...
 *   await stack.close();
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, request as httpRequest, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { SPFI } from "../../src/data/index.ts";
import { localConfig, startServerFor } from "./api-stack.ts";
import { startSeededSite } from "./seeded-site.ts";

const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const CACHE = join(ROOT, "node_modules", ".cache", "eap-tab");
const INPUTS = ["src/tab", "src/data", "src/domain", "src/seed", "src/import", "src/report", "vite.config.ts", "package-lock.json"];

export interface TabStack {
  /** The tab's base URL, e.g. http://127.0.0.1:40123/ */
  url: string;
  siteUrl: string;
  /** The local SharePoint server's base URL (for /_local/stats). */
  baseUrl: string;
  /** The production server (local mode) whose write API the tab's /api/* requests are forwarded to. */
  apiOrigin: string;
  spAs(email: string): SPFI;
  currentPlanId: number;
  close(): Promise<void>;
}

function filesUnder(path: string): string[] {
  const full = join(ROOT, path);
  if (!existsSync(full)) return [];
  if (statSync(full).isFile()) return [path];
  return readdirSync(full, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => filesUnder(join(path, e.name)));
}

function sourceHash(): string {
  const h = createHash("sha256");
  for (const f of INPUTS.flatMap(filesUnder)) {
    h.update(f);
    h.update(readFileSync(join(ROOT, f)));
  }
  return h.digest("hex").slice(0, 16);
}

let building: Promise<string> | null = null;

/** Builds the tab once per source state; concurrent test files build to private dirs and the first rename wins. */
export function ensureTabBuild(): Promise<string> {
  building ??= (async () => {
    const dir = join(CACHE, sourceHash());
    if (existsSync(join(dir, "index.html"))) return dir;
    mkdirSync(CACHE, { recursive: true });
    const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`;
    const { build } = await import("vite");
    // Vitest sets NODE_ENV=test, and vite would then bundle React's development build: test what ships.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = "production";
    try {
      await build({ configFile: join(ROOT, "vite.config.ts"), mode: "production", logLevel: "error", build: { outDir: tmp, emptyOutDir: true } });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
    try {
      renameSync(tmp, dir);
    } catch {
      rmSync(tmp, { recursive: true, force: true }); // another process got there first: same sources, same output
    }
    return dir;
  })();
  return building;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
};

/** Forwards a request to the production server's write API, as `npm start`'s vite does. */
function forward(apiOrigin: string, req: IncomingMessage, res: ServerResponse): void {
  const target = new URL(req.url ?? "/", apiOrigin);
  const out = httpRequest(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  out.on("error", () => {
    if (!res.headersSent) res.writeHead(502, { "Content-Type": "text/plain" });
    res.end("the API server is not reachable");
  });
  req.pipe(out);
}

export function serveTab(dir: string, config: Record<string, unknown>, apiOrigin?: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? "/").split("?")[0]);
    if (apiOrigin && path.startsWith("/api/")) return forward(apiOrigin, req, res);
    if (path === "/eap-config.json") {
      res.writeHead(200, { "Content-Type": TYPES[".json"], "Cache-Control": "no-store" });
      res.end(JSON.stringify(config));
      return;
    }
    const file = normalize(join(dir, path === "/" ? "index.html" : path));
    if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "Content-Type": "text/plain" });
      res.end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream", "Cache-Control": "no-cache" });
    res.end(readFileSync(file));
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => ok(server));
  });
}

export async function startTabStack(opts: { shiftToToday?: boolean; now?: Date; threshold?: number } = {}): Promise<TabStack> {
  const [site, dir] = await Promise.all([startSeededSite(opts), ensureTabBuild()]);
  // The production server in local mode, for its write API (the tab's writes), as `npm start` runs it.
  const api = await startServerFor(localConfig(site.siteUrl, dir));
  const server = await serveTab(dir, { mode: "local", siteUrl: site.siteUrl }, api.origin);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    siteUrl: site.siteUrl,
    baseUrl: site.baseUrl,
    apiOrigin: api.origin,
    spAs: site.spAs,
    currentPlanId: site.currentPlanId,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
      await api.stop();
      await site.close();
    },
  };
}
