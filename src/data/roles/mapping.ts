/** Role items ↔ Role. */
import type { Role } from "../../domain/types.ts";
import type { Item } from "../queries.ts";
import { numberOf, textOf } from "../values.ts";

export const ROLE_SELECT = ["Id", "Title", "PlanId", "Statement", "SortOrder"] as const;

export function roleFrom(i: Item): Role {
  return { id: i.Id, planId: numberOf(i.PlanId), name: textOf(i.Title), statement: textOf(i.Statement), order: numberOf(i.SortOrder) };
}
