/** Evidence items ↔ Evidence. */
import type { Evidence, EvidenceDefinition } from "../../domain/evidence.ts";
import { EVIDENCE_TYPES, type EvidenceType } from "../../domain/measure-constants.ts";
import { PERSON_PROJECTION, personFrom } from "../people/mapping.ts";
import type { Item } from "../queries.ts";
import type { SiteDates } from "../site-time-zone.ts";
import { etagOf, idOrNull, numberOf, textOf } from "../values.ts";

export const EVIDENCE_SELECT = ["Id", "Title", "ActionId", "PlanId", "EvidenceLink", "EvidenceType", "EvidenceDate", "AddedById", ...PERSON_PROJECTION("AddedBy")] as const;
export const EVIDENCE_EXPAND = ["AddedBy"] as const;

export function evidenceFrom(i: Item, dates: SiteDates): Evidence {
  const type = textOf(i.EvidenceType) as EvidenceType;
  return {
    id: i.Id,
    actionId: numberOf(i.ActionId),
    planId: numberOf(i.PlanId),
    title: textOf(i.Title),
    link: textOf(i.EvidenceLink),
    type: EVIDENCE_TYPES.includes(type) ? type : "other",
    date: dates.fromSpDate(i.EvidenceDate) ?? "",
    addedById: idOrNull(i.AddedById),
    addedByName: personFrom(i.AddedBy)?.name ?? "",
    etag: etagOf(i),
  };
}

export function evidenceFields(e: EvidenceDefinition, dates: SiteDates): Record<string, unknown> {
  return { Title: e.title, EvidenceLink: e.link, EvidenceType: e.type, EvidenceDate: dates.toSpDate(e.date) };
}
