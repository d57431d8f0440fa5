/**
 * The dashboard's charts (@fluentui/react-charts, Fluent v9). Colours are Fluent tokens (CSS variables), so they
 * follow the light, dark and high-contrast themes; every chart has a legend or axis labels in words and a data
 * table beside it, so nothing is told by colour alone.
 */
import {
  HorizontalBarChartWithAxis,
  type HorizontalBarChartWithAxisDataPoint,
  VerticalBarChart,
  type VerticalBarChartDataPoint,
  VerticalStackedBarChart,
  type VerticalStackedChartProps,
} from "@fluentui/react-charts";
import { tokens } from "@fluentui/react-components";
import {
  DASHBOARD_STATUS_LABELS,
  DASHBOARD_STATUSES,
  type DashboardModel,
  type DashboardStatus,
} from "../../../domain/dashboard-model.ts";

const STATUS_COLOR: Record<DashboardStatus, string> = {
  overdue: tokens.colorPaletteRedBackground3,
  "at-risk": tokens.colorPaletteMarigoldBackground3,
  "on-track": tokens.colorPaletteGreenBackground3,
  "not-started": tokens.colorNeutralForeground3,
  // Apart from every status it could be mistaken for: the records give none.
  "not-recorded": tokens.colorPaletteLavenderBackground2,
  done: tokens.colorBrandBackground,
};

const HEIGHT = 300;

export function StatusByRoleChart({ model }: { model: DashboardModel }) {
  const data: VerticalStackedChartProps[] = model.statusByRole.map((r) => ({
    xAxisPoint: r.role,
    chartData: DASHBOARD_STATUSES.map((st) => ({ legend: DASHBOARD_STATUS_LABELS[st], data: r.counts[st], color: STATUS_COLOR[st] })),
  }));
  return <VerticalStackedBarChart data={data} height={HEIGHT} chartTitle="Actions by status and role" yAxisTitle="Actions" />;
}

export function DueByMonthChart({ model }: { model: DashboardModel }) {
  const data: VerticalBarChartDataPoint[] = model.dueByMonth.map((d) => ({
    x: d.label,
    y: d.count,
    legend: "Actions due",
    color: tokens.colorBrandBackground,
  }));
  return <VerticalBarChart data={data} height={HEIGHT} chartTitle="Open actions due per month" yAxisTitle="Actions" hideLegend rotateXAxisLables margins={{ right: 48 }} />;
}

export function FreshnessChart({ model }: { model: DashboardModel }) {
  const data: VerticalBarChartDataPoint[] = model.freshness.map((f) => ({
    x: f.label,
    y: f.count,
    legend: "Open actions",
    color: tokens.colorPaletteBerryBackground3,
  }));
  return <VerticalBarChart data={data} height={HEIGHT} chartTitle="Days since the last update (open actions)" yAxisTitle="Actions" hideLegend wrapXAxisLables />;
}

export function CompletionChart({ model }: { model: DashboardModel }) {
  // The chart draws its first point at the bottom: reverse, so it reads top-down in plan order like the table.
  const data: HorizontalBarChartWithAxisDataPoint[] = [...model.completionByObjective].reverse().map((o) => ({
    x: o.percent,
    y: o.label,
    legend: o.label,
    color: tokens.colorPaletteGreenBackground3,
  }));
  return (
    <HorizontalBarChartWithAxis
      data={data}
      height={Math.max(HEIGHT, model.completionByObjective.length * 28)}
      chartTitle="Completion by objective, per cent"
      xAxisTitle="Per cent complete or closed"
      hideLegend
      xMaxValue={100}
      margins={{ left: 110 }}
    />
  );
}
