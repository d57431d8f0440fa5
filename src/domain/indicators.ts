/**
 * Indicators: the measurable form of an action's success measures ("Increased response rates from underrepresented
 * groups" → response rate, per cent, higher is better, annual, by age band). A text-only success measure stays a
 * line of the action's "How will we know"; an indicator adds a unit, a direction, a baseline, a target, a frequency
 * and values per period.
 *
 * Values are never overwritten: a correction is a new revision of the (period, group) value, and the history keeps
 * every revision with who recorded it and why. The current value of a period is its highest revision.
 *
 * Values, their revisions and series are in indicator-values.ts.
 *
 * Every check here returns problems that name the field ("target.date", "value", "period"), so a form, a card, an
 * import row or the server can say exactly what is wrong, and nothing is written while any problem remains.
 */

import { CHARACTERISTIC_LABELS, MULTI_LINE_MAX, PROTECTED_CHARACTERISTICS, SINGLE_LINE_MAX } from "./constants.ts";
import { formatLongDate, isValidIsoDate } from "./dates.ts";
import { isNumericUnit, parseIndicatorValue } from "./indicator-units.ts";
import {
  INDICATOR_DIRECTIONS,
  INDICATOR_FREQUENCIES,
  INDICATOR_UNITS,
  type IndicatorDirection,
  type IndicatorFrequency,
  type IndicatorUnit,
  MAX_BREAKDOWN_GROUPS,
  MAX_GROUP_CHARS,
} from "./measure-constants.ts";

export interface Baseline {
  value: number;
  /** Civil date the baseline was measured. */
  date: string;
}

export interface Target {
  value: number;
  /** Civil date by which it should be reached; null when the measure names no date. */
  date: string | null;
}

/** What the lists keep of an indicator's values so that roll-ups need not read them (see indicator-progress.ts). */
export interface IndicatorSummary {
  /** The newest period with a current overall value, and that value. */
  latestPeriod: string;
  latestValue: number | string;
  /** The newest period before it with a value, if any. */
  previousPeriod: string | null;
  previousValue: number | string | null;
  /** Periods with an overall value. */
  periods: number;
}

export interface Indicator {
  id: number;
  actionId: number;
  planId: number;
  name: string;
  unit: IndicatorUnit;
  /** Null only for text indicators. */
  direction: IndicatorDirection | null;
  frequency: IndicatorFrequency;
  baseline: Baseline | null;
  target: Target | null;
  /** Where the figures come from ("Let's Talk Maidstone", "Resident's Survey"). */
  dataSource: string;
  /** Site user id of whoever provides the values; null means the action's accountable officer. */
  ownerId: number | null;
  /** Characteristic keys it is broken down by (the nine, and the plan's local ones). */
  characteristics: string[];
  /** Breakdown groups, in the order shown ("18-24", "75 and over"); values of the whole are group "". */
  groups: string[];
  /** The success measure as written that this indicator measures, if any. */
  measure: string;
  /** Values are expected from the period containing this date; null: from after the baseline or the first value. */
  valuesFrom: string | null;
  order: number;
  summary: IndicatorSummary | null;
  /** Instant the indicator was created (the fallback start of expected values). */
  createdAt?: string;
  etag?: string;
}

export interface IndicatorValue {
  id: number;
  indicatorId: number;
  actionId: number;
  planId: number;
  /** Period id of the indicator's frequency ("2022-23"). */
  period: string;
  /** Breakdown group, "" for the whole. */
  group: string;
  value: number | string;
  note: string;
  /** 1 for the first value of a (period, group), 2 for its first correction, … */
  revision: number;
  recordedById: number | null;
  recordedByName: string;
  /** Instant it was recorded. */
  recordedAt: string;
  /** The body that reported it, for values taken from documents ("" when recorded in the product). */
  source: string;
}

export interface MeasureProblem {
  /** "name", "baseline.value", "target.date", "period", "group", "value", "note", "link", … */
  field: string;
  value: string;
  message: string;
}

export const problem = (field: string, value: unknown, message: string): MeasureProblem => ({ field, value: String(value ?? "").slice(0, 120), message });

/** What a person (or an import) gives to define an indicator; values as typed or as numbers. */
export interface IndicatorInput {
  name: string;
  unit: string;
  direction?: string | null;
  frequency: string;
  baseline?: { value: string | number; date: string } | null;
  target?: { value: string | number; date?: string | null } | null;
  dataSource?: string;
  ownerId?: number | null;
  characteristics?: readonly string[];
  groups?: readonly string[];
  measure?: string;
  valuesFrom?: string | null;
}

/** A checked definition, ready to be written. */
export type IndicatorDefinition = Omit<Indicator, "id" | "actionId" | "planId" | "order" | "summary" | "createdAt" | "etag">;

export interface DefinitionContext {
  /** The plan's local characteristics (poverty, armed forces), allowed besides the nine. */
  localCharacteristics?: readonly string[];
}

function checkDate(field: string, date: unknown, problems: MeasureProblem[]): string | null {
  if (typeof date !== "string" || !isValidIsoDate(date)) {
    problems.push(problem(field, date, "expected a date as YYYY-MM-DD"));
    return null;
  }
  return date;
}

