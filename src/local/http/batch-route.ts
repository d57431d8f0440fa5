/**
 * `POST _api/$batch`: every part runs through the same API as a single request, with the outer request's caller;
 * the answer is one flat `--batchresponse_` part per request, in order.
 */
import type { ApiRequest, ApiResponse } from "../api/context";
import { Codes, Errors, SpError } from "../errors";
import { formatFromAccept } from "../odata/serialize";
import { type BatchPart, buildBatchResponse, parseBatch } from "./batch-format";
import { errorResponse } from "./responses";
import type { Stats } from "./stats";

export interface BatchContext {
  siteUrl: string;
  sitePath: string;
  stats: Stats;
  /** false (SharePoint as seen with PnPjs' grouped changesets): after a failed part, the changeset's later parts fail too. */
  partsIndependent: boolean;
  /** Runs one request against the site's API; never throws. */
  run(req: ApiRequest, apiPath: string): ApiResponse;
  /** An injected failure for one part (`429-in-batch`), answered instead of running it; undefined to run it. */
  partFault?: () => ApiResponse | undefined;
}

export function runBatch(ctx: BatchContext, req: ApiRequest): ApiResponse {
  const parts = parseBatch(req.body, req.headers["content-type"]);
  ctx.stats.count("batch-parts", parts.length);
  const prefix = `${ctx.sitePath}/_api/`.toLowerCase();
  const failed = new Set<number>();
  const responses = parts.map((p) => {
    if (p.changeset !== undefined && failed.has(p.changeset)) {
      // Not applied: SharePoint answers the rest of a changeset after a failure this way (pnp/pnpjs#486, #1275).
      const r = errorResponse(new SpError(500, "-1, System.IndexOutOfRangeException", "Index was outside the bounds of the array."), formatFromAccept(p.headers.accept));
      ctx.stats.error(500);
      return r;
    }
    const r = ctx.partFault?.() ?? runPart(ctx, req, p, prefix);
    if (r.status >= 400 && p.changeset !== undefined && !ctx.partsIndependent) failed.add(p.changeset);
    return r;
  });
  const built = buildBatchResponse(responses);
  return { status: 200, headers: { "Content-Type": `multipart/mixed; boundary=${built.boundary}` }, body: built.body, kind: "batch" };
}

function runPart(ctx: BatchContext, req: ApiRequest, p: BatchPart, prefix: string): ApiResponse {
  let url: URL;
  try {
    url = new URL(p.url, `${ctx.siteUrl}/_api/`);
  } catch {
    return errorResponse(Errors.resource(p.url), "minimal");
  }
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return errorResponse(Errors.badExpression(p.url, "The URL is not correctly percent-encoded."), "minimal");
  }
  if (!path.toLowerCase().startsWith(prefix)) {
    return errorResponse(new SpError(400, Codes.odata, `The batch part URL '${p.url}' is not in this site.`), formatFromAccept(p.headers.accept));
  }
  const r = ctx.run({ method: p.method, url, headers: p.headers, body: p.body, principal: req.principal }, path.slice(prefix.length));
  ctx.stats.count(r.kind);
  if (r.status >= 400) ctx.stats.error(r.status);
  return r;
}
