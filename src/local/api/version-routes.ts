/** `items(n)/versions` and `versions(<VersionId>)` for lists with versioning on. */
import { Codes, Errors, SpError } from "../errors";
import type { ListMeta } from "../model/list-model";
import { collection, entity, single } from "../odata/serialize";
import { argInt, type Seg } from "../odata/segments";
import { Perm } from "../security/permissions";
import type { ApiResponse, Call } from "./context";
import { itemUri, viewOf } from "./items-view";

export function versionsRoute(call: Call, list: ListMeta, id: number, seg: Seg, segs: Seg[]): ApiResponse {
  const { r, method, ctx } = call;
  if (method !== "GET") throw Errors.method();
  if (segs.length) throw Errors.resource(segs[0].raw);
  const site = ctx.site;
  call.access.require(Perm.ViewVersions, list, id);
  let versions = site.versions.of(list, id);
  const current = versions[0]?.version;
  if (seg.args !== undefined) {
    const vid = argInt(seg.args);
    versions = versions.filter((v) => v.version * 512 === vid);
    if (!versions.length) throw new SpError(404, Codes.argument, "Version does not exist.");
  }
  const items = versions.map((v) => {
    const editor = site.users.get(v.editor);
    const props: Record<string, unknown> = {
      ...v.data,
      Created: v.modified,
      IsCurrentVersion: v.version === current,
      VersionId: v.version * 512,
      VersionLabel: `${v.version}.0`,
      Editor: { LookupId: v.editor, LookupValue: editor?.title ?? "", Email: editor?.email ?? "" },
    };
    for (const [k, val] of Object.entries(props)) {
      if (Array.isArray(val) && r.format === "verbose") props[k] = { results: val };
    }
    return entity(r.format, { type: "SP.ListItemVersion", uri: `${itemUri(viewOf(call), list, id)}/versions(${v.version * 512})` }, props);
  });
  if (seg.args !== undefined) return r.json(200, single(r.format, items[0], r.meta("SP.ListItemVersion/@Element")), "versions");
  return r.json(200, collection(r.format, items, r.meta("SP.ListItemVersion")), "versions");
}
