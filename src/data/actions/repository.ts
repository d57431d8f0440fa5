/** Actions: the heart of the plan. Every read is index-first so it holds at any list size. */
import type { SPFI } from "../create-sp.ts";
import { callSharePoint, DataError } from "../errors.ts";
import { and, datetime, eq, le, ne } from "../odata.ts";
import { type Item, list, type Query, queryByIds, queryOnce, queryWindowed } from "../queries.ts";
import { siteDates } from "../site-time-zone.ts";
import { newWriteKey } from "../values.ts";
import { updateWithWriteKey } from "../keyed-update.ts";
import { ACTION_EXPAND, ACTION_SELECT, type ActionPatch, type ActionRecord, actionFrom, actionPatchToFields } from "./mapping.ts";

const byPlanOrder = (a: ActionRecord, b: ActionRecord) => a.order - b.order || a.id - b.id;

const withPeople = (filter: string): Query => ({ filter, select: ACTION_SELECT, expand: ACTION_EXPAND });

/** Reads actions with the site's dates (both requests start together, so a $batch carries both). */
async function readActions(sp: SPFI, read: (sp: SPFI) => Promise<Item[]>): Promise<ActionRecord[]> {
  const [items, dates] = await Promise.all([read(sp), siteDates(sp)]);
  return items.map((i) => actionFrom(i, dates));
}

/**
 * "My actions": one request, filtered on the indexed single-value Owner column (see docs/data-design.md).
 * Owner and officers come expanded in the same response.
 */
export async function getMyActions(sp: SPFI, personId: number): Promise<ActionRecord[]> {
  return callSharePoint("Reading your actions", () => readActions(sp, (s) => queryOnce(s, "actions", withPeople(eq("OwnerId", personId)))));
}

/** Every action of a plan, by ID windows (index-first whatever the plan's size). */
export async function getPlanActions(sp: SPFI, planId: number): Promise<ActionRecord[]> {
  return callSharePoint("Reading the plan's actions", async () =>
    (await readActions(sp, (s) => queryWindowed(s, "actions", withPeople(eq("PlanId", planId))))).sort(byPlanOrder),
  );
}

/** Actions in later plans that carry this one on (the indexed CarriedFrom lookup). */
export async function getCarriedInto(sp: SPFI, actionId: number): Promise<ActionRecord[]> {
  return callSharePoint("Reading where the action was carried", () => readActions(sp, (s) => queryOnce(s, "actions", withPeople(eq("CarriedFromId", actionId)))));
}

/** Actions by id (the Id column is always indexed), 40 to a request: the sources of carried actions' history. */
export async function getActionsByIds(sp: SPFI, ids: readonly number[]): Promise<ActionRecord[]> {
  if (ids.length === 0) return [];
  return callSharePoint("Reading actions by id", () => readActions(sp, (s) => queryByIds(s, "actions", ids, { select: ACTION_SELECT, expand: ACTION_EXPAND })));
}

/**
 * Open actions (not complete, disposition open) due on or before `upTo`, overdue ones included however old: what
 * reminders and the "due and overdue" view need. Read by ID windows, so it holds at any list size. The day is the
 * site's: `upTo` is compared with the local midnight SharePoint keeps for it, so the last day is included in any
 * time zone.
 */
export async function getOpenActionsDueBy(sp: SPFI, upTo: string): Promise<ActionRecord[]> {
  return callSharePoint("Reading open actions due", async () => {
    const dates = await siteDates(sp);
    const filter = and(le("DueDate", datetime(dates.toSpDate(upTo) ?? "")), eq("Disposition", "open"), ne("ActionStatus", "complete"));
    return (await queryWindowed(sp, "actions", withPeople(filter))).map((i) => actionFrom(i, dates));
  });
}

export async function getAction(sp: SPFI, id: number): Promise<ActionRecord> {
  return callSharePoint(`Reading action ${id}`, async () => {
    const [item, dates] = await Promise.all([
      list(sp, "actions")
        .items.getById(id)
        .select(...ACTION_SELECT)
        .expand(...ACTION_EXPAND)() as Promise<Item>,
      siteDates(sp),
    ]);
    return actionFrom(item, dates);
  });
}

/**
 * Writes a patch with the action's ETag. A 412 becomes DataError("conflict") and nothing is written; the caller
 * re-reads, shows what changed and lets the person re-apply.
 *
 * Every write carries a fresh WriteKey. When a MERGE commits and its reply is lost (a gateway timeout, a dropped
 * connection), the retry is answered 412, because our own write moved the ETag on; the item's WriteKey then shows
 * whether the write that moved it was ours, and if so this is success, not a conflict.
 */
export async function updateAction(sp: SPFI, id: number, etag: string, patch: ActionPatch): Promise<string | undefined> {
  if (!etag) throw new DataError("invalid", "An action is updated with the ETag it was read with.");
  // Only a due date needs the site's zone (a patch without one stays a single request).
  const dates = patch.due !== undefined ? await siteDates(sp) : undefined;
  return updateWithWriteKey(sp, "actions", id, { fields: actionPatchToFields(patch, dates), etag, writeKey: newWriteKey() }, `Updating action ${id}`);
}

/** Id → reference of every action of a plan: two columns by ID windows, for matching what files and seeds name. */
export async function getActionReferences(sp: SPFI, planId: number): Promise<Map<number, string>> {
  return callSharePoint("Reading the plan's action references", async () => {
    const items = await queryWindowed(sp, "actions", { filter: eq("PlanId", planId), select: ["Id", "Reference"] });
    return new Map(items.map((i) => [i.Id, typeof i.Reference === "string" ? i.Reference : ""]));
  });
}
