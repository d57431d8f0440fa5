/**
 * Everything the action view shows, in ONE $batch request: the action, its updates, its version history and the
 * actions that carry it on in later plans.
 */
import type { ActionVersion } from "../../../data/action-versions/mapping.ts";
import { getActionVersions } from "../../../data/action-versions/repository.ts";
import type { ActionRecord } from "../../../data/actions/mapping.ts";
import { getAction, getCarriedInto } from "../../../data/actions/repository.ts";
import { inBatch } from "../../../data/batching.ts";
import type { SPFI } from "../../../data/create-sp.ts";
import type { UpdateRecord } from "../../../data/updates/mapping.ts";
import { getUpdatesForAction } from "../../../data/updates/repository.ts";

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
