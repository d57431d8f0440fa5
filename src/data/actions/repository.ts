/** Actions: the heart of the plan. Every read is index-first so it holds at any list size. */
import type { SPFI } from "../create-sp.ts";
import { callSharePoint, DataError } from "../errors.ts";
import { and, datetime, eq, le, ne } from "../odata.ts";
import { list, queryOnce, queryWindowed } from "../queries.ts";
import { toSpDate } from "../values.ts";
import { ACTION_EXPAND, ACTION_SELECT, type ActionPatch, type ActionRecord, actionFrom, actionPatchToFields } from "./mapping.ts";

const byPlanOrder = (a: ActionRecord, b: ActionRecord) => a.order - b.order || a.id - b.id;

/**
 * "My actions": one request, filtered on the indexed single-value Owner column (see docs/data-design.md).
 * Owner and officers come expanded in the same response.
 */
export async function getMyActions(sp: SPFI, personId: number): Promise<ActionRecord[]> {
  return callSharePoint("Reading your actions", async () =>
    (await queryOnce(sp, "actions", { filter: eq("OwnerId", personId), select: ACTION_SELECT, expand: ACTION_EXPAND })).map(actionFrom),
  );
}

/** Every action of a plan, by ID windows (index-first whatever the plan's size). */
export async function getPlanActions(sp: SPFI, planId: number): Promise<ActionRecord[]> {
  return callSharePoint("Reading the plan's actions", async () =>
    (await queryWindowed(sp, "actions", { filter: eq("PlanId", planId), select: ACTION_SELECT, expand: ACTION_EXPAND }))
      .map(actionFrom)
      .sort(byPlanOrder),
  );
}

/** Actions in later plans that carry this one on (the indexed CarriedFrom lookup). */
export async function getCarriedInto(sp: SPFI, actionId: number): Promise<ActionRecord[]> {
  return callSharePoint("Reading where the action was carried", async () =>
    (await queryOnce(sp, "actions", { filter: eq("CarriedFromId", actionId), select: ACTION_SELECT, expand: ACTION_EXPAND })).map(actionFrom),
  );
}

/**
 * Open actions (not complete, disposition open) due on or before `upTo`, overdue ones included however old: what
 * reminders and the "due and overdue" view need. Read by ID windows, so it holds at any list size.
 */
export async function getOpenActionsDueBy(sp: SPFI, upTo: string): Promise<ActionRecord[]> {
  return callSharePoint("Reading open actions due", async () =>
    (
      await queryWindowed(sp, "actions", {
        filter: and(le("DueDate", datetime(toSpDate(upTo) ?? "")), eq("Disposition", "open"), ne("ActionStatus", "complete")),
        select: ACTION_SELECT,
        expand: ACTION_EXPAND,
      })
    ).map(actionFrom),
  );
}

export async function getAction(sp: SPFI, id: number): Promise<ActionRecord> {
  return callSharePoint(`Reading action ${id}`, async () => {
    const item = await list(sp, "actions")
      .items.getById(id)
      .select(...ACTION_SELECT)
      .expand(...ACTION_EXPAND)();
    return actionFrom(item as never);
  });
}

/**
 * Writes a patch with the action's ETag. A 412 becomes DataError("conflict") and nothing is written; the caller
 * re-reads, shows what changed and lets the person re-apply.
 */
export async function updateAction(sp: SPFI, id: number, etag: string, patch: ActionPatch): Promise<string | undefined> {
  if (!etag) throw new DataError("invalid", "An action is updated with the ETag it was read with.");
  const res = await callSharePoint(`Updating action ${id}`, () => list(sp, "actions").items.getById(id).update(actionPatchToFields(patch), etag));
  return (res as { etag?: string } | undefined)?.etag;
}

/** Id → reference of every action of a plan: two columns by ID windows, for matching what files and seeds name. */
export async function getActionReferences(sp: SPFI, planId: number): Promise<Map<number, string>> {
  return callSharePoint("Reading the plan's action references", async () => {
    const items = await queryWindowed(sp, "actions", { filter: eq("PlanId", planId), select: ["Id", "Reference"] });
    return new Map(items.map((i) => [i.Id, typeof i.Reference === "string" ? i.Reference : ""]));
  });
}
