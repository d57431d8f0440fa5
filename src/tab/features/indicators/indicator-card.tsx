/**
 * One indicator on the action view: what it measures (unit, which way is better, baseline, target, frequency,
 * source, who provides it, breakdown), where it stands in words (trend and against target, by the domain's rules),
 * its trend chart beside its data table, and "Record a value" for those who may.
 */
import { lazy, useId } from "react";
import { CHARACTERISTIC_LABELS } from "../../../domain/constants.ts";
import { formatLongDate } from "../../../domain/dates.ts";
import { formatIndicatorValue, isNumericUnit } from "../../../domain/indicator-units.ts";
import { indicatorProgress } from "../../../domain/indicator-progress.ts";
import { londonDate } from "../../../domain/london-time.ts";
import { INDICATOR_DIRECTION_LABELS, INDICATOR_FREQUENCY_LABELS, INDICATOR_UNIT_LABELS, TARGET_STATUS_LABELS } from "../../../domain/measure-constants.ts";
import { mayRecordValue } from "../../../domain/measures-access.ts";
import { FactsList } from "../../components/facts-list/facts-list.tsx";
import { useAppContext } from "../../lib/app-context.tsx";
import { ChartFrame } from "./chart-boundary.tsx";
import { IndicatorValuesTable } from "./indicator-values-table.tsx";
import type { IndicatorCardProps } from "./indicators.types.ts";
import { usePanelStyles } from "../../components/panel/panel.styles.ts";
import { useIndicatorStyles } from "./indicators.styles.ts";
import { RecordValueForm } from "./record-value-form.tsx";

const IndicatorChart = lazy(() => import("./indicator-chart.tsx"));

export function IndicatorCard({ action, indicator, reload }: IndicatorCardProps) {
  const s = useIndicatorStyles();
  const p = usePanelStyles();
  const { me, isMember, now } = useAppContext();
  const titleId = useId();
  const today = londonDate(now());
  const progress = indicatorProgress(indicator, indicator.values, today);
  const fmt = (v: number) => formatIndicatorValue(indicator.unit, v);
  const breakdown = [...indicator.characteristics.map((c) => CHARACTERISTIC_LABELS[c] ?? c), ...(indicator.groups.length ? [`groups: ${indicator.groups.join(", ")}`] : [])];
  const facts: Array<[string, string]> = [
    ["Unit", INDICATOR_UNIT_LABELS[indicator.unit]],
    ...(indicator.direction ? [["Better when", INDICATOR_DIRECTION_LABELS[indicator.direction]] as [string, string]] : []),
    ["Frequency", INDICATOR_FREQUENCY_LABELS[indicator.frequency]],
    ["Baseline", indicator.baseline ? `${fmt(indicator.baseline.value)} on ${formatLongDate(indicator.baseline.date)}` : "none set"],
    ["Target", indicator.target ? `${fmt(indicator.target.value)}${indicator.target.date ? ` by ${formatLongDate(indicator.target.date)}` : ""}` : "none set"],
    ["Data source", indicator.dataSource || "not stated"],
    ["Provided by", indicator.owner?.name ?? "the accountable officer"],
    ["Broken down by", breakdown.join("; ") || "not broken down"],
    ...(indicator.measure ? [["Success measure", indicator.measure] as [string, string]] : []),
  ];
  const hasChart = isNumericUnit(indicator.unit) && indicator.values.length > 0;
  const may = mayRecordValue({ personId: me.id, isEdiMember: isMember }, action, indicator);
  return (
    <section className={s.card} aria-labelledby={titleId} data-indicator={indicator.id}>
      <h3 id={titleId} className={p.h3}>
        {indicator.name}
      </h3>
      <FactsList
        facts={[
          ...facts,
          ["Trend", <span key="trend" data-trend={progress.trend}>{progress.words}</span>],
          [
            "Against target",
            <span key="status" data-target-status={progress.status}>
              <span className={s.status}>{TARGET_STATUS_LABELS[progress.status]}</span>: {progress.reason}
            </span>,
          ],
          ...(progress.missing.length > 0 ? [["No value yet for", progress.missing.map((p) => p.label).join(", ")] as const] : []),
        ]}
      />
      <div className={s.pair}>
        {hasChart && (
          <ChartFrame name="indicator-trend">
            <IndicatorChart indicator={indicator} />
          </ChartFrame>
        )}
        <IndicatorValuesTable indicator={indicator} />
      </div>
      {may && <RecordValueForm indicator={indicator} reload={reload} />}
    </section>
  );
}
