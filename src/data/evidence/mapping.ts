/** Evidence items ↔ Evidence. */
import type { Evidence, EvidenceDefinition } from "../../domain/evidence.ts";
import { EVIDENCE_TYPES, type EvidenceType } from "../../domain/measure-constants.ts";
import { PERSON_PROJECTION, personFrom } from "../people/mapping.ts";
import type { Item } from "../queries.ts";
import { etagOf, fromSpDate, idOrNull, numberOf, textOf, toSpDate } from "../values.ts";

export const EVIDENCE_SELECT = ["Id", "Title", "ActionId", "PlanId", "EvidenceLink", "EvidenceType", "EvidenceDate", "AddedById", ...PERSON_PROJECTION("AddedBy")] as const;
export const EVIDENCE_EXPAND = ["AddedBy"] as const;

export function evidenceFrom(i: Item): Evidence {
  const type = textOf(i.EvidenceType) as EvidenceType;
  return {
    id: i.Id,
    actionId: numberOf(i.ActionId),
    planId: numberOf(i.PlanId),
    title: textOf(i.Title),
    link: textOf(i.EvidenceLink),
    type: EVIDENCE_TYPES.includes(type) ? type : "other",
    date: fromSpDate(i.EvidenceDate) ?? "",
    addedById: idOrNull(i.AddedById),
    addedByName: personFrom(i.AddedBy)?.name ?? "",
    etag: etagOf(i),
  };
}

export function evidenceFields(e: EvidenceDefinition): Record<string, unknown> {
  return { Title: e.title, EvidenceLink: e.link, EvidenceType: e.type, EvidenceDate: toSpDate(e.date) };
}
