/**
 * Whether a measure moved, and whether it is on target: pure rules, the same for the action view, the dashboard,
 * the committee report and the bot. Everything is judged "as of" a civil date: values count when their period
 * began before it, and a period is complete (its value expected) when it ended before it. The dashboard judges as
 * of today; the committee report as of the day after its financial year.
 *
 * Trend: the latest value against the one before it (the previous recorded period, else the baseline). Up or down
 * is the number; improving or worsening depends on the direction ("lower is better": down is improving).
 *
 * Against target, in this order:
 *  - no target → "no-target"; no value → "no-data";
 *  - the latest value reaches the target (at or above it when higher is better, at or below when lower is) → "met";
 *  - the target date has passed and a value exists for a period ending on or after it → "missed";
 *  - with a baseline and a target date: the straight line from baseline to target gives the value expected at the
 *    end of the latest value's period; at or better than that → "on-track", worse → "off-track";
 *  - without them there is no line to measure against: improving since the comparison point → "on-track", else
 *    "off-track" (the reason says so).
 * Missing periods: complete periods from the first expected one (the period of `valuesFrom`, else the one after
 * the baseline, else the first recorded) up to the last complete one, with no current value.
 */
import { daysBetween, formatLongDate } from "./dates.ts";
import { type IndicatorPeriod, nextIndicatorPeriod, periodFromId, periodOf, periodsBetween, previousIndicatorPeriod } from "./indicator-periods.ts";
import { formatIndicatorValue, isNumericUnit } from "./indicator-units.ts";
import { seriesOf } from "./indicator-values.ts";
import type { Indicator, IndicatorSummary, IndicatorValue } from "./indicators.ts";
import { TARGET_STATUSES, type TargetStatus } from "./measure-constants.ts";

export type Trend = "up" | "down" | "flat" | "single" | "none";
export type Movement = "improving" | "worsening" | "unchanged";

/** The parts of an indicator its progress depends on. */
export type ProgressIndicator = Pick<Indicator, "unit" | "direction" | "frequency" | "baseline" | "target" | "valuesFrom"> & { createdAt?: string };

export interface Point {
  period: IndicatorPeriod;
  value: number | string;
}

/** What the latest value is compared with. */
export interface ComparisonPoint {
  /** The previous recorded period, or null when it is the baseline. */
  period: IndicatorPeriod | null;
  value: number;
  /** "2021-22", or "the baseline (1 April 2021)". */
  label: string;
}

export interface Progress {
  latest: Point | null;
  comparedWith: ComparisonPoint | null;
  trend: Trend;
  movement: Movement | null;
  status: TargetStatus;
  /** Why, in words ("19 % in 2022-23 against 17 % expected on the way to 25 % by 31 March 2025"). */
  reason: string;
  /** Complete periods without a value, oldest first (needs the values: empty when judged from a summary). */
  missing: IndicatorPeriod[];
  /** "up from 12 % in 2021-22 to 19 % in 2022-23, target 25 % by 31 March 2025". */
  words: string;
}

export const ON_TARGET: readonly TargetStatus[] = ["met", "on-track"];
export const OFF_TARGET: readonly TargetStatus[] = ["off-track", "missed"];

/** The period from which values are expected, or null when nothing says (no date, no baseline, no value). */
export function firstExpectedPeriod(indicator: ProgressIndicator, firstRecorded?: IndicatorPeriod): IndicatorPeriod | null {
  if (indicator.valuesFrom) return periodOf(indicator.frequency, indicator.valuesFrom);
  if (indicator.baseline) return nextIndicatorPeriod(periodOf(indicator.frequency, indicator.baseline.date));
  if (firstRecorded) return firstRecorded;
  if (indicator.createdAt) return periodOf(indicator.frequency, indicator.createdAt.slice(0, 10));
  return null;
}

