/**
 * Everything the action view shows, in ONE $batch request: the action, its updates, its version history and the
 * actions that carry it on in later plans.
 */
import { inBatch } from "../../../data/lists.ts";
import type { ActionRecord, UpdateRecord } from "../../../data/mappers.ts";
import { getAction, getCarriedInto } from "../../../data/repositories/actions.ts";
import { getUpdatesForAction } from "../../../data/repositories/updates.ts";
import type { SPFI } from "../../../data/sp.ts";
import { type ActionVersion, getActionVersions } from "../../../data/repositories/action-versions.ts";

export interface ActionPageData {
  action: ActionRecord;
  updates: UpdateRecord[];
  /** History is a nicety: when it cannot be read (versioning off, no rights) the rest still shows. */
  versions: ActionVersion[] | { error: unknown };
  /** Actions in later plans that carry this one on (rollover). */
  carriedInto: ActionRecord[];
}

export async function loadActionPage(sp: SPFI, id: number): Promise<ActionPageData> {
  const [action, updates, versions, carriedInto] = (await inBatch<unknown>(sp, (b) => [
    getAction(b, id),
    getUpdatesForAction(b, id),
    getActionVersions(b, id).catch((error: unknown) => ({ error })),
    getCarriedInto(b, id),
  ])) as [ActionRecord, UpdateRecord[], ActionPageData["versions"], ActionRecord[]];
  return { action, updates, versions, carriedInto };
}
