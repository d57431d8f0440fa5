/** Plan items ↔ Plan. */
import type { Plan, PlanStatus } from "../../domain/types.ts";
import type { Item } from "../queries.ts";
import { etagOf, fromKeys, idOrNull, textOf } from "../values.ts";

export const PLAN_SELECT = ["Id", "Title", "Period", "PlanStatus", "PredecessorId", "LocalCharacteristics", "Demonstration"] as const;

export function planFrom(i: Item): Plan {
  return {
    id: i.Id,
    title: textOf(i.Title),
    period: textOf(i.Period),
    status: (textOf(i.PlanStatus) || "active") as PlanStatus,
    predecessorId: idOrNull(i.PredecessorId),
    localCharacteristics: fromKeys(i.LocalCharacteristics),
    demonstration: i.Demonstration === true,
    etag: etagOf(i),
  };
}
