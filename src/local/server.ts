/**
 * The HTTP front of the local SharePoint: loopback-only listener, CORS for loopback origins, fault injection and
 * latency, body limits, identity from bearer tokens (read, never verified), request digests, `$batch`, the
 * `/_local/*` control endpoints, logging and stats. The SharePoint semantics themselves live in routes.ts.
 */
import { mkdirSync, readdirSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { type Caller, callerFromAuthorization } from "./auth/claims";
import { buildBatchResponse, parseBatch } from "./batch";
import { Codes, Errors, errorBody, type ResponseFormat, SpError } from "./errors";
import { FaultInjector } from "./faults";
import { type ApiRequest, type ApiResponse, SiteApi } from "./routes";
import { formatFromAccept } from "./serialize";
import { SiteStore } from "./site-store";
import { Stats } from "./stats";

export interface LocalSharePointOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Loopback only: 127.0.0.1 (default), ::1 or localhost. */
  host?: string;
  /** Directory holding one SQLite database per site. */
  dataDir: string;
  /** Sites created at start (each also reachable later via PUT /_local/sites/<name>). */
  sites?: string[];
  /** List view threshold (default 5000, as in SharePoint Online). */
  threshold?: number;
  /** Fault spec, e.g. "429:0.2,503:0.05". */
  faults?: string;
  /** Seed making fault injection reproducible. */
  seed?: number;
  /** Retry-After seconds sent with injected faults (default 1). */
  retryAfterSeconds?: number;
  /** Delay added to every response. */
  latencyMs?: number;
  /** Accept requests without a bearer token (as the System Account). */
  anonymous?: boolean;
  /** true: one line per request to stderr; a function: receives each line. */
  log?: boolean | ((line: string) => void);
  /** Largest accepted request body (default 10 MB); larger bodies get 413. */
  maxBodyBytes?: number;
}