/** The last period that ended before `asOf`. */
export function lastCompletePeriod(indicator: Pick<Indicator, "frequency">, asOf: string): IndicatorPeriod {
  return previousIndicatorPeriod(periodOf(indicator.frequency, asOf));
}

/** Complete periods with no current overall value (see the rules at the top). */
export function missingPeriods(indicator: ProgressIndicator, recorded: readonly IndicatorPeriod[], asOf: string): IndicatorPeriod[] {
  const sorted = [...recorded].sort((a, b) => a.start.localeCompare(b.start));
  const first = firstExpectedPeriod(indicator, sorted[0]);
  if (!first) return [];
  const have = new Set(sorted.map((p) => p.id));
  return periodsBetween(first, lastCompletePeriod(indicator, asOf)).filter((p) => !have.has(p.id));
}

function isBetter(indicator: ProgressIndicator, a: number, b: number): boolean {
  return indicator.direction === "lower-is-better" ? a < b : a > b;
}

function reaches(indicator: ProgressIndicator, value: number, target: number): boolean {
  return indicator.direction === "lower-is-better" ? value <= target : value >= target;
}

const fmt = (indicator: ProgressIndicator, v: number | string) => formatIndicatorValue(indicator.unit, v);

function targetWords(indicator: ProgressIndicator): string {
  const t = indicator.target;
  if (!t) return "";
  return `, target ${fmt(indicator, t.value)}${t.date ? ` by ${formatLongDate(t.date)}` : ""}`;
}

/** Where the latest value stands, without words: what the roll-up needs for 30,000 indicators. */
interface Standing {
  /** The point compared with: the previous value, else the baseline (period null). */
  compared: { period: IndicatorPeriod | null; value: number } | null;
  trend: Trend;
  movement: Movement | null;
  status: TargetStatus;
  /** The value the straight line from baseline to target expects, when the status comes from it. */
  expected: number | null;
}

function standing(indicator: ProgressIndicator, latest: Point | null, previous: Point | null, asOf: string): Standing {
  const compared =
    previous && typeof previous.value === "number"
      ? { period: previous.period, value: previous.value }
      : indicator.baseline && latest && indicator.baseline.date < latest.period.start
        ? { period: null, value: indicator.baseline.value }
        : null;
  let trend: Trend = latest ? "single" : "none";
  let movement: Movement | null = null;
  if (latest && compared && typeof latest.value === "number") {
    trend = latest.value > compared.value ? "up" : latest.value < compared.value ? "down" : "flat";
    movement = latest.value === compared.value ? "unchanged" : isBetter(indicator, latest.value, compared.value) ? "improving" : "worsening";
  }
  const base = { compared, trend, movement, expected: null };
  const target = indicator.target;
  if (!target || !isNumericUnit(indicator.unit)) return { ...base, status: "no-target" };
  if (!latest || typeof latest.value !== "number") return { ...base, status: "no-data" };
  const value = latest.value;
  if (reaches(indicator, value, target.value)) return { ...base, status: "met" };
  if (target.date !== null && target.date < asOf && latest.period.end >= target.date) return { ...base, status: "missed" };
  const b = indicator.baseline;
  if (b && target.date !== null && b.date < target.date) {
    // The value is judged where its period ends, or at the target date if that comes first.
    const [at] = [latest.period.end, target.date].sort();
    const share = Math.min(1, Math.max(0, daysBetween(b.date, at) / daysBetween(b.date, target.date)));
    const expected = b.value + (target.value - b.value) * share;
    return { ...base, expected, status: value === expected || isBetter(indicator, value, expected) ? "on-track" : "off-track" };
  }
  return { ...base, status: movement === "improving" ? "on-track" : "off-track" };
}

