/**
 * One request from the wire to an answer: the `/_local` control paths, injected faults (a plain fault is decided
 * before anything else, so it never writes; an after-commit fault applies the request and loses the reply), the
 * site the path names, the caller from the bearer token, request digests for cookie-less writes, `$batch`, and
 * the stats counters.
 */
import type { ApiRequest, ApiResponse, SiteContext } from "../api/context";
import { handleApi } from "../api/site-api";
import { type Principal, principalOf } from "../auth/principal";
import { Errors, type ResponseFormat, SpError } from "../errors";
import type { FaultRule } from "./faults";
import { type GraphServices, handleGraph, toGraphError } from "../graph/graph-api";
import type { GraphStore } from "../graph/graph-store";
import { readBearer } from "../auth/claims";
import { GraphError, graphErrorResponse } from "../graph/graph-context";
import { formatFromAccept } from "../odata/serialize";
import type { Settings } from "../options";
import type { Site } from "../site/site";
import type { SiteRegistry } from "../site/site-registry";
import { runBatch } from "./batch-route";
import { localAdmin } from "./local-admin";
import { classify, errorResponse } from "./responses";
import type { Stats } from "./stats";

/** A request as read off the wire. */
export interface Incoming {
  method: string;
  url: URL;
  /** Lower-cased header names. */
  headers: Record<string, string | undefined>;
  body: string;
  /** Bytes the client sent; above the limit the body itself was not kept. */
  bodyBytes: number;
}

export class Dispatcher {
  constructor(
    private readonly settings: Settings,
    private readonly sites: SiteRegistry,
    private readonly stats: Stats,
    readonly siteUrl: (name: string) => string,
    private readonly graphStore: GraphStore,
  ) {}

  handle(inc: Incoming): ApiResponse {
    let out: ApiResponse;
    try {
      out = this.route(inc);
    } catch (e) {
      out = errorResponse(e, "minimal", this.settings.log);
    }
    if (out.kind !== "local") {
      this.stats.count(out.kind);
      if (out.status >= 400) this.stats.error(out.status);
    }
    return out;
  }

  private route(inc: Incoming): ApiResponse {
    const { method, url, headers } = inc;
    const format = formatFromAccept(headers.accept);
    const path = url.pathname;
    if (path.startsWith("/_local/")) {
      return localAdmin({ sites: this.sites, stats: this.stats, siteUrl: this.siteUrl, graph: this.graphStore, directory: this.settings.directory }, method, path, inc.body);
    }

    const graph = /^\/v1\.0\//i.test(path);
    // Decided before anything else, so that a plain injected failure never writes.
    const fault = this.settings.faults.pick();
    if (fault && !fault.afterCommit) return this.faulted(fault, format, graph);
    const out = graph ? this.serveGraph(inc) : this.serve(inc);
    if (!fault) return out;
    // The request was applied (and counted); only its reply is lost.
    this.stats.count(out.kind);
    return this.faulted(fault, format, graph);
  }

  /** A fault's answer; counted (once) under "faulted" by handle(). */
  private faulted(fault: FaultRule, format: ResponseFormat, graph: boolean): ApiResponse {
    if (fault.status === "drop") return { status: 0, headers: {}, body: "", kind: "faulted", drop: true };
    if (graph) {
      // Graph's throttling answer: TooManyRequests with a Retry-After that may be fractional.
      const e =
        fault.status === 429
          ? new GraphError(429, "TooManyRequests", "Please retry again later.", { "Retry-After": String(this.settings.retryAfterSeconds) })
          : new GraphError(fault.status, fault.status === 503 ? "serviceNotAvailable" : "generalException", "The service is temporarily unavailable (injected fault).", { "Retry-After": String(this.settings.retryAfterSeconds) });
      return { ...graphErrorResponse(e), kind: "faulted" };
    }
    const throttled = fault.status === 429;
    const e = new SpError(
      fault.status,
      throttled ? "-2147024860, Microsoft.SharePoint.SPRequestThrottledException" : "-1, Microsoft.SharePoint.Client.ServerException",
      throttled
        ? "The request has been throttled. Retry after the number of seconds in the Retry-After header."
        : fault.afterCommit
          ? "The request timed out before its reply was sent (injected fault; the request was applied)."
          : "The service is temporarily unavailable (injected fault).",
      { "Retry-After": String(this.settings.retryAfterSeconds) },
    );
    return { ...errorResponse(e, format), kind: "faulted" };
  }

