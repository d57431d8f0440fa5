/** Plans: finding one by title, period or id, the current one, and its status. */
import type { Plan, PlanStatus } from "../../domain/types.ts";
import type { SPFI } from "../create-sp.ts";
import { callSharePoint, DataError } from "../errors.ts";
import { list, queryOnce } from "../queries.ts";
import { PLAN_SELECT, planFrom } from "./mapping.ts";

/** Plans are few (one per four-year period): a single page holds them all. */
export async function getPlans(sp: SPFI): Promise<Plan[]> {
  return callSharePoint("Reading plans", async () =>
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
  await callSharePoint("Updating the plan", () => list(sp, "plans").items.getById(plan.id).update({ PlanStatus: status }, plan.etag ?? "*"));
}
