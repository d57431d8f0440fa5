/** Indicator items ↔ IndicatorRecord, a checked definition → the item fields it writes, and the values' summary. */
import type { Indicator, IndicatorDefinition, IndicatorSummary } from "../../domain/indicators.ts";
import { INDICATOR_DIRECTIONS, INDICATOR_FREQUENCIES, INDICATOR_UNITS, type IndicatorDirection, type IndicatorFrequency, type IndicatorUnit } from "../../domain/measure-constants.ts";
import type { Person } from "../../domain/types.ts";
import { PERSON_PROJECTION, personFrom } from "../people/mapping.ts";
import type { Item } from "../queries.ts";
import type { SiteDates } from "../site-time-zone.ts";
import { clip, etagOf, fromKeys, fromLines, fromSpInstant, idOrNull, numberOf, textOf, toKeys, toLines } from "../values.ts";

/** An indicator with the person who provides its values (expanded in the same query). */
export interface IndicatorRecord extends Indicator {
  owner: Person | null;
}

export const INDICATOR_SELECT = [
  "Id",
  "Title",
  "ActionId",
  "PlanId",
  "Unit",
  "Direction",
  "Frequency",
  "BaselineValue",
  "BaselineDate",
  "TargetValue",
  "TargetDate",
  "DataSource",
  "IndicatorOwnerId",
  "Characteristics",
  "BreakdownGroups",
  "MeasureText",
  "ValuesFrom",
  "LatestPeriod",
  "LatestValue",
  "LatestText",
  "PreviousPeriod",
  "PreviousValue",
  "PreviousText",
  "PeriodsRecorded",
  "SortOrder",
  "Created",
  ...PERSON_PROJECTION("IndicatorOwner"),
] as const;
export const INDICATOR_EXPAND = ["IndicatorOwner"] as const;

const oneOf = <T extends string>(v: unknown, allowed: readonly T[], fallback: T): T => ((allowed as readonly unknown[]).includes(v) ? (v as T) : fallback);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

function summaryFrom(i: Item, unit: IndicatorUnit): IndicatorSummary | null {
  const latestPeriod = textOf(i.LatestPeriod);
  if (latestPeriod === "") return null;
  const words = unit === "text";
  const latestValue = words ? textOf(i.LatestText) : num(i.LatestValue);
  if (latestValue === null) return null;
  const previousPeriod = textOf(i.PreviousPeriod) || null;
  return {
    latestPeriod,
    latestValue,
    previousPeriod,
    previousValue: previousPeriod === null ? null : words ? textOf(i.PreviousText) : num(i.PreviousValue),
    periods: numberOf(i.PeriodsRecorded),
  };
}

export function indicatorFrom(i: Item, dates: SiteDates): IndicatorRecord {
  const unit = oneOf<IndicatorUnit>(i.Unit, INDICATOR_UNITS, "number");
  const baselineValue = num(i.BaselineValue);
  const baselineDate = dates.fromSpDate(i.BaselineDate);
  const targetValue = num(i.TargetValue);
  return {
    id: i.Id,
    actionId: numberOf(i.ActionId),
    planId: numberOf(i.PlanId),
    name: textOf(i.Title),
    unit,
    direction: unit === "text" ? null : oneOf<IndicatorDirection>(i.Direction, INDICATOR_DIRECTIONS, "higher-is-better"),
    frequency: oneOf<IndicatorFrequency>(i.Frequency, INDICATOR_FREQUENCIES, "annual"),
    baseline: baselineValue !== null && baselineDate ? { value: baselineValue, date: baselineDate } : null,
    target: targetValue !== null ? { value: targetValue, date: dates.fromSpDate(i.TargetDate) } : null,
    dataSource: textOf(i.DataSource),
    ownerId: idOrNull(i.IndicatorOwnerId),
    characteristics: fromKeys(i.Characteristics),
    groups: fromLines(i.BreakdownGroups),
    measure: textOf(i.MeasureText),
    valuesFrom: dates.fromSpDate(i.ValuesFrom),
    order: numberOf(i.SortOrder),
    summary: summaryFrom(i, unit),
    createdAt: fromSpInstant(i.Created) ?? undefined,
    etag: etagOf(i),
    owner: personFrom(i.IndicatorOwner),
  };
}

/** The item fields of a checked definition (everything a definition says; the summary is written apart). */
export function definitionFields(d: IndicatorDefinition, dates: SiteDates): Record<string, unknown> {
  return {
    Title: d.name,
    Unit: d.unit,
    Direction: d.direction,
    Frequency: d.frequency,
    BaselineValue: d.baseline?.value ?? null,
    BaselineDate: dates.toSpDate(d.baseline?.date ?? null),
    TargetValue: d.target?.value ?? null,
    TargetDate: dates.toSpDate(d.target?.date ?? null),
    DataSource: d.dataSource,
    IndicatorOwnerId: d.ownerId,
    Characteristics: toKeys(d.characteristics),
    BreakdownGroups: toLines(d.groups),
    MeasureText: d.measure,
    ValuesFrom: dates.toSpDate(d.valuesFrom),
  };
}

/** The summary's fields; null clears them (an indicator whose values were all withdrawn). */
export function summaryFields(s: IndicatorSummary | null): Record<string, unknown> {
  const n = (v: number | string | null | undefined) => (typeof v === "number" ? v : null);
  const t = (v: number | string | null | undefined) => (typeof v === "string" ? clip(v) : null);
  return {
    LatestPeriod: s?.latestPeriod ?? null,
    LatestValue: n(s?.latestValue),
    LatestText: t(s?.latestValue),
    PreviousPeriod: s?.previousPeriod ?? null,
    PreviousValue: n(s?.previousValue),
    PreviousText: t(s?.previousValue),
    PeriodsRecorded: s?.periods ?? 0,
  };
}

/** A definition read back, for checking a change against the whole (a patch alone cannot be checked). */
export function definitionOf(r: Indicator): IndicatorDefinition {
  const { name, unit, direction, frequency, baseline, target, dataSource, ownerId, characteristics, groups, measure, valuesFrom } = r;
  return { name, unit, direction, frequency, baseline, target, dataSource, ownerId, characteristics, groups, measure, valuesFrom };
}
