/** Objective items ↔ Objective. */
import type { Objective } from "../../domain/types.ts";
import type { Item } from "../queries.ts";
import { fromLines, numberOf, textOf } from "../values.ts";

export const OBJECTIVE_SELECT = [
  "Id",
  "PlanId",
  "RoleId",
  "Statement",
  "WhyItMatters",
  "Outcomes",
  "Connections",
  "Priorities",
  "CrossCutting",
  "SourceDocument",
  "SortOrder",
] as const;

export function objectiveFrom(i: Item): Objective {
  return {
    id: i.Id,
    planId: numberOf(i.PlanId),
    roleId: numberOf(i.RoleId),
    statement: textOf(i.Statement),
    whyItMatters: fromLines(i.WhyItMatters),
    outcomes: fromLines(i.Outcomes),
    connections: fromLines(i.Connections),
    priorities: fromLines(i.Priorities),
    crossCutting: fromLines(i.CrossCutting),
    order: numberOf(i.SortOrder),
    source: textOf(i.SourceDocument),
  };
}
