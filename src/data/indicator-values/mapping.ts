/** Indicator value items ↔ IndicatorValueRecord, and the value key that makes each revision unique. */
import type { IndicatorValue } from "../../domain/indicators.ts";
import type { Person } from "../../domain/types.ts";
import { PERSON_PROJECTION, personFrom } from "../people/mapping.ts";
import type { Item } from "../queries.ts";
import { fromSpInstant, idOrNull, numberOf, textOf } from "../values.ts";

export interface IndicatorValueRecord extends IndicatorValue {
  recordedBy: Person | null;
  /** The submission that wrote it: a retry of the same submission recognises its own first attempt. */
  submissionKey: string;
  key: string;
}

export const VALUE_SELECT = [
  "Id",
  "IndicatorId",
  "ActionId",
  "PlanId",
  "Period",
  "BreakdownGroup",
  "NumericValue",
  "TextValue",
  "ValueNote",
  "Revision",
  "RecordedById",
  "RecordedAt",
  "ValueSource",
  "ValueKey",
  "SubmissionKey",
  ...PERSON_PROJECTION("RecordedBy"),
] as const;
export const VALUE_EXPAND = ["RecordedBy"] as const;
/** The values' own columns (no person expanded): all a summary needs. */
export const VALUE_FIELDS = VALUE_SELECT.filter((f) => !f.includes("/"));

/** "<indicator>/<period>/<group>#<revision>": ids and periods hold no "/", revisions are numbers, so keys never clash. */
export function valueKey(indicatorId: number, period: string, group: string, revision: number): string {
  return `${indicatorId}/${period}/${group}#${revision}`;
}

export function valueFrom(i: Item): IndicatorValueRecord {
  const recordedBy = personFrom(i.RecordedBy);
  const n = i.NumericValue;
  return {
    id: i.Id,
    indicatorId: numberOf(i.IndicatorId),
    actionId: numberOf(i.ActionId),
    planId: numberOf(i.PlanId),
    period: textOf(i.Period),
    group: textOf(i.BreakdownGroup),
    value: typeof n === "number" && Number.isFinite(n) ? n : textOf(i.TextValue),
    note: textOf(i.ValueNote),
    revision: numberOf(i.Revision) || 1,
    recordedById: idOrNull(i.RecordedById),
    recordedByName: recordedBy?.name ?? "",
    recordedAt: fromSpInstant(i.RecordedAt) ?? "",
    source: textOf(i.ValueSource),
    recordedBy,
    submissionKey: textOf(i.SubmissionKey),
    key: textOf(i.ValueKey),
  };
}