/** Checks a definition; every problem at once, each naming its field. */
export function checkIndicator(input: IndicatorInput, ctx: DefinitionContext = {}): { ok: true; definition: IndicatorDefinition } | { ok: false; problems: MeasureProblem[] } {
  const problems: MeasureProblem[] = [];
  const name = (input.name ?? "").replace(/\s+/g, " ").trim();
  if (name === "") problems.push(problem("name", input.name, "give the indicator a name"));
  else if (name.length > SINGLE_LINE_MAX) problems.push(problem("name", name, `the name is ${name.length} characters; keep it to ${SINGLE_LINE_MAX}`));

  const unit = input.unit as IndicatorUnit;
  const unitOk = (INDICATOR_UNITS as readonly string[]).includes(unit);
  if (!unitOk) problems.push(problem("unit", input.unit, `choose a unit: ${INDICATOR_UNITS.join(", ")}`));
  const frequency = input.frequency as IndicatorFrequency;
  if (!(INDICATOR_FREQUENCIES as readonly string[]).includes(frequency)) problems.push(problem("frequency", input.frequency, `choose a frequency: ${INDICATOR_FREQUENCIES.join(", ")}`));

  let direction: IndicatorDirection | null = null;
  if (unitOk && isNumericUnit(unit)) {
    if ((INDICATOR_DIRECTIONS as readonly string[]).includes(input.direction ?? "")) direction = input.direction as IndicatorDirection;
    else problems.push(problem("direction", input.direction, "say whether higher or lower values are better (higher-is-better or lower-is-better)"));
  }

  const numberFor = (field: string, raw: string | number): number | null => {
    if (!unitOk) return null;
    if (!isNumericUnit(unit)) {
      problems.push(problem(field, raw, "an indicator recorded in words has no baseline or target value"));
      return null;
    }
    const v = parseIndicatorValue(unit, raw);
    if (!v.ok) problems.push(problem(field, raw, v.error));
    return v.ok ? (v.value as number) : null;
  };

  let baseline: Baseline | null = null;
  if (input.baseline) {
    const value = numberFor("baseline.value", input.baseline.value);
    const date = checkDate("baseline.date", input.baseline.date, problems);
    if (value !== null && date !== null) baseline = { value, date };
  }
  let target: Target | null = null;
  if (input.target) {
    const value = numberFor("target.value", input.target.value);
    const date = input.target.date ? checkDate("target.date", input.target.date, problems) : null;
    if (date !== null && input.baseline && isValidIsoDate(input.baseline.date) && date <= input.baseline.date)
      problems.push(
        problem("target.date", date, `the target date (${formatLongDate(date)}) is not after the baseline date (${formatLongDate(input.baseline.date)})`),
      );
    if (value !== null) target = { value, date };
  }

  const allowed = new Set<string>([...PROTECTED_CHARACTERISTICS, ...(ctx.localCharacteristics ?? [])]);
  const characteristics: string[] = [];
  for (const c of input.characteristics ?? []) {
    const key = c.trim();
    if (!allowed.has(key)) problems.push(problem("characteristics", c, `not a characteristic of this plan (${[...allowed].map((k) => CHARACTERISTIC_LABELS[k] ?? k).join(", ")})`));
    else if (!characteristics.includes(key)) characteristics.push(key);
  }

  const groups: string[] = [];
  for (const g of input.groups ?? []) {
    const label = g.replace(/\s+/g, " ").trim();
    if (label === "") problems.push(problem("groups", g, "a breakdown group needs a name"));
    else if (label.length > MAX_GROUP_CHARS) problems.push(problem("groups", label, `keep a group's name to ${MAX_GROUP_CHARS} characters`));
    else if (groups.some((x) => x.toLowerCase() === label.toLowerCase())) problems.push(problem("groups", label, "the same group is listed twice"));
    else groups.push(label);
  }
  if (groups.length > MAX_BREAKDOWN_GROUPS) problems.push(problem("groups", groups.length, `at most ${MAX_BREAKDOWN_GROUPS} breakdown groups`));

  const dataSource = (input.dataSource ?? "").trim();
  if (dataSource.length > SINGLE_LINE_MAX) problems.push(problem("dataSource", dataSource, `keep the data source to ${SINGLE_LINE_MAX} characters`));
  const measure = (input.measure ?? "").trim();
  if (measure.length > MULTI_LINE_MAX) problems.push(problem("measure", measure, `keep the success measure to ${MULTI_LINE_MAX} characters`));
  const valuesFrom = input.valuesFrom ? checkDate("valuesFrom", input.valuesFrom, problems) : null;
  if (input.ownerId !== undefined && input.ownerId !== null && !(Number.isInteger(input.ownerId) && input.ownerId > 0))
    problems.push(problem("ownerId", input.ownerId, "the owner is a site user id"));

  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    definition: { name, unit, direction, frequency, baseline, target, dataSource, ownerId: input.ownerId ?? null, characteristics, groups, measure, valuesFrom },
  };
}
