/**
 * Who may write the plan's lists with their own token: site owners and the app, nobody else (model.ts). Operator
 * commands that write the plan (`eap reassign`) ask first, so a person without the right gets one clear refusal
 * before anything is tried, instead of a 403 per action.
 */
import { PermissionKind } from "@pnp/sp/security";
import "@pnp/sp/security/list";
import type { SPFI } from "../create-sp.ts";
import { callSharePoint, DataError } from "../errors.ts";
import { list } from "../queries.ts";

export const PLAN_WRITER_NEEDED =
  "Only site owners and the app write the plan's lists (docs/security.md): run this as a site owner (--auth device-code) or as the app (--auth certificate). The equalities lead does this in the tab, which asks the server. Nothing was changed.";

/** Refuses (reason "forbidden") unless the caller may edit the Actions list's items. */
export async function requirePlanWriter(sp: SPFI): Promise<void> {
  const may = await callSharePoint("Checking your permissions on the plan's lists", () => list(sp, "actions").currentUserHasPermissions(PermissionKind.EditListItems));
  if (!may) throw new DataError("forbidden", PLAN_WRITER_NEEDED, { status: 403 });
}
