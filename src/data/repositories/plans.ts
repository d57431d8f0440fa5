/** Plans and their structure (roles, objectives, commitments). */
import type { Commitment, Objective, Plan, PlanStatus, Role } from "../../domain/types.ts";
import { sp as call } from "../errors.ts";
import { DataError } from "../errors.ts";
import { inBatch, list, queryOnce } from "../lists.ts";
import { COMMITMENT_SELECT, commitmentFrom, OBJECTIVE_SELECT, objectiveFrom, PLAN_SELECT, planFrom, ROLE_SELECT, roleFrom } from "../mappers.ts";
import type { SPFI } from "../sp.ts";

/** Plans are few (one per four-year period): a single page holds them all. */
export async function getPlans(sp: SPFI): Promise<Plan[]> {
  return call("Reading plans", async () =>
    (await queryOnce(sp, "plans", { select: PLAN_SELECT, orderBy: { field: "Id" } })).map(planFrom),
  );
}

export async function findPlan(sp: SPFI, titleOrId: string | number): Promise<Plan | null> {
  const plans = await getPlans(sp);
  if (typeof titleOrId === "number") return plans.find((p) => p.id === titleOrId) ?? null;
  const t = titleOrId.trim().toLowerCase();
  return plans.find((p) => p.title.toLowerCase() === t) ?? plans.find((p) => p.period === titleOrId.trim()) ?? null;
}

export async function requirePlan(sp: SPFI, titleOrId: string | number): Promise<Plan> {
  const plan = await findPlan(sp, titleOrId);
  if (!plan) {
    const known = (await getPlans(sp)).map((p) => `"${p.title}"`).join(", ");
    throw new DataError("not-found", `No plan called "${titleOrId}". Plans on this site: ${known || "none"}.`);
  }
  return plan;
}

/** The active plan, else the newest. */
export async function currentPlan(sp: SPFI): Promise<Plan | null> {
  const plans = await getPlans(sp);
  return plans.filter((p) => p.status === "active").at(-1) ?? plans.at(-1) ?? null;
}

export async function setPlanStatus(sp: SPFI, plan: Plan, status: PlanStatus): Promise<void> {
  await call("Updating the plan", () => list(sp, "plans").items.getById(plan.id).update({ PlanStatus: status }, plan.etag ?? "*"));
}

export interface PlanStructure {
  plan: Plan;
  roles: Role[];
  objectives: Objective[];
  commitments: Commitment[];
}

/** Roles, objectives and commitments of one plan: three indexed queries in one $batch request. */
export async function getPlanStructure(sp: SPFI, plan: Plan): Promise<PlanStructure> {
  const filter = `PlanId eq ${plan.id}`;
  const [roles, objectives, commitments] = await call("Reading the plan's structure", () =>
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
