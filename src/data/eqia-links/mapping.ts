/**
 * EqIA link items ↔ EqiaLink. Each side shows a little of the other through lookup projections in the same query
 * (single-line text and dates only: SharePoint cannot project choice or multi-line columns of a lookup's target).
 */
import type { EqiaLink } from "../../domain/evidence.ts";
import { EQIA_RELATIONS, type EqiaRelation } from "../../domain/measure-constants.ts";
import type { Item } from "../queries.ts";
import type { SiteDates } from "../site-time-zone.ts";
import { numberOf, textOf } from "../values.ts";

export const LINK_SELECT = [
  "Id",
  "EqiaId",
  "ActionId",
  "PlanId",
  "Relation",
  "Eqia/Title",
  "Eqia/AssessedOn",
  "Eqia/ReviewDate",
  "Action/Reference",
  "Action/Title",
] as const;
export const LINK_EXPAND = ["Eqia", "Action"] as const;

export const linkKey = (eqiaId: number, actionId: number) => `${eqiaId}/${actionId}`;

export function linkFrom(i: Item, dates: SiteDates): EqiaLink {
  const e = (i.Eqia ?? {}) as Record<string, unknown>;
  const a = (i.Action ?? {}) as Record<string, unknown>;
  const relation = textOf(i.Relation) as EqiaRelation;
  return {
    id: i.Id,
    eqiaId: numberOf(i.EqiaId),
    actionId: numberOf(i.ActionId),
    planId: numberOf(i.PlanId),
    relation: EQIA_RELATIONS.includes(relation) ? relation : "informs",
    eqiaTitle: textOf(e.Title),
    eqiaAssessedOn: dates.fromSpDate(e.AssessedOn),
    eqiaReviewDate: dates.fromSpDate(e.ReviewDate),
    actionReference: textOf(a.Reference),
    actionTitle: textOf(a.Title),
  };
}
