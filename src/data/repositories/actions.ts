/** Actions: the heart of the plan. Every read is index-first so it holds at any list size. */
import type { ActionStatus, Disposition, Due, NewUpdateInput } from "../../domain/types.ts";
import { DataError, sp as call } from "../errors.ts";
import { list, queryOnce, queryWindowed } from "../lists.ts";
import { ACTION_EXPAND, ACTION_SELECT, type ActionRecord, actionFrom } from "../mappers.ts";
import type { SPFI } from "../sp.ts";
import { shortTitle, toKeys, toLines, toSpDate } from "../values.ts";

const byPlanOrder = (a: ActionRecord, b: ActionRecord) => a.order - b.order || a.id - b.id;

/**
 * "My actions": one request, filtered on the indexed single-value Owner column (see docs/data-design.md).
 * Owner and officers come expanded in the same response.
 */
export async function getMyActions(sp: SPFI, personId: number): Promise<ActionRecord[]> {
  return call("Reading your actions", async () =>
    (await queryOnce(sp, "actions", { filter: `OwnerId eq ${personId}`, select: ACTION_SELECT, expand: ACTION_EXPAND })).map(actionFrom),
  );
}

/** Every action of a plan, by ID windows (index-first whatever the plan's size). */
export async function getPlanActions(sp: SPFI, planId: number): Promise<ActionRecord[]> {
  return call("Reading the plan's actions", async () =>
    (await queryWindowed(sp, "actions", { filter: `PlanId eq ${planId}`, select: ACTION_SELECT, expand: ACTION_EXPAND }))
      .map(actionFrom)
      .sort(byPlanOrder),
  );
}

/** Actions in later plans that carry this one on (the indexed CarriedFrom lookup). */
export async function getCarriedInto(sp: SPFI, actionId: number): Promise<ActionRecord[]> {
  return call("Reading where the action was carried", async () =>
    (await queryOnce(sp, "actions", { filter: `CarriedFromId eq ${actionId}`, select: ACTION_SELECT, expand: ACTION_EXPAND })).map(actionFrom),
  );
}

/**
 * Open actions (not complete, disposition open) due on or before `upTo`, overdue ones included however old: what
 * reminders and the "due and overdue" view need. Read by ID windows, so it holds at any list size.
 */
export async function getOpenActionsDueBy(sp: SPFI, upTo: string): Promise<ActionRecord[]> {
  return call("Reading open actions due", async () =>
    (
      await queryWindowed(sp, "actions", {
        filter: `DueDate le datetime'${toSpDate(upTo)}' and Disposition eq 'open' and ActionStatus ne 'complete'`,
        select: ACTION_SELECT,
        expand: ACTION_EXPAND,
      })
    ).map(actionFrom),
  );
}

export async function getAction(sp: SPFI, id: number): Promise<ActionRecord> {
  return call(`Reading action ${id}`, async () => {
    const item = await list(sp, "actions")
      .items.getById(id)
      .select(...ACTION_SELECT)
      .expand(...ACTION_EXPAND)();
    return actionFrom(item as never);
  });
}

/** Fields a person may edit on an action (tab edit form, card "propose a new date" once accepted). */
export interface ActionPatch {
  text?: string;
  teams?: string;
  successMeasures?: string[];
  due?: Due;
  status?: ActionStatus;
  disposition?: Disposition;
  characteristics?: string[];
  ownerId?: number | null;
  officerIds?: number[];
  snoozedUntil?: string | null;
  lastUpdateAt?: string | null;
  lastUpdateSummary?: string | null;
}

export function actionPatchToFields(p: ActionPatch): Record<string, unknown> {
  const f: Record<string, unknown> = {};
  if (p.text !== undefined) {
    f.ActionText = p.text;
    f.Title = shortTitle(p.text);
  }
  if (p.teams !== undefined) f.Teams = p.teams;
  if (p.successMeasures !== undefined) f.SuccessMeasures = toLines(p.successMeasures);
  if (p.due !== undefined) {
    f.DueDate = toSpDate(p.due.date);
    f.DuePrecision = p.due.precision;
    f.DueKind = p.due.kind;
    f.DueText = p.due.text;
  }
  if (p.status !== undefined) f.ActionStatus = p.status;
  if (p.disposition !== undefined) f.Disposition = p.disposition;
  if (p.characteristics !== undefined) f.Characteristics = toKeys(p.characteristics);
  if (p.ownerId !== undefined) f.OwnerId = p.ownerId;
  if (p.officerIds !== undefined) f.OfficersId = p.officerIds;
  if (p.snoozedUntil !== undefined) f.SnoozedUntil = p.snoozedUntil;
  if (p.lastUpdateAt !== undefined) f.LastUpdateAt = p.lastUpdateAt;
  if (p.lastUpdateSummary !== undefined) f.LastUpdateSummary = p.lastUpdateSummary;
  return f;
}

/**
 * Writes a patch with the action's ETag. A 412 becomes DataError("conflict") and nothing is written; the caller
 * re-reads, shows what changed and lets the person re-apply.
 */
export async function updateAction(sp: SPFI, id: number, etag: string, patch: ActionPatch): Promise<string | undefined> {
  if (!etag) throw new DataError("invalid", "An action is updated with the ETag it was read with.");
  const res = await call(`Updating action ${id}`, () => list(sp, "actions").items.getById(id).update(actionPatchToFields(patch), etag));
  return (res as { etag?: string } | undefined)?.etag;
}

export type { NewUpdateInput };
