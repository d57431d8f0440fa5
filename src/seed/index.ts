/**
 * The seed: Maidstone Borough Council's Equality Objectives and Action Plan 2017-2021 (public documents), its
 * 2020-21 covering report, a fictional cast of officers with an Entra-shaped directory to act on it in local
 * mode, and the demonstration 2023-2027 plan that local mode delivers against. See docs/seed-provenance.md.
 */
import { type PlanTree, type PlanTreeInput, placedActions, planTreeSchema } from "../domain/plan-tree.ts";
import { ACTION_STATUSES, type ActionStatus, DISPOSITIONS, type Disposition } from "../domain/types.ts";
import { MAIDSTONE_PLAN_2017_21 } from "./maidstone-plan.ts";

export { COVER_REPORT_2020_21, STRATEGIC_PLAN_OBJECTIVES } from "./cover-report-2020-21.ts";
export { DEMONSTRATION_PLAN_TITLE, demonstrationPlan } from "./demonstration-plan.ts";
export { type DirectoryUser, SEED_DEPARTURES, SEED_DIRECTORY, SEED_DIRECTORY_BEFORE_DEPARTURES } from "./directory.ts";
export { MAIDSTONE_PLAN_2017_21 } from "./maidstone-plan.ts";
export {
  SEED_ADMINISTRATOR,
  SEED_DEPARTED,
  SEED_DEPARTED_UPN,
  SEED_EQUALITIES_LEAD_UPN,
  SEED_PEOPLE,
  SEED_UPNS,
  type SeedPerson,
  seedPerson,
} from "./people.ts";

export interface SeedCounts {
  roles: number;
  objectives: number;
  commitments: number;
  actions: number;
  updates: number;
  /** Actions per status. */
  byStatus: Record<ActionStatus, number>;
  /** Actions per disposition. */
  byDisposition: Record<Disposition, number>;
  /** Actions per role name. */
  actionsByRole: Record<string, number>;
}

/** Every action of a parsed tree, in tree order (per objective: commitments' actions, then the objective's own). */
export function treeActions(tree: PlanTree): PlanTree["roles"][number]["objectives"][number]["actions"] {
  return placedActions(tree).map((p) => p.action);
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** Counts computed from the tree (the seed's by default), for tests, the CLI's seed summary and docs. */
export function seedCounts(input: PlanTreeInput = MAIDSTONE_PLAN_2017_21): SeedCounts {
  const tree = planTreeSchema.parse(input);
  const byStatus = zeros(ACTION_STATUSES);
  const byDisposition = zeros(DISPOSITIONS);
  const actionsByRole: Record<string, number> = Object.fromEntries(tree.roles.map((r) => [r.name, 0]));
  const placed = placedActions(tree);
  for (const { action, roleIndex } of placed) {
    actionsByRole[tree.roles[roleIndex].name] += 1;
    byStatus[action.status] += 1;
    byDisposition[action.disposition] += 1;
  }
  const objectives = tree.roles.flatMap((r) => r.objectives);
  return {
    roles: tree.roles.length,
    objectives: objectives.length,
    commitments: objectives.reduce((n, o) => n + o.commitments.length, 0),
    actions: placed.length,
    updates: placed.reduce((n, p) => n + p.action.updates.length, 0),
    byStatus,
    byDisposition,
    actionsByRole,
  };
}