/** The trend in words: "up from 12 % in 2021-22 to 19 % in 2022-23 (no value for …), target 25 % by …". */
function trendWords(indicator: ProgressIndicator, latest: Point | null, comparedWith: ComparisonPoint | null, trend: Trend): string {
  if (!latest) return `No value recorded${targetWords(indicator)}`;
  if (!isNumericUnit(indicator.unit)) return `${latest.value} (${latest.period.label})`;
  if (!comparedWith) return `${fmt(indicator, latest.value)} in ${latest.period.label}${targetWords(indicator)}`;
  const gap = comparedWith.period ? periodsBetween(nextIndicatorPeriod(comparedWith.period), previousIndicatorPeriod(latest.period)) : [];
  const skipped = gap.length === 0 ? "" : gap.length === 1 ? ` (no value for ${gap[0].label})` : ` (no values for ${gap.length} periods between)`;
  if (trend === "flat") return `unchanged at ${fmt(indicator, latest.value)} from ${comparedWith.label} to ${latest.period.label}${skipped}${targetWords(indicator)}`;
  const at = `${comparedWith.period ? "in " : "at "}${comparedWith.label}`;
  return `${trend} from ${fmt(indicator, comparedWith.value)} ${at} to ${fmt(indicator, latest.value)} in ${latest.period.label}${skipped}${targetWords(indicator)}`;
}

/** Why the status is what it is, in words. */
function reasonWords(indicator: ProgressIndicator, latest: Point | null, comparedWith: ComparisonPoint | null, s: Standing, asOf: string): string {
  const target = indicator.target;
  if (s.status === "no-target") return isNumericUnit(indicator.unit) ? "no target is set" : "a value in words has no target";
  if (s.status === "no-data" || !latest || !target) return "no value recorded yet";
  const said = `${fmt(indicator, latest.value)} in ${latest.period.label}`;
  if (s.status === "met") return `${said} reaches the target of ${fmt(indicator, target.value)}`;
  if (s.status === "missed") return `${said}: the target of ${fmt(indicator, target.value)} by ${formatLongDate(target.date ?? "")} was not reached`;
  if (s.expected !== null && indicator.baseline) {
    const passed = target.date !== null && target.date < asOf ? " (the target date has passed; no value yet for its period)" : "";
    return `${said} against ${fmt(indicator, Math.round(s.expected * 100) / 100)} expected on the way from ${fmt(indicator, indicator.baseline.value)} to ${fmt(indicator, target.value)}${passed}`;
  }
  if (s.status === "on-track") return `${said}, improving on ${comparedWith?.label}; no baseline and target date to measure the way`;
  return comparedWith ? `${said}, not improving on ${comparedWith.label}` : `${said}, short of the target, with nothing earlier to show it moving`;
}

/**
 * Progress from the latest value and the point before it: the one computation behind both the full view (from the
 * values) and the roll-up (from the summary the indicators list keeps).
 */
export function judge(indicator: ProgressIndicator, latest: Point | null, previous: Point | null, asOf: string): Omit<Progress, "missing"> {
  const s = standing(indicator, latest, previous, asOf);
  const comparedWith: ComparisonPoint | null = s.compared
    ? { ...s.compared, label: s.compared.period ? s.compared.period.label : `the baseline (${formatLongDate(indicator.baseline?.date ?? "")})` }
    : null;
  return {
    latest,
    comparedWith,
    trend: s.trend,
    movement: s.movement,
    status: s.status,
    reason: reasonWords(indicator, latest, comparedWith, s, asOf),
    words: trendWords(indicator, latest, comparedWith, s.trend),
  };
}

/** Progress of one group ("" = the whole) from the values, as of a civil date. */
export function indicatorProgress(indicator: ProgressIndicator, values: readonly Pick<IndicatorValue, "period" | "group" | "revision" | "value">[], asOf: string, group = ""): Progress {
  const series = seriesOf(indicator, values, group, asOf);
  const latest = series.at(-1) ?? null;
  const previous = series.at(-2) ?? null;
  const judged = judge(indicator, latest, previous, asOf);
  return { ...judged, missing: group === "" ? missingPeriods(indicator, series.map((p) => p.period), asOf) : [] };
}

