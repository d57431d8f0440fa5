/**
 * Rollover to the next plan period: the new plan takes the old plan's roles, objectives and commitments, and
 * carries each action whose disposition is "remains ongoing" or "developed" with a carried-from link; the old
 * plan is closed and its other open actions are closed. Written through writePlanTree with an import key derived
 * from the old plan, so an interrupted rollover is finished by running it again.
 */
import type { PlanTreeInput } from "../../domain/plan-tree.ts";
import { carriedAction, nextPeriod, rolloverFate } from "../../domain/rollover.ts";
import type { Plan } from "../../domain/types.ts";
import type { SPFI } from "../create-sp.ts";
import { DataError } from "../errors.ts";
import { getPlans, requirePlan } from "../plans/repository.ts";
import { placesOf, type Reassignments, resolvePeople } from "./people.ts";
import { type PlanSnapshot, readPlanTree } from "./read-plan-tree.ts";
import { closeOldActions, type KeptDecision, setPlanStatusFresh } from "./rollover-close.ts";
import { PlanTreeInvalid, validatePlanTree, type WriteResult, writePlanTree } from "./write-plan-tree.ts";

export interface RolloverOptions {
  from: string;
  to: string;
  /** "2023-2027"; default: the four years after the old period. */
  period?: string;
  onProgress?: (stage: string, done: number, total: number) => void;
  /** Who takes over from officers who cannot be resolved any more (old login → new login). */
  reassign?: Reassignments;
}

export interface RolloverResult {
  from: Plan;
  toPlanId: number;
  carried: number;
  closed: number;
  /**
   * Actions decided while the rollover ran (their disposition changed after the snapshot): kept as decided, not
   * closed. One decided "remains ongoing" or "developed" is not in the new plan yet: running the rollover again
   * carries it.
   */
  keptDecisions: KeptDecision[];
  write: WriteResult;
}

const isCarried = (a: { disposition: string }) => rolloverFate(a.disposition) === "carried";

/** What a rollover would write: the old plan, a snapshot of it and the new plan's tree. Reads only. */
export interface RolloverDraft {
  from: Plan;
  snap: PlanSnapshot;
  tree: PlanTreeInput;
}

export async function draftRollover(sp: SPFI, o: RolloverOptions): Promise<RolloverDraft> {
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
  return { from, snap, tree };
}

/**
 * Checks that every officer the new plan would name still resolves (after `reassign`), without writing any plan
 * item: throws PeopleUnresolved listing each one who does not, with their actions. (SharePoint's ensureUser, the
 * only way to ask, adds the people it finds to the site's users, as writing the plan would.)
 */
export async function checkRolloverPeople(sp: SPFI, draft: RolloverDraft, reassign?: Reassignments): Promise<void> {
  await checkPlanPeople(sp, draft.tree, reassign);
}

/** The same check for any plan about to be written (an import's tree): everyone it names, after `reassign`. */
export async function checkPlanPeople(sp: SPFI, input: PlanTreeInput, reassign?: Reassignments): Promise<void> {
  const v = validatePlanTree(input);
  if (!v.ok) throw new PlanTreeInvalid(v.problems);
  await resolvePeople(sp, placesOf(v.value.tree, { action: () => true, update: () => true }), reassign);
}

/** Writes the rollover; `draft` (from draftRollover with the same options) saves reading the old plan again. */
export async function rolloverPlan(sp: SPFI, o: RolloverOptions, draft?: RolloverDraft): Promise<RolloverResult> {
  const { from, snap, tree } = draft ?? (await draftRollover(sp, o));
  const write = await writePlanTree(sp, tree, { importId: `rollover:${from.id}`, onProgress: o.onProgress, reassign: o.reassign });

  // Close the old plan: open actions get the disposition "closed" (each over the ETag read just before its write);
  // those carried keep theirs, and a decision recorded while the new plan was written is kept and reported.
  const close = await closeOldActions(sp, snap.actions);
  if (from.status !== "closed") await setPlanStatusFresh(sp, from, "closed");
  await setPlanStatusFresh(sp, { id: write.planId, title: o.to }, "active");
  const carried = snap.actions.filter(isCarried).length;
  return { from, toPlanId: write.planId, carried, closed: close.closed, keptDecisions: close.kept, write };
}
