/** Turning failures into SharePoint-shaped answers, and naming requests for the stats counters. */
import type { ApiResponse } from "../api/context";
import { Codes, errorBody, type ResponseFormat, SpError } from "../errors";

export function errorResponse(err: unknown, format: ResponseFormat, log?: (line: string) => void): ApiResponse {
  const e =
    err instanceof SpError
      ? err
      : new SpError(500, "-2146232832, Microsoft.SharePoint.SPException", `Unexpected error in the local SharePoint: ${err instanceof Error ? err.message : String(err)}`);
  if (!(err instanceof SpError)) log?.(`internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  return {
    status: e.status,
    headers: { "Content-Type": e.rawBody ? "application/json; charset=utf-8" : format === "verbose" ? "application/json;odata=verbose;charset=utf-8" : "application/json;odata=minimalmetadata;charset=utf-8", ...e.headers },
    body: errorBody(e, format),
    kind: e.code === Codes.throttled ? "throttled" : "errors",
  };
}

/** Counter name for a request that failed before its handler could name it. */
export function classify(method: string, override: string | undefined, apiPath: string): string {
  const m = (method.toUpperCase() === "POST" && override ? override : method).toUpperCase();
  const p = apiPath.toLowerCase().replace(/\?.*$/, "");
  if (p === "contextinfo") return "contextinfo";
  if (/roleassignments|roledefinitions|breakroleinheritance|resetroleinheritance|effectivebasepermissions|getusereffectivepermissions|hasuniqueroleassignments/.test(p)) return "permissions";
  if (/sitegroups|associated(owner|member|visitor)group|currentuser\/groups/.test(p)) return "groups";
  if (/\/versions(\(|$)/.test(p)) return "versions";
  if (/\/recycle$/.test(p) && /items\(|getitembyid/.test(p)) return "recycle-item";
  if (/(items\(\d+\)|getitembyid\(\d+\))$/.test(p)) return m === "GET" ? "get-item" : m === "DELETE" ? "delete-item" : "update-item";
  if (/\/items$/.test(p)) return m === "GET" ? "get-items" : "add-item";
  if (/\/fields/.test(p)) return "fields";
  if (/(^|\/)lists/.test(p)) return "lists";
  if (/currentuser|ensureuser|siteusers|getuserbyid/.test(p)) return "users";
  return "web";
}
