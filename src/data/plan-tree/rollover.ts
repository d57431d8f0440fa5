/**
 * Rollover to the next plan period: the new plan takes the old plan's roles, objectives and commitments, and
 * carries each action whose disposition is "remains ongoing" or "developed" with a carried-from link; the old
 * plan is closed and its other open actions are closed. Written through writePlanTree with an import key derived
 * from the old plan, so an interrupted rollover is finished by running it again.
 */
import type { PlanTreeInput } from "../../domain/plan-tree.ts";
import { carriedAction, nextPeriod, rolloverFate } from "../../domain/rollover.ts";
import type { Plan } from "../../domain/types.ts";
import { inBatches } from "../batching.ts";
import type { SPFI } from "../create-sp.ts";
import { callSharePoint, DataError } from "../errors.ts";
import { getPlans, requirePlan } from "../plans/repository.ts";
import { list } from "../queries.ts";
import { readPlanTree } from "./read-plan-tree.ts";
import { type WriteResult, writePlanTree } from "./write-plan-tree.ts";

export interface RolloverOptions {
  from: string;
  to: string;
  /** "2023-2027"; default: the four years after the old period. */
  period?: string;
  onProgress?: (stage: string, done: number, total: number) => void;
}

export interface RolloverResult {
  from: Plan;
  toPlanId: number;
  carried: number;
  closed: number;
  write: WriteResult;
}

const isCarried = (a: { disposition: string }) => rolloverFate(a.disposition) === "carried";

export async function rolloverPlan(sp: SPFI, o: RolloverOptions): Promise<RolloverResult> {
  const from = await requirePlan(sp, o.from);
  const existing = (await getPlans(sp)).find((p) => p.title.toLowerCase() === o.to.toLowerCase());
  if (existing && existing.predecessorId !== from.id)
    throw new DataError("duplicate", `A plan called "${o.to}" already exists and was not rolled over from "${from.title}".`);
  const period = o.period ?? nextPeriod(from.period);
  const snap = await readPlanTree(sp, from, { updates: false });
  // A commitment's link to the action it restates goes with it only when that action goes too (same reference).
  const carriedRefs = new Set(snap.actions.filter(isCarried).map((a) => a.reference));

  const tree: PlanTreeInput = {
    title: o.to,
    period,
    // Draft until everything is written and the old plan is closed: an interrupted rollover never shows a half
    // plan as the current one, and running it again finishes it.
    status: "draft",
    predecessorTitle: from.title,
    // The successor of a demonstration plan is a demonstration too.
    demonstration: snap.tree.demonstration,
    localCharacteristics: snap.tree.localCharacteristics,
    roles: snap.tree.roles.map((r) => ({
      ...r,
      objectives: r.objectives.map((ob) => ({
        ...ob,
        commitments: ob.commitments.map((c) => ({
          ...c,
          actions: c.actions.filter(isCarried).map(carriedAction),
          continues: c.continues && carriedRefs.has(c.continues.reference) ? c.continues : undefined,
        })),
        actions: ob.actions.filter(isCarried).map(carriedAction),
      })),
    })),
  };
  const write = await writePlanTree(sp, tree, { importId: `rollover:${from.id}`, onProgress: o.onProgress });

  // Close the old plan: open actions get the disposition "closed"; those carried keep theirs.
  const toClose = snap.actions.filter((a) => rolloverFate(a.disposition) === "closed");
  await callSharePoint("Closing the old plan's actions", () =>
    inBatches(sp, toClose, (b, a) => list(b, "actions").items.getById(a.id).update({ Disposition: "closed" }, "*")),
  );
  if (from.status !== "closed") await callSharePoint("Closing the old plan", () => list(sp, "plans").items.getById(from.id).update({ PlanStatus: "closed" }, "*"));
  await callSharePoint("Opening the new plan", () => list(sp, "plans").items.getById(write.planId).update({ PlanStatus: "active" }, "*"));
  const carried = snap.actions.filter(isCarried).length;
  return { from, toPlanId: write.planId, carried, closed: toClose.length, write };
}
