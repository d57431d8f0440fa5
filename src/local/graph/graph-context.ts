/**
 * Microsoft Graph on the same server (`/v1.0/...`), for the calls the product makes: the same tokens, faults and
 * stats as SharePoint, but Graph's own answers. Errors use Graph's envelope
 * `{"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}`.
 */
import { randomUUID } from "node:crypto";
import type { ApiResponse } from "../api/context";
import type { Principal } from "../auth/principal";
import type { Directory } from "../directory/directory";
import type { SiteRegistry } from "../site/site-registry";

export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    /** Some refusals carry a more specific code inside `innerError` (the policy block: AccessDenied). */
    readonly innerCode?: string,
  ) {
    super(message);
    this.name = "GraphError";
  }
}

export interface GraphRequest {
  method: string;
  url: URL;
  headers: Record<string, string | undefined>;
  body: string;
  principal: Principal;
  /** The token's claims (Graph checks its `roles` / `scp`). */
  claims?: Record<string, unknown>;
}

export interface GraphContext {
  sites: SiteRegistry;
  directory?: Directory;
  /** Host name of this server as Graph names sites (`<hostname>:/sites/<name>`). */
  hostname: string;
  siteUrl(name: string): string;
  /** Absolute base of Graph on this server: http://127.0.0.1:<port>/v1.0 */
  graphBase: string;
}

export function graphErrorResponse(e: GraphError, req?: { headers: Record<string, string | undefined> }): ApiResponse {
  const requestId = randomUUID();
  const body = {
    error: {
      code: e.code,
      message: e.message,
      innerError: {
        ...(e.innerCode ? { code: e.innerCode } : {}),
        date: new Date().toISOString().slice(0, 19),
        "request-id": requestId,
        "client-request-id": req?.headers["client-request-id"] ?? requestId,
      },
    },
  };
  return { status: e.status, headers: { "Content-Type": "application/json", "request-id": requestId, ...e.headers }, body: JSON.stringify(body), kind: "graph" };
}

export function graphJson(status: number, body: unknown, kind = "graph", headers: Record<string, string> = {}): ApiResponse {
  return { status, headers: { "Content-Type": "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8", ...headers }, body: JSON.stringify(body), kind };
}

export function graphEmpty(status: number, kind = "graph"): ApiResponse {
  return { status, headers: {}, body: "", kind };
}

export function parseGraphBody(body: string): Record<string, unknown> {
  if (!body.trim()) return {};
  try {
    const v = JSON.parse(body);
    if (v && typeof v === "object" && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    /* fall through */
  }
  throw new GraphError(400, "BadRequest", "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.");
}

export const accessDenied = () => new GraphError(403, "accessDenied", "Access denied");
export const notFound = (what: string) => new GraphError(404, "itemNotFound", `The requested resource '${what}' does not exist.`);