  /** A Microsoft Graph request (`/v1.0/...`), with the same tokens. */
  private serveGraph(inc: Incoming): ApiResponse {
    if (inc.bodyBytes > this.settings.maxBodyBytes) return graphErrorResponse(new GraphError(413, "RequestEntityTooLarge", "The request is too large."));
    let principal: Principal;
    try {
      principal = principalOf(inc.headers.authorization, { directory: this.settings.directory, anonymous: false });
    } catch (e) {
      return graphErrorResponse(toGraphError(e));
    }
    const base = new URL(this.siteUrl("x"));
    const ctx: GraphServices = {
      sites: this.sites,
      directory: this.settings.directory,
      hostname: base.hostname,
      siteUrl: this.siteUrl,
      graphBase: `${base.origin}/v1.0`,
      catalog: this.settings.catalog,
      store: this.graphStore,
      mailSenders: this.settings.mailSenders,
    };
    const claims = readBearer(inc.headers.authorization) ?? undefined;
    return handleGraph(ctx, { method: inc.method, url: inc.url, headers: inc.headers, body: inc.body, principal, claims });
  }

  /** A request to a site's `_api`. */
  private serve(inc: Incoming): ApiResponse {
    const { method, url, headers } = inc;
    const format = formatFromAccept(headers.accept);
    const path = url.pathname;

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
    const site = this.sites.get(name);
    if (!site || !/^_api(\/|$)/i.test(rest)) return errorResponse(Errors.siteNotFound(), format);
    const apiPath = rest.replace(/^_api\/?/i, "");
    if (inc.bodyBytes > this.settings.maxBodyBytes) return errorResponse(Errors.tooLarge(this.settings.maxBodyBytes, inc.bodyBytes), format);

    let principal: Principal;
    try {
      principal = principalOf(headers.authorization, this.settings);
    } catch (e) {
      return errorResponse(e, format);
    }
    const isWrite = method !== "GET" && method !== "HEAD";
    if (isWrite && !headers.authorization && apiPath.toLowerCase() !== "contextinfo" && !site.digests.valid(headers["x-requestdigest"], this.settings.digestSeconds)) {
      return errorResponse(Errors.digest(), format);
    }
    const ctx = this.contextOf(site);
    const req: ApiRequest = { method, url, headers, body: inc.body, principal };
    if (apiPath.toLowerCase() === "$batch") {
      if (method !== "POST") return errorResponse(Errors.method(), format);
      try {
        return runBatch(
          {
            ...ctx,
            stats: this.stats,
            partsIndependent: this.settings.batchPartsIndependent,
            run: (r, p) => this.runApi(ctx, r, p),
            partFault: () => {
              const f = this.settings.faults.pickPart();
              if (!f) return undefined;
              this.stats.count("faulted");
              return this.faulted(f, formatFromAccept(headers.accept), false);
            },
          },
          req,
        );
      } catch (e) {
        return errorResponse(e, format);
      }
    }
    return this.runApi(ctx, req, apiPath);
  }

  private contextOf(site: Site): SiteContext {
    return { site, siteUrl: this.siteUrl(site.name), sitePath: `/sites/${site.name}`, digestSeconds: this.settings.digestSeconds, enforce: this.settings.directory !== undefined };
  }

  /** One API request; a failure becomes SharePoint's error answer, still counted under its kind. */
  private runApi(ctx: SiteContext, req: ApiRequest, apiPath: string): ApiResponse {
    try {
      return handleApi(ctx, req, apiPath);
    } catch (err) {
      const out = errorResponse(err, formatFromAccept(req.headers.accept), this.settings.log);
      if (out.kind === "throttled") this.stats.count("throttled");
      return { ...out, kind: classify(req.method, req.headers["x-http-method"], apiPath) };
    }
  }
}
