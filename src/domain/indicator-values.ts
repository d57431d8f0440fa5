/**
 * An indicator's values: checking one as typed (period by the indicator's frequency, breakdown group, number by its
 * unit, a note that says why for a correction), and reading the current value of each (period, group) out of every
 * revision kept. Values are never overwritten: a correction is a new revision; the highest revision counts.
 */

import { MULTI_LINE_MAX } from "./constants.ts";
import { formatLongDate } from "./dates.ts";
import { type IndicatorPeriod, parseIndicatorPeriod, periodFromId } from "./indicator-periods.ts";
import { parseIndicatorValue } from "./indicator-units.ts";
import { type Indicator, type IndicatorSummary, type IndicatorValue, type MeasureProblem, problem } from "./indicators.ts";

export interface ValueInput {
  /** As typed: "2022-23", "Q1 2022-23", "April 2022". */
  period: string;
  /** Breakdown group as typed; "" or absent for the whole. */
  group?: string;
  value: string | number;
  note?: string;
}

export interface CheckedValue {
  period: IndicatorPeriod;
  /** The group as the indicator names it ("" for the whole). */
  group: string;
  value: number | string;
  note: string;
}

export interface ValueContext {
  /** London civil date today: a period that has not started cannot have a value. */
  today: string;
  /** A correction of a recorded value: it must say why. */
  correcting?: boolean;
}

/** Checks a value for an indicator; every problem at once, each naming its field. */
export function checkValue(
  indicator: Pick<Indicator, "unit" | "frequency" | "groups" | "name">,
  input: ValueInput,
  ctx: ValueContext,
): { ok: true; value: CheckedValue } | { ok: false; problems: MeasureProblem[] } {
  const problems: MeasureProblem[] = [];
  const p = parseIndicatorPeriod(indicator.frequency, String(input.period ?? ""));
  if (!p.ok) problems.push(problem("period", input.period, p.error));
  else if (p.period.start > ctx.today) problems.push(problem("period", input.period, `${p.period.label} has not started yet (it starts on ${formatLongDate(p.period.start)})`));

  const typed = (input.group ?? "").replace(/\s+/g, " ").trim();
  const group = typed === "" ? "" : indicator.groups.find((g) => g.toLowerCase() === typed.toLowerCase());
  if (group === undefined)
    problems.push(
      problem(
        "group",
        typed,
        indicator.groups.length ? `not a breakdown group of "${indicator.name}" (its groups: ${indicator.groups.join(", ")})` : `"${indicator.name}" has no breakdown groups`,
      ),
    );

  const v = parseIndicatorValue(indicator.unit, input.value ?? "");
  if (!v.ok) problems.push(problem("value", input.value, v.error));

  const note = (input.note ?? "").trim();
  if (note.length > MULTI_LINE_MAX) problems.push(problem("note", note, `keep the note to ${MULTI_LINE_MAX} characters`));
  if (ctx.correcting && note === "") problems.push(problem("note", "", "say why the value is corrected"));

  if (problems.length || !p.ok || !v.ok || group === undefined) return { ok: false, problems };
  return { ok: true, value: { period: p.period, group, value: v.value, note } };
}

/** The key of one (period, group) value of an indicator, for maps. */
export const seriesKey = (period: string, group: string): string => `${period}\u0000${group}`;

/**
 * The current value of each (period, group): its highest revision. Older revisions are the correction history;
 * they are kept, never counted.
 */
export function currentValues<V extends Pick<IndicatorValue, "period" | "group" | "revision">>(values: readonly V[]): V[] {
  const best = new Map<string, V>();
  for (const v of values) {
    const k = seriesKey(v.period, v.group);
    const have = best.get(k);
    if (!have || v.revision > have.revision) best.set(k, v);
  }
  return [...best.values()];
}

/** Every revision of one (period, group), oldest first: what a correction history shows. */
export function valueHistory<V extends Pick<IndicatorValue, "period" | "group" | "revision">>(values: readonly V[], period: string, group = ""): V[] {
  return values.filter((v) => v.period === period && v.group === group).sort((a, b) => a.revision - b.revision);
}

/** The current revision of a (period, group), 0 when none is recorded: what a new value must build on. */
export function currentRevision(values: readonly Pick<IndicatorValue, "period" | "group" | "revision">[], period: string, group = ""): number {
  return values.reduce((n, v) => (v.period === period && v.group === group && v.revision > n ? v.revision : n), 0);
}

export interface SeriesPoint {
  period: IndicatorPeriod;
  value: number | string;
}

/**
 * One group's current values in time order ("" = the whole), for periods that began before `before` (a civil date;
 * absent: all). Values whose period is not one of the indicator's frequency are left out.
 */
export function seriesOf(
  indicator: Pick<Indicator, "frequency">,
  values: readonly Pick<IndicatorValue, "period" | "group" | "revision" | "value">[],
  group = "",
  before?: string,
): SeriesPoint[] {
  const out: SeriesPoint[] = [];
  for (const v of currentValues(values.filter((x) => x.group === group))) {
    const period = periodFromId(indicator.frequency, v.period);
    if (period && (before === undefined || period.start < before)) out.push({ period, value: v.value });
  }
  return out.sort((a, b) => a.period.start.localeCompare(b.period.start));
}

/** The summary the indicators list keeps (newest overall value and the one before it), from the values. */
export function summariseValues(indicator: Pick<Indicator, "frequency">, values: readonly Pick<IndicatorValue, "period" | "group" | "revision" | "value">[]): IndicatorSummary | null {
  const series = seriesOf(indicator, values);
  const last = series.at(-1);
  if (!last) return null;
  const prev = series.at(-2);
  return {
    latestPeriod: last.period.id,
    latestValue: last.value,
    previousPeriod: prev?.period.id ?? null,
    previousValue: prev?.value ?? null,
    periods: series.length,
  };
}

/** Whether two summaries say the same (so an unchanged indicator item is not written again). */
export function sameSummary(a: IndicatorSummary | null, b: IndicatorSummary | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.latestPeriod === b.latestPeriod &&
    a.latestValue === b.latestValue &&
    a.previousPeriod === b.previousPeriod &&
    a.previousValue === b.previousValue &&
    a.periods === b.periods
  );
}
