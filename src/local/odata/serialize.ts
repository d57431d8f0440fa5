/**
 * SharePoint's three JSON dialects. `Accept: application/json` (what PnPjs sends) gets minimal metadata:
 * `odata.metadata` at the top, `value` for collections, `odata.type/id/etag/editLink` on entities. `odata=verbose`
 * wraps everything in `d` with `__metadata` and `results`; `odata=nometadata` drops the annotations.
 */
import type { ResponseFormat } from "../errors";

export interface EntityMeta {
  type: string;
  /** Absolute URL of the entity (odata.id / __metadata.uri). */
  uri?: string;
  etag?: string;
  /** Relative edit link, e.g. Web/Lists(guid'...')/Items(1). */
  editLink?: string;
}

export function formatFromAccept(accept: string | undefined): ResponseFormat {
  const a = (accept ?? "").toLowerCase();
  if (a.includes("odata=verbose")) return "verbose";
  if (a.includes("odata=nometadata") || a.includes("odata.metadata=none")) return "nometadata";
  return "minimal";
}

export function contentType(format: ResponseFormat): string {
  switch (format) {
    case "verbose":
      return "application/json;odata=verbose;charset=utf-8";
    case "nometadata":
      return "application/json;odata=nometadata;streaming=true;charset=utf-8";
    default:
      return "application/json;odata=minimalmetadata;streaming=true;charset=utf-8";
  }
}

/** An entity object (annotations first, as SharePoint orders them). */
export function entity(format: ResponseFormat, meta: EntityMeta, props: Record<string, unknown>): Record<string, unknown> {
  if (format === "nometadata") return props;
  if (format === "verbose") {
    const m: Record<string, unknown> = {};
    if (meta.uri) {
      m.id = meta.uri;
      m.uri = meta.uri;
    }
    if (meta.etag) m.etag = meta.etag;
    m.type = meta.type;
    return { __metadata: m, ...props };
  }
  const o: Record<string, unknown> = { "odata.type": meta.type };
  if (meta.uri) o["odata.id"] = meta.uri;
  if (meta.etag) o["odata.etag"] = meta.etag;
  if (meta.editLink) o["odata.editLink"] = meta.editLink;
  return { ...o, ...props };
}

/** A collection-valued property: an array, or `{results}` in verbose. */
export function multi(format: ResponseFormat, values: unknown[], edmType: string): unknown {
  return format === "verbose" ? { __metadata: { type: `Collection(${edmType})` }, results: values } : values;
}

export function single(format: ResponseFormat, obj: Record<string, unknown>, metadataUrl: string): unknown {
  if (format === "verbose") return { d: obj };
  if (format === "nometadata") return obj;
  return { "odata.metadata": metadataUrl, ...obj };
}

export function collection(format: ResponseFormat, items: unknown[], metadataUrl: string, nextLink?: string): unknown {
  if (format === "verbose") return { d: nextLink ? { results: items, __next: nextLink } : { results: items } };
  const body: Record<string, unknown> = format === "nometadata" ? {} : { "odata.metadata": metadataUrl };
  body.value = items;
  if (nextLink) body["odata.nextLink"] = nextLink;
  return body;
}

/** A function's primitive result, e.g. recycle()'s GUID. */
export function primitive(format: ResponseFormat, name: string, value: unknown, metadataUrl: string): unknown {
  if (format === "verbose") return { d: { [name]: value } };
  if (format === "nometadata") return { value };
  return { "odata.metadata": metadataUrl, value };
}
