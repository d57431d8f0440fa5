/**
 * The committee report's indicator table for each objective: every indicator of the objective's actions, judged as
 * at the end of the report's financial year (values of later periods are not counted), with its baseline, target,
 * latest value, trend in words ("up from 12 % in 2021-22 to 19 % in 2022-23, target 25 % by 31 March 2025") and
 * where it stands against its target. A breakdown group with a value by then gets a row of its own under its
 * indicator, with its own latest value and trend but no target: a target is set for the whole (a count's groups
 * add up to it, and a share's groups may have targets of their own that the indicator does not record).
 * Pure: the same rows for the Word report, the tab and any test.
 */
import { addDays, formatLongDate } from "./dates.ts";
import { periodFromId } from "./indicator-periods.ts";
import { indicatorProgress } from "./indicator-progress.ts";
import { formatIndicatorValue } from "./indicator-units.ts";
import type { Indicator, IndicatorValue } from "./indicators.ts";
import { TARGET_STATUS_LABELS, type TargetStatus } from "./measure-constants.ts";

export interface ReportIndicatorRow {
  indicatorId: number;
  /** The action the indicator measures ("CL-20-4"). */
  actionReference: string;
  /** The indicator's name, or for a breakdown row the group's name. */
  name: string;
  /** "" for the indicator as a whole, else the breakdown group. */
  group: string;
  baseline: string;
  target: string;
  latest: string;
  /** Last day of the latest value's period, null when there is none. */
  latestPeriodEnd: string | null;
  trend: string;
  status: TargetStatus;
  statusLabel: string;
}

export type ReportIndicator = Pick<Indicator, "id" | "actionId" | "name" | "unit" | "direction" | "frequency" | "baseline" | "target" | "valuesFrom" | "groups" | "order">;
export type ReportValue = Pick<IndicatorValue, "indicatorId" | "period" | "group" | "revision" | "value">;

export const NO_VALUE = "No value recorded";

/** Rows for the indicators of the given actions, in the actions' order then the indicators' own. */
export function indicatorRows(
  actions: ReadonlyArray<{ id: number; reference: string }>,
  indicators: readonly ReportIndicator[],
  values: readonly ReportValue[],
  periodEnd: string,
): ReportIndicatorRow[] {
  const asOf = addDays(periodEnd, 1);
  const valuesOf = new Map<number, ReportValue[]>();
  for (const v of values) valuesOf.set(v.indicatorId, [...(valuesOf.get(v.indicatorId) ?? []), v]);
  const rows: ReportIndicatorRow[] = [];
  for (const a of actions) {
    const mine = indicators.filter((i) => i.actionId === a.id).sort((x, y) => x.order - y.order || x.id - y.id);
    for (const ind of mine) {
      const vs = valuesOf.get(ind.id) ?? [];
      const fmt = (v: number | string) => formatIndicatorValue(ind.unit, v);
      const row = (group: string): ReportIndicatorRow => {
        const p = indicatorProgress(group ? { ...ind, target: null } : ind, vs, asOf, group);
        return {
          indicatorId: ind.id,
          actionReference: a.reference,
          name: group || ind.name,
          group,
          baseline: group || !ind.baseline ? "" : `${fmt(ind.baseline.value)} (${formatLongDate(ind.baseline.date)})`,
          target: group || !ind.target ? "" : `${fmt(ind.target.value)}${ind.target.date ? ` by ${formatLongDate(ind.target.date)}` : ""}`,
          latest: p.latest ? `${fmt(p.latest.value)} (${p.latest.period.label})` : NO_VALUE,
          latestPeriodEnd: p.latest?.period.end ?? null,
          trend: p.words,
          status: p.status,
          statusLabel: group ? "" : TARGET_STATUS_LABELS[p.status],
        };
      };
      rows.push(row(""));
      for (const g of ind.groups) {
        const known = vs.some((v) => v.group === g && (periodFromId(ind.frequency, v.period)?.start ?? "9999") < asOf);
        if (known) rows.push(row(g));
      }
    }
  }
  return rows;
}
