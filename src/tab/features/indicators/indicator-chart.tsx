/**
 * A small trend chart of one indicator (@fluentui/react-charts' LineChart): its current values per period, one line
 * for the whole and one per breakdown group with values, and the target as a dashed line. Split off and loaded only
 * when an indicator with numbers is shown. Colours are tokens (three themes); the table beside it carries the same
 * figures in words.
 */
import { LineChart, type LineChartPoints } from "@fluentui/react-charts";
import { tokens } from "@fluentui/react-components";
import type { IndicatorWithValues } from "../../../data/action-measures/index.ts";
import { formatIndicatorValue } from "../../../domain/indicator-units.ts";
import { seriesOf } from "../../../domain/indicator-values.ts";

const LINE_COLOURS = [
  tokens.colorBrandForeground1,
  tokens.colorPaletteBerryForeground1,
  tokens.colorPaletteDarkOrangeForeground1,
  tokens.colorPaletteGreenForeground1,
  tokens.colorPaletteLavenderForeground2,
];

const at = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);

export default function IndicatorChart({ indicator }: { indicator: IndicatorWithValues }) {
  const labels = new Map<number, string>();
  const lines: LineChartPoints[] = [];
  for (const [i, group] of ["", ...indicator.groups].entries()) {
    const series = seriesOf(indicator, indicator.values, group).filter((p) => typeof p.value === "number");
    if (series.length === 0) continue;
    for (const p of series) labels.set(at(p.period.start).getTime(), p.period.label);
    lines.push({
      legend: group || indicator.name,
      color: LINE_COLOURS[lines.length % LINE_COLOURS.length],
      data: series.map((p) => ({ x: at(p.period.start), y: p.value as number, xAxisCalloutData: p.period.label, yAxisCalloutData: formatIndicatorValue(indicator.unit, p.value) })),
      legendShape: i === 0 ? "circle" : "square",
    });
  }
  const times = [...labels.keys()].sort((a, b) => a - b);
  if (indicator.target && times.length > 0) {
    const target = indicator.target.value;
    lines.push({
      legend: `Target ${formatIndicatorValue(indicator.unit, target)}`,
      color: tokens.colorNeutralForeground2,
      lineOptions: { strokeDasharray: "5 3" },
      data: [times[0], times.at(-1) ?? times[0]].map((t) => ({ x: new Date(t), y: target })),
    });
  }
  return (
    <LineChart
      data={{ chartTitle: `Trend of ${indicator.name}`, lineChartData: lines }}
      height={220}
      useUTC
      tickValues={times.map((t) => new Date(t))}
      customDateTimeFormatter={(d) => labels.get(d.getTime()) ?? ""}
      yAxisTitle={indicator.unit === "percent" ? "Per cent" : undefined}
      yMinValue={0}
    />
  );
}
