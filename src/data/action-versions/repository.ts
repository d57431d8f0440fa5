/**
 * The version history of an action item (`items(n)/versions`, the list has versioning on): what changed, when and
 * by whom, shown in the tab's action view.
 */
import type { SPFI } from "../create-sp.ts";
import { callSharePoint } from "../errors.ts";
import { list } from "../queries.ts";
import { siteDates } from "../site-time-zone.ts";
import { type ActionVersion, versionFrom } from "./mapping.ts";

/** Newest first, as SharePoint returns them. */
export async function getActionVersions(sp: SPFI, actionId: number): Promise<ActionVersion[]> {
  return callSharePoint(`Reading the history of action ${actionId}`, async () => {
    const [raw, dates] = await Promise.all([list(sp, "actions").items.getById(actionId).versions() as Promise<Record<string, unknown>[]>, siteDates(sp)]);
    return raw.map((v) => versionFrom(v, dates)).sort((a, b) => Number(b.label) - Number(a.label) || b.at.localeCompare(a.at));
  });
}
