/** Commitment items ↔ Commitment. */
import type { Commitment } from "../../domain/types.ts";
import type { Item } from "../queries.ts";
import { numberOf, textOf } from "../values.ts";

export const COMMITMENT_SELECT = ["Id", "PlanId", "ObjectiveId", "Statement", "SortOrder"] as const;

export function commitmentFrom(i: Item): Commitment {
  return { id: i.Id, planId: numberOf(i.PlanId), objectiveId: numberOf(i.ObjectiveId), statement: textOf(i.Statement), order: numberOf(i.SortOrder) };
}
