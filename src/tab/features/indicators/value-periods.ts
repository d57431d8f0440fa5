/**
 * The periods the "Record a value" form offers, from the domain's rules: the complete periods still without a value
 * (due), the period in progress, and the periods already recorded (a value there is a correction, kept as a new
 * revision). A chosen list, never free text: a period of another frequency cannot be picked.
 */
import type { IndicatorValue } from "../../../domain/indicators.ts";
import { currentRevision, seriesOf } from "../../../domain/indicator-values.ts";
import { type IndicatorPeriod, periodOf } from "../../../domain/indicator-periods.ts";
import { missingPeriods, type ProgressIndicator } from "../../../domain/indicator-progress.ts";

export type PeriodKind = "due" | "current" | "correction";

export interface PeriodChoice {
  period: IndicatorPeriod;
  kind: PeriodKind;
  /** The revision a value for this period builds on: 0 for a first value. */
  revisionSeen: number;
  /** The current value as stored, for a correction. */
  current?: number | string;
}

type Values = readonly Pick<IndicatorValue, "period" | "group" | "revision" | "value">[];

/** Newest first within each kind: due, then the period in progress, then corrections. */
export function periodChoices(indicator: ProgressIndicator, values: Values, group: string, today: string): PeriodChoice[] {
  const series = seriesOf(indicator, values, group);
  const recorded = new Set(series.map((p) => p.period.id));
  const due = missingPeriods(indicator, series.map((p) => p.period), today)
    .reverse()
    .map((period): PeriodChoice => ({ period, kind: "due", revisionSeen: 0 }));
  const now = periodOf(indicator.frequency, today);
  const current: PeriodChoice[] = recorded.has(now.id) || due.some((d) => d.period.id === now.id) ? [] : [{ period: now, kind: "current", revisionSeen: 0 }];
  const corrections = [...series].reverse().map(
    (p): PeriodChoice => ({ period: p.period, kind: "correction", revisionSeen: currentRevision(values, p.period.id, group), current: p.value }),
  );
  return [...due, ...current, ...corrections];
}
