/**
 * The roll-up's chart: per objective, its indicators on target, off target and not yet judged, stacked. Split off
 * and loaded only when the dashboard shows it; tokens for colours, and the table beside it in words.
 */
import { VerticalStackedBarChart, type VerticalStackedChartProps } from "@fluentui/react-charts";
import { tokens } from "@fluentui/react-components";
import type { RollupRow } from "./rollup-rows.ts";

export default function RollupChart({ rows }: { rows: readonly RollupRow[] }) {
  const data: VerticalStackedChartProps[] = rows.map((r) => ({
    xAxisPoint: r.label,
    chartData: [
      { legend: "On target", data: r.onTarget, color: tokens.colorPaletteGreenBackground3 },
      { legend: "Off target", data: r.offTarget, color: tokens.colorPaletteRedBackground3 },
      { legend: "No target or no value yet", data: r.unknown, color: tokens.colorNeutralForeground3 },
    ],
  }));
  return <VerticalStackedBarChart data={data} height={300} chartTitle="Indicators on and off target by objective" yAxisTitle="Indicators" />;
}