export interface LocalSharePoint {
  baseUrl: string;
  port: number;
  siteUrl(name: string): string;
  close(): Promise<void>;
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1"]);
const SITE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const DIGEST_SECONDS = 1800;
const CORS_HEADERS =
  "Authorization, X-RequestDigest, IF-Match, If-None-Match, X-HTTP-Method, X-ClientService-ClientTag, X-PnPjs-RequestId, Content-Type, Accept, Odata-Version, OData-MaxVersion";

interface Site {
  store: SiteStore;
  api: SiteApi;
}

/** Counter name for a request that failed before its handler could name it. */
function classify(method: string, override: string | undefined, apiPath: string): string {
  const m = (method.toUpperCase() === "POST" && override ? override : method).toUpperCase();
  const p = apiPath.toLowerCase().replace(/\?.*$/, "");
  if (p === "contextinfo") return "contextinfo";
  if (/\/versions(\(|$)/.test(p)) return "versions";
  if (/\/recycle$/.test(p) && /items\(|getitembyid/.test(p)) return "recycle-item";
  if (/(items\(\d+\)|getitembyid\(\d+\))$/.test(p)) return m === "GET" ? "get-item" : m === "DELETE" ? "delete-item" : "update-item";
  if (/\/items$/.test(p)) return m === "GET" ? "get-items" : "add-item";
  if (/\/fields/.test(p)) return "fields";
  if (/(^|\/)lists/.test(p)) return "lists";
  if (/currentuser|ensureuser|siteusers|getuserbyid/.test(p)) return "users";
  return "web";
}

function isLoopbackOrigin(origin: string): boolean {
  try {
    const u = new URL(origin);
    return LOOPBACK.has(u.hostname) || u.hostname === "[::1]";
  } catch {
    return false;
  }
}

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startLocalSharePoint(options: LocalSharePointOptions): Promise<LocalSharePoint> {
  const host = options.host ?? "127.0.0.1";
  if (!LOOPBACK.has(host)) {
    throw new Error(
      `Refusing to listen on '${host}': the local SharePoint reads bearer tokens without verifying them, so it only listens on a loopback address (127.0.0.1, ::1 or localhost).`,
    );
  }
  if (!options.dataDir) throw new Error("dataDir is required: the directory where each site's SQLite database is kept.");
  const threshold = options.threshold ?? 5000;
  const maxBody = options.maxBodyBytes ?? 10 * 1024 * 1024;
  const retryAfter = options.retryAfterSeconds ?? 1;
  const latency = options.latencyMs ?? 0;
  const faults = new FaultInjector(options.faults, options.seed);
  const stats = new Stats();
  const logLine = typeof options.log === "function" ? options.log : options.log ? (l: string) => process.stderr.write(`${l}\n`) : undefined;
  mkdirSync(options.dataDir, { recursive: true });

  const sites = new Map<string, Site>();
  let baseUrl = "";
  const hostInUrl = host === "::1" ? "[::1]" : host;
  const siteUrl = (name: string) => `${baseUrl}/sites/${name}`;

  function openSite(name: string): Site {
    const existing = sites.get(name.toLowerCase());
    if (existing) return existing;
    if (!SITE_NAME.test(name)) throw new Error(`Invalid site name '${name}': use letters, digits, '-' and '_'.`);
    const store = new SiteStore(join(options.dataDir, `${name.toLowerCase()}.sqlite`), name, threshold);
    const site: Site = {
      store,
      api: new SiteApi({
        store,
        get siteUrl() {
          return siteUrl(name);
        },
        sitePath: `/sites/${name}`,
        issueDigest: () => ({ value: store.issueDigest(), timeoutSeconds: DIGEST_SECONDS }),
      }),
    };
    sites.set(name.toLowerCase(), site);
    return site;
  }

  // Sites created in earlier runs come back; each is one <name>.sqlite file.
  for (const f of readdirSync(options.dataDir)) {
    const m = /^(.+)\.sqlite$/.exec(f);
    if (m && SITE_NAME.test(m[1])) openSite(m[1]);
  }
  for (const s of options.sites ?? []) openSite(s);

  function errorResponse(err: unknown, format: ResponseFormat): ApiResponse {
    const e =
      err instanceof SpError
        ? err
        : new SpError(500, "-2146232832, Microsoft.SharePoint.SPException", `Unexpected error in the local SharePoint: ${err instanceof Error ? err.message : String(err)}`);
    if (!(err instanceof SpError)) logLine?.(`internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return {
      status: e.status,
      headers: { "Content-Type": format === "verbose" ? "application/json;odata=verbose;charset=utf-8" : "application/json;odata=minimalmetadata;charset=utf-8", ...e.headers },
      body: errorBody(e, format),
      kind: e.code === Codes.throttled ? "throttled" : "errors",
    };
  }

  function runApi(site: Site, req: ApiRequest, apiPath: string): ApiResponse {
    try {
      return site.api.handle(req, apiPath);
    } catch (err) {
      const out = errorResponse(err, formatFromAccept(req.headers.accept));
      if (out.kind === "throttled") stats.count("throttled");
      // A refused request still counts under its kind, so stats show attempts, and separately under errors.
      return { ...out, kind: classify(req.method, req.headers["x-http-method"], apiPath) };
    }
  }

  function runBatch(site: Site, name: string, req: ApiRequest): ApiResponse {
    const parts = parseBatch(req.body, req.headers["content-type"]);
    stats.count("batch-parts", parts.length);
    const responses = parts.map((p) => {
      let url: URL;
      try {
        url = new URL(p.url, `${siteUrl(name)}/_api/`);
      } catch {
        return errorResponse(Errors.resource(p.url), "minimal");
      }
      const prefix = `/sites/${name}/_api/`.toLowerCase();
      let path: string;
      try {
        path = decodeURIComponent(url.pathname);
      } catch {
        return errorResponse(Errors.badExpression(p.url, "The URL is not correctly percent-encoded."), "minimal");
      }
      if (!path.toLowerCase().startsWith(prefix)) {
        return errorResponse(new SpError(400, Codes.odata, `The batch part URL '${p.url}' is not in this site.`), formatFromAccept(p.headers.accept));
      }
      const r = runApi(site, { method: p.method, url, headers: p.headers, body: p.body, caller: req.caller }, path.slice(prefix.length));
      stats.count(r.kind);
      if (r.status >= 400) stats.error(r.status);
      return r;
    });
    const built = buildBatchResponse(responses);
    return { status: 200, headers: { "Content-Type": `multipart/mixed; boundary=${built.boundary}` }, body: built.body, kind: "batch" };
  }

  function localEndpoint(method: string, path: string): ApiResponse {
    const json = (status: number, body: unknown): ApiResponse => ({
      status,
      headers: { "Content-Type": "application/json; charset=utf-8" },
      body: JSON.stringify(body),
      kind: "local",
    });
    if (path === "/_local/health" && method === "GET") return json(200, { status: "ok", sites: [...sites.values()].map((s) => s.store.name) });
    if (path === "/_local/stats" && method === "GET") return json(200, stats.snapshot());
    if (path === "/_local/stats/reset" && method === "POST") {
      stats.reset();
      return json(200, stats.snapshot());
    }
    const m = /^\/_local\/sites\/([^/]+)$/.exec(path);
    if (m && method === "PUT") {
      const name = decodeURIComponent(m[1]);
      if (!SITE_NAME.test(name)) return json(400, { error: `Invalid site name '${name}': use letters, digits, '-' and '_'.` });
      const existed = sites.has(name.toLowerCase());
      openSite(name);
      return json(existed ? 200 : 201, { name, url: siteUrl(name) });
    }
    return json(404, { error: `No local endpoint ${method} ${path}` });
  }

  async function handle(req: IncomingMessage, body: string, tooLarge: boolean): Promise<ApiResponse> {
    const url = new URL(req.url ?? "/", baseUrl);
    const method = (req.method ?? "GET").toUpperCase();
    const headers: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
    const format = formatFromAccept(headers.accept);
    const path = url.pathname;

    if (path.startsWith("/_local/")) return localEndpoint(method, path);

    // Decided before anything else so that an injected failure never writes.
    const fault = faults.pick();
    if (fault !== undefined) {
      stats.count("faulted");
      const e = new SpError(fault, fault === 429 ? "-2147024860, Microsoft.SharePoint.SPRequestThrottledException" : "-1, Microsoft.SharePoint.Client.ServerException", fault === 429 ? "The request has been throttled. Retry after the number of seconds in the Retry-After header." : "The service is temporarily unavailable (injected fault).", { "Retry-After": String(retryAfter) });
      return { ...errorResponse(e, format), kind: "faulted" };
    }

    const m = /^\/sites\/([^/]+)(?:\/(.*))?$/i.exec(path);
    if (!m) return errorResponse(Errors.siteNotFound(), format);
    let name: string;
    let rest: string;
    try {
      name = decodeURIComponent(m[1]);
      rest = decodeURIComponent(m[2] ?? "");
    } catch {
      return errorResponse(Errors.badExpression(path, "The URL is not correctly percent-encoded."), format);
    }
    const site = sites.get(name.toLowerCase());
    if (!site) return errorResponse(Errors.siteNotFound(), format);
    if (!/^_api(\/|$)/i.test(rest)) return errorResponse(Errors.siteNotFound(), format);
    const apiPath = rest.replace(/^_api\/?/i, "");
    if (tooLarge) return errorResponse(Errors.tooLarge(maxBody), format);

    let caller: Caller | null;
    try {
      caller = callerFromAuthorization(headers.authorization);
    } catch (e) {
      return errorResponse(e, format);
    }
    if (!caller && !options.anonymous) {
      return errorResponse(Errors.unauthorized("Send 'Authorization: Bearer <token>' (the local SharePoint reads the token's upn/name/oid claims without verifying it)."), format);
    }
    const isWrite = method !== "GET" && method !== "HEAD";
    if (isWrite && !headers.authorization && apiPath.toLowerCase() !== "contextinfo" && !site.store.validDigest(headers["x-requestdigest"], DIGEST_SECONDS)) {
      return errorResponse(Errors.digest(), format);
    }
    const canonicalName = site.store.name;
    const apiReq: ApiRequest = { method, url, headers, body, caller };
    if (apiPath.toLowerCase() === "$batch") {
      if (method !== "POST") return errorResponse(Errors.method(), format);
      try {
        return runBatch(site, canonicalName, apiReq);
      } catch (e) {
        return errorResponse(e, format);
      }
    }
    return runApi(site, apiReq, apiPath);
  }

  function setCors(req: IncomingMessage, res: ServerResponse): void {
    const origin = req.headers.origin;
    if (origin && isLoopbackOrigin(origin)) {
      res.setHeader("Access-Control-Allow-Origin", origin);
      res.setHeader("Vary", "Origin");
      res.setHeader("Access-Control-Allow-Credentials", "true");
      res.setHeader("Access-Control-Expose-Headers", "ETag, Location, Retry-After");
    }
  }

  const server = createServer((req, res) => {
    const started = process.hrtime.bigint();
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (c: Buffer) => {
      size += c.length;
      // Keep reading (and dropping) so that the client sees the 413 rather than a reset connection.
      if (size > maxBody) tooLarge = true;
      else chunks.push(c);
    });
    req.on("end", () => {
      void (async () => {
        setCors(req, res);
        let out: ApiResponse;
        if ((req.method ?? "").toUpperCase() === "OPTIONS") {
          const origin = req.headers.origin;
          out = { status: origin && !isLoopbackOrigin(origin) ? 403 : 204, headers: {}, body: "", kind: "preflight" };
          if (out.status === 204) {
            res.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, MERGE, DELETE, OPTIONS");
            res.setHeader("Access-Control-Allow-Headers", CORS_HEADERS);
            res.setHeader("Access-Control-Max-Age", "600");
          }
        } else {
          try {
            out = await handle(req, Buffer.concat(chunks).toString("utf8"), tooLarge);
          } catch (e) {
            out = errorResponse(e, "minimal");
          }
        }
        if (out.kind !== "local" && out.kind !== "preflight") {
          stats.count(out.kind);
          if (out.status >= 400) stats.error(out.status);
        }
        if (latency > 0) await delay(latency);
        res.statusCode = out.status;
        for (const [k, v] of Object.entries(out.headers)) res.setHeader(k, v);
        res.setHeader("X-SharePointHealthScore", "0");
        res.setHeader("SPRequestGuid", "00000000-0000-0000-0000-000000000000");
        res.end(out.body);
        if (logLine) {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          logLine(`${req.method} ${req.url} ${out.status} ${ms.toFixed(1)}ms`);
        }
      })();
    });
  });
  // Large batches of 30k items are fine, but an idle keep-alive socket should not hold close() forever.
  server.keepAliveTimeout = 5000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://${hostInUrl}:${port}`;

  return {
    baseUrl,
    port,
    siteUrl,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      for (const s of sites.values()) s.store.close();
      sites.clear();
    },
  };
}
