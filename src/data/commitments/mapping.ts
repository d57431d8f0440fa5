/** Commitment items ↔ Commitment. */
import { CONTINUITY_KINDS, type ContinuityKind } from "../../domain/continuity.ts";
import type { Commitment } from "../../domain/types.ts";
import type { Item } from "../queries.ts";
import { numberOf, textOf } from "../values.ts";

export const COMMITMENT_SELECT = ["Id", "PlanId", "ObjectiveId", "Statement", "SortOrder", "ContinuesReference", "ContinuityKind"] as const;

export function commitmentFrom(i: Item): Commitment {
  const reference = textOf(i.ContinuesReference);
  const kind = textOf(i.ContinuityKind) as ContinuityKind;
  return {
    id: i.Id,
    planId: numberOf(i.PlanId),
    objectiveId: numberOf(i.ObjectiveId),
    statement: textOf(i.Statement),
    order: numberOf(i.SortOrder),
    // A link needs both halves; edited by hand into something else, it is no link.
    continues: reference && CONTINUITY_KINDS.includes(kind) ? { reference, kind } : null,
  };
}