type Summarised = ProgressIndicator & { summary: IndicatorSummary | null };

function summaryPoints(indicator: Summarised, asOf: string): [Point | null, Point | null] {
  const s = indicator.summary;
  const point = (period: string | null, value: number | string | null): Point | null => {
    const p = period === null ? null : periodFromId(indicator.frequency, period);
    return p && value !== null && p.start < asOf ? { period: p, value } : null;
  };
  return s ? [point(s.latestPeriod, s.latestValue), point(s.previousPeriod, s.previousValue)] : [null, null];
}

/** Progress from the summary the indicators list keeps: what views use instead of reading every value. */
export function progressFromSummary(indicator: Summarised, asOf: string): Omit<Progress, "missing"> {
  return judge(indicator, ...summaryPoints(indicator, asOf), asOf);
}

/** Only the status, from the summary: the roll-up's 30,000 judgements, with no words made. */
export function statusFromSummary(indicator: Summarised, asOf: string): TargetStatus {
  return standing(indicator, ...summaryPoints(indicator, asOf), asOf).status;
}

// ---------------------------------------------------------------------------------------------------------------
// The dashboard's roll-up: indicators on and off target per objective.

export interface RollupAction {
  id: number;
  objectiveId: number;
}

export interface ObjectiveIndicatorRow {
  objectiveId: number;
  counts: Record<TargetStatus, number>;
  onTarget: number;
  offTarget: number;
  /** No target or no value yet. */
  unknown: number;
  total: number;
  /** Indicators whose last complete period has no value yet. */
  valueDue: number;
}

const zero = (): Record<TargetStatus, number> => Object.fromEntries(TARGET_STATUSES.map((s) => [s, 0])) as Record<TargetStatus, number>;

/** Whether the last complete period (as of `asOf`) still lacks an overall value, judged from the summary. */
export function valueDueFromSummary(indicator: ProgressIndicator & { summary: IndicatorSummary | null }, asOf: string): IndicatorPeriod | null {
  const last = lastCompletePeriod(indicator, asOf);
  const first = firstExpectedPeriod(indicator, indicator.summary ? (periodFromId(indicator.frequency, indicator.summary.latestPeriod) ?? undefined) : undefined);
  if (!first || last.start < first.start) return null;
  if (indicator.summary && indicator.summary.latestPeriod >= last.id) return null;
  return last;
}

/**
 * One row per objective that has indicators, in the order the objectives are given (the caller's plan order).
 * Indicators of actions not among `actions` (another plan) are left out.
 */
export function indicatorRollup(
  objectiveIds: readonly number[],
  actions: readonly RollupAction[],
  indicators: ReadonlyArray<ProgressIndicator & { actionId: number; summary: IndicatorSummary | null }>,
  asOf: string,
): ObjectiveIndicatorRow[] {
  const objectiveOf = new Map(actions.map((a) => [a.id, a.objectiveId]));
  const rows = new Map<number, ObjectiveIndicatorRow>();
  for (const ind of indicators) {
    const objectiveId = objectiveOf.get(ind.actionId);
    if (objectiveId === undefined) continue;
    let row = rows.get(objectiveId);
    if (!row) {
      row = { objectiveId, counts: zero(), onTarget: 0, offTarget: 0, unknown: 0, total: 0, valueDue: 0 };
      rows.set(objectiveId, row);
    }
    const status = statusFromSummary(ind, asOf);
    row.counts[status]++;
    row.total++;
    if (ON_TARGET.includes(status)) row.onTarget++;
    else if (OFF_TARGET.includes(status)) row.offTarget++;
    else row.unknown++;
    if (valueDueFromSummary(ind, asOf)) row.valueDue++;
  }
  return objectiveIds.flatMap((id) => {
    const r = rows.get(id);
    return r ? [r] : [];
  });
}
