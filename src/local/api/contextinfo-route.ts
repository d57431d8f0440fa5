/** `POST _api/contextinfo`: a request digest for cookie-less writes, top-level in minimal metadata as PnPjs reads it. */
import { single } from "../odata/serialize";
import type { ApiResponse, Call } from "./context";

export function contextInfo({ ctx, r }: Call): ApiResponse {
  const props = {
    FormDigestTimeoutSeconds: ctx.digestSeconds,
    FormDigestValue: ctx.site.digests.issue(),
    LibraryVersion: "16.0.0.0",
    SiteFullUrl: ctx.siteUrl,
    SupportedSchemaVersions: r.format === "verbose" ? { results: ["14.0.0.0", "15.0.0.0"] } : ["14.0.0.0", "15.0.0.0"],
    WebFullUrl: ctx.siteUrl,
  };
  if (r.format === "verbose") {
    return r.json(200, { d: { GetContextWebInformation: { __metadata: { type: "SP.ContextWebInformation" }, ...props } } }, "contextinfo");
  }
  return r.json(200, single(r.format, { "odata.type": "SP.ContextWebInformation", ...props }, r.meta("SP.ContextWebInformation")), "contextinfo");
}
