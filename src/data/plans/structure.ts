/** A plan's structure: its roles, objectives and commitments, read together. */
import type { Commitment, Objective, Plan, Role } from "../../domain/types.ts";
import { inBatch } from "../batching.ts";
import { COMMITMENT_SELECT, commitmentFrom } from "../commitments/mapping.ts";
import type { SPFI } from "../create-sp.ts";
import { callSharePoint } from "../errors.ts";
import { OBJECTIVE_SELECT, objectiveFrom } from "../objectives/mapping.ts";
import { eq } from "../odata.ts";
import { queryOnce } from "../queries.ts";
import { ROLE_SELECT, roleFrom } from "../roles/mapping.ts";

export interface PlanStructure {
  plan: Plan;
  roles: Role[];
  objectives: Objective[];
  commitments: Commitment[];
}

/** Roles, objectives and commitments of one plan: three indexed queries in one $batch request. */
export async function getPlanStructure(sp: SPFI, plan: Plan): Promise<PlanStructure> {
  const filter = eq("PlanId", plan.id);
  const [roles, objectives, commitments] = await callSharePoint("Reading the plan's structure", () =>
    inBatch(sp, (b) => [
      queryOnce(b, "roles", { filter, select: ROLE_SELECT }),
      queryOnce(b, "objectives", { filter, select: OBJECTIVE_SELECT }),
      queryOnce(b, "commitments", { filter, select: COMMITMENT_SELECT }),
    ]),
  );
  const byOrder = <T extends { order: number; id: number }>(a: T, b: T) => a.order - b.order || a.id - b.id;
  return {
    plan,
    roles: roles.map(roleFrom).sort(byOrder),
    objectives: objectives.map(objectiveFrom).sort(byOrder),
    commitments: commitments.map(commitmentFrom).sort(byOrder),
  };
}
