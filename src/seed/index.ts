/**
 * The seed: Maidstone Borough Council's Equality Objectives and Action Plan 2017-2021 (public documents) and a cast
 * of fictional officers to act on it in local mode.
 */
import { type PlanTree, type PlanTreeInput, planTreeSchema } from "../domain/plan-tree.ts";
import type { Disposition } from "../domain/types.ts";
import { MAIDSTONE_PLAN_2017_21 } from "./maidstone-plan.ts";

export { MAIDSTONE_PLAN_2017_21 } from "./maidstone-plan.ts";
export { SEED_EMAILS, SEED_EQUALITIES_LEAD_EMAIL, SEED_PEOPLE } from "./people.ts";

export interface SeedCounts {
  roles: number;
  objectives: number;
  commitments: number;
  actions: number;
  updates: number;
  /** Actions per disposition. */
  byDisposition: Record<Disposition, number>;
  /** Actions per role name. */
  actionsByRole: Record<string, number>;
}

/** Every action of a parsed tree, in tree order (per objective: commitments' actions, then the objective's own). */
export function treeActions(tree: PlanTree): PlanTree["roles"][number]["objectives"][number]["actions"] {
  return tree.roles.flatMap((role) =>
    role.objectives.flatMap((objective) => [
      ...objective.commitments.flatMap((commitment) => commitment.actions),
      ...objective.actions,
    ]),
  );
}

/** Counts computed from the tree (the seed's by default), for tests, the CLI's seed summary and docs. */
export function seedCounts(input: PlanTreeInput = MAIDSTONE_PLAN_2017_21): SeedCounts {
  const tree = planTreeSchema.parse(input);
  const byDisposition: Record<Disposition, number> = { open: 0, closed: 0, ongoing: 0, developed: 0 };
  const actionsByRole: Record<string, number> = {};
  let objectives = 0;
  let commitments = 0;
  let actions = 0;
  let updates = 0;
  for (const role of tree.roles) {
    actionsByRole[role.name] = 0;
    for (const objective of role.objectives) {
      objectives += 1;
      commitments += objective.commitments.length;
      const all = [...objective.commitments.flatMap((c) => c.actions), ...objective.actions];
      for (const action of all) {
        actions += 1;
        actionsByRole[role.name] += 1;
        updates += action.updates.length;
        byDisposition[action.disposition] += 1;
      }
    }
  }
  return { roles: tree.roles.length, objectives, commitments, actions, updates, byDisposition, actionsByRole };
}
