/** The `/_local/*` control endpoints (not SharePoint): health, stats, creating sites. Never faulted or delayed. */
import type { ApiResponse } from "../api/context";
import { invalidSiteName, SITE_NAME, type SiteRegistry } from "../site/site-registry";
import type { Stats } from "./stats";

export interface LocalAdminContext {
  sites: SiteRegistry;
  stats: Stats;
  siteUrl(name: string): string;
}

const json = (status: number, body: unknown): ApiResponse => ({
  status,
  headers: { "Content-Type": "application/json; charset=utf-8" },
  body: JSON.stringify(body),
  kind: "local",
});

export function localAdmin(ctx: LocalAdminContext, method: string, path: string): ApiResponse {
  if (path === "/_local/health" && method === "GET") return json(200, { status: "ok", sites: ctx.sites.names() });
  if (path === "/_local/stats" && method === "GET") return json(200, ctx.stats.snapshot());
  if (path === "/_local/stats/reset" && method === "POST") {
    ctx.stats.reset();
    return json(200, ctx.stats.snapshot());
  }
  const m = /^\/_local\/sites\/([^/]+)$/.exec(path);
  if (m && method === "PUT") {
    const name = decodeURIComponent(m[1]);
    if (!SITE_NAME.test(name)) return json(400, { error: invalidSiteName(name) });
    const existed = ctx.sites.has(name);
    ctx.sites.open(name);
    return json(existed ? 200 : 201, { name, url: ctx.siteUrl(name) });
  }
  return json(404, { error: `No local endpoint ${method} ${path}` });
}
