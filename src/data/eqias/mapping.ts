/** EqIA items ↔ Eqia. */
import type { Eqia, EqiaDefinition } from "../../domain/evidence.ts";
import { EQIA_OUTCOMES, type EqiaOutcome } from "../../domain/measure-constants.ts";
import type { Person } from "../../domain/types.ts";
import { PERSON_PROJECTION, personFrom } from "../people/mapping.ts";
import type { Item } from "../queries.ts";
import { etagOf, fromKeys, fromSpDate, idOrNull, textOf, toKeys, toSpDate } from "../values.ts";

export interface EqiaRecord extends Eqia {
  owner: Person | null;
}

export const EQIA_SELECT = [
  "Id",
  "Title",
  "AssessedOn",
  "Characteristics",
  "Outcome",
  "OutcomeSummary",
  "PublishedLink",
  "ReviewDate",
  "EqiaOwnerId",
  ...PERSON_PROJECTION("EqiaOwner"),
] as const;
export const EQIA_EXPAND = ["EqiaOwner"] as const;

export function eqiaFrom(i: Item): EqiaRecord {
  const outcome = textOf(i.Outcome) as EqiaOutcome;
  return {
    id: i.Id,
    title: textOf(i.Title),
    assessedOn: fromSpDate(i.AssessedOn) ?? "",
    characteristics: fromKeys(i.Characteristics),
    outcome: EQIA_OUTCOMES.includes(outcome) ? outcome : "no-major-change",
    summary: textOf(i.OutcomeSummary),
    publishedLink: textOf(i.PublishedLink),
    reviewDate: fromSpDate(i.ReviewDate),
    ownerId: idOrNull(i.EqiaOwnerId),
    etag: etagOf(i),
    owner: personFrom(i.EqiaOwner),
  };
}

export function eqiaFields(e: EqiaDefinition): Record<string, unknown> {
  return {
    Title: e.title,
    AssessedOn: toSpDate(e.assessedOn),
    Characteristics: toKeys(e.characteristics),
    Outcome: e.outcome,
    OutcomeSummary: e.summary,
    PublishedLink: e.publishedLink,
    ReviewDate: toSpDate(e.reviewDate),
    EqiaOwnerId: e.ownerId,
  };
}
