/**
 * Everything the action view shows, in ONE $batch request: the action, its updates, its version history and the
 * actions that carry it on in later plans.
 */
import { type CarriedHistory, carriedHistory, historyNeeded } from "../../../domain/carried-history.ts";
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
  /** What it shows of the action it was carried from, until it has its own last update and measures. */
  carried: CarriedHistory | null;
}

export async function loadActionPage(sp: SPFI, id: number): Promise<ActionPageData> {
  const [action, updates, versions, carriedInto] = (await inBatch<unknown>(sp, (b) => [
    getAction(b, id),
    getUpdatesForAction(b, id),
    getActionVersions(b, id).catch((error: unknown) => ({ error })),
    getCarriedInto(b, id),
  ])) as [ActionRecord, UpdateRecord[], ActionPageData["versions"], ActionRecord[]];
  // A carried action without its own history: one more request, for the action it came from (a nicety: on failure
  // the page shows the action's own).
  const from = historyNeeded([action]).length ? await getAction(sp, action.carriedFromId as number).catch(() => undefined) : undefined;
  return { action, updates, versions, carriedInto, carried: carriedHistory(action, from) };
}
