/**
 * What every route module works with: the request as the dispatcher hands it over, the answer it gives back, the
 * site it addresses, and small helpers to parse bodies and shape answers in the caller's JSON dialect.
 */
import type { Principal } from "../auth/principal";
import { Errors, type ResponseFormat } from "../errors";
import { evalFilter } from "../odata/entity-filter";
import { parseFilter } from "../odata/filter-parser";
import { contentType } from "../odata/serialize";
import type { Access } from "../security/access";
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
  /** With a directory, permissions are enforced; in the open mode every caller may do everything. */
  enforce: boolean;
}

/** One API call on its way through the route modules. */
export interface Call {
  ctx: SiteContext;
  req: ApiRequest;
  /** The effective verb: X-HTTP-Method applied, PATCH and PUT read as MERGE. */
  method: string;
  r: Reply;
  /** What the caller may do on this site. */
  access: Access;
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

/**
 * A small collection (lists, columns, users, groups) with SharePoint's `$filter`, evaluated on each entity's plain
 * properties, and `$select`.
 */
export function filtered<T>(call: Call, all: T[], shape: (r: Reply, x: T) => Record<string, unknown>, typeName: string): Record<string, unknown>[] {
  const filter = call.req.url.searchParams.get("$filter");
  const ast = filter ? parseFilter(filter) : undefined;
  const plain = new Reply("nometadata", call.ctx.siteUrl);
  return all.filter((x) => !ast || evalFilter(ast, shape(plain, x))).map((x) => pick(shape(call.r, x), selectOf(call), typeName));
}
