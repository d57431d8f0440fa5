/** EqIA items ↔ Eqia. */
import type { Eqia, EqiaDefinition } from "../../domain/evidence.ts";
import { EQIA_OUTCOMES, type EqiaOutcome } from "../../domain/measure-constants.ts";
import type { Person } from "../../domain/types.ts";
import { PERSON_PROJECTION, personFrom } from "../people/mapping.ts";
import type { Item } from "../queries.ts";
import type { SiteDates } from "../site-time-zone.ts";
import { etagOf, fromKeys, idOrNull, textOf, toKeys } from "../values.ts";

export interface EqiaRecord extends Eqia {
  owner: Person | null;
  /** The key of the last change written through the product (see the list's WriteKey column). */
  writeKey?: string;
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
  "WriteKey",
  ...PERSON_PROJECTION("EqiaOwner"),
] as const;
export const EQIA_EXPAND = ["EqiaOwner"] as const;

export function eqiaFrom(i: Item, dates: SiteDates): EqiaRecord {
  const outcome = textOf(i.Outcome) as EqiaOutcome;
  return {
    id: i.Id,
    title: textOf(i.Title),
    assessedOn: dates.fromSpDate(i.AssessedOn) ?? "",
    characteristics: fromKeys(i.Characteristics),
    outcome: EQIA_OUTCOMES.includes(outcome) ? outcome : "no-major-change",
    summary: textOf(i.OutcomeSummary),
    publishedLink: textOf(i.PublishedLink),
    reviewDate: dates.fromSpDate(i.ReviewDate),
    ownerId: idOrNull(i.EqiaOwnerId),
    etag: etagOf(i),
    owner: personFrom(i.EqiaOwner),
    writeKey: textOf(i.WriteKey) || undefined,
  };
}

export function eqiaFields(e: EqiaDefinition, dates: SiteDates): Record<string, unknown> {
  return {
    Title: e.title,
    AssessedOn: dates.toSpDate(e.assessedOn),
    Characteristics: toKeys(e.characteristics),
    Outcome: e.outcome,
    OutcomeSummary: e.summary,
    PublishedLink: e.publishedLink,
    ReviewDate: dates.toSpDate(e.reviewDate),
    EqiaOwnerId: e.ownerId,
  };
}
