/**
 * What every route module works with: the request as the dispatcher hands it over, the answer it gives back, the
 * site it addresses, and small helpers to parse bodies and shape answers in the caller's JSON dialect.
 */
import type { Principal } from "../auth/principal";
import { Errors, type ResponseFormat } from "../errors";
import { contentType } from "../odata/serialize";
import type { Site } from "../site/site";

export interface ApiRequest {
  method: string;
  url: URL;
  /** Lower-cased header names. */
  headers: Record<string, string | undefined>;
  body: string;
  principal: Principal;
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Counter name for /_local/stats. */
  kind: string;
  /** Close the connection instead of answering (an injected lost reply). */
  drop?: boolean;
}

export interface SiteContext {
  site: Site;
  siteUrl: string;
  sitePath: string;
  digestSeconds: number;
}

/** One API call on its way through the route modules. */
export interface Call {
  ctx: SiteContext;
  req: ApiRequest;
  /** The effective verb: X-HTTP-Method applied, PATCH and PUT read as MERGE. */
  method: string;
  r: Reply;
}

export class Reply {
  constructor(
    readonly format: ResponseFormat,
    readonly siteUrl: string,
  ) {}
  json(status: number, body: unknown, kind: string, headers: Record<string, string> = {}): ApiResponse {
    return { status, headers: { "Content-Type": contentType(this.format), ...headers }, body: JSON.stringify(body), kind };
  }
  empty(status: number, kind: string, headers: Record<string, string> = {}): ApiResponse {
    return { status, headers, body: "", kind };
  }
  meta(fragment: string): string {
    return `${this.siteUrl}/_api/$metadata#${fragment}`;
  }
}

export function parseBody(body: string): Record<string, unknown> {
  if (!body.trim()) return {};
  try {
    const v = JSON.parse(body);
    if (!v || typeof v !== "object" || Array.isArray(v)) throw new Error("not an object");
    return v as Record<string, unknown>;
  } catch {
    throw Errors.badJson();
  }
}

/** `$select` over an entity's properties; an unknown name is SharePoint's 400. */
export function pick(obj: Record<string, unknown>, select: string | null, typeName: string): Record<string, unknown> {
  if (!select) return obj;
  const names = select
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.includes("*")) return obj;
  const out: Record<string, unknown> = {};
  for (const n of names) {
    if (!(n in obj)) throw Errors.noProperty(n, typeName);
    out[n] = obj[n];
  }
  return out;
}

export const selectOf = (call: Call): string | null => call.req.url.searchParams.get("$select");
