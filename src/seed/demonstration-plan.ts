/**
 * The DEMONSTRATION 2023-2027 plan: what local mode delivers against, so that "my actions", reminders, reviews and
 * the dashboard have live work to show. It is not a plan the council adopted, and the product shows it as a
 * demonstration plan. It is made from the seeded plan the way a rollover would make it, and nothing more:
 *  - per role, the 2022-23 appendix's objective and commitments (the appendix's wording);
 *  - the actions the appendix says continue ("remains ongoing" or "has now developed" in the new plan), each
 *    carried with a link to its 2022-23 action, the same officers, no dates (local mode moves dates near today),
 *    no history, and the status every new action starts with, "not started": nobody has reported on it in this
 *    plan yet. (Its history keeps its own "not recorded" status.)
 * The seeded 2017-2021 plan itself is left exactly as the documents give it (a rollover would close its other
 * actions, which no document says).
 */
import type { PlanTreeInput } from "../domain/plan-tree.ts";
import { carriedAction, rolloverFate } from "../domain/rollover.ts";
import { MAIDSTONE_PLAN_2017_21 } from "./maidstone-plan.ts";
import { SOURCE_2022_23 } from "./appendix-2022-23.ts";

export const DEMONSTRATION_PLAN_TITLE = "Equality Objectives and Action Plan 2023-2027";

export function demonstrationPlan(from: PlanTreeInput = MAIDSTONE_PLAN_2017_21): PlanTreeInput {
  return {
    title: DEMONSTRATION_PLAN_TITLE,
    period: "2023-2027",
    status: "active",
    demonstration: true,
    predecessorTitle: from.title,
    localCharacteristics: from.localCharacteristics,
    roles: from.roles.map((role) => ({
      name: role.name,
      statement: role.statement,
      objectives: (role.objectives ?? [])
        .filter((o) => o.source === SOURCE_2022_23)
        .map((o) => ({
          statement: o.statement,
          // The commitments' links point into the old plan; the new plan states them afresh.
          commitments: (o.commitments ?? []).map((c) => ({ statement: c.statement })),
          actions: (o.actions ?? [])
            .filter((a) => rolloverFate(a.disposition ?? "open") === "carried")
            // The rollover's carried copy, with no date yet and the status a new action starts with.
            .map((a) => ({
              ...carriedAction({ ...a, disposition: a.disposition ?? "open", status: a.status ?? "not-started", updates: a.updates ?? [] }),
              dueText: "",
              status: "not-started" as const,
            })),
        })),
    })),
  };
}
