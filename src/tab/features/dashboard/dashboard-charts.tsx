/**
 * The dashboard's charts (@fluentui/react-charts, Fluent v9). Colours are Fluent tokens (CSS variables), so they
 * follow the light, dark and high-contrast themes; every chart has a legend or axis labels in words and a data
 * table beside it, so nothing is told by colour alone; the stacked "Status by role" segments also carry a pattern
 * each, shown in its legend, since high contrast paints every status's colour white (./status-patterns.tsx).
 *
 * Each chart sits in the library's ResponsiveContainer: a cartesian chart measures its container once, when it
 * mounts, so without it the chart keeps the width it first found (often far narrower than its column) and hides
 * the axis labels that no longer fit. Labels wrap rather than disappear, and legends wrap onto more lines rather
 * than hiding entries behind "+2 more", from 320 px to wide screens.
 */
import {
  type ChartProps,
  HorizontalBarChart,
  ResponsiveContainer,
  VerticalBarChart,
  type VerticalBarChartDataPoint,
  VerticalStackedBarChart,
  type VerticalStackedChartProps,
} from "@fluentui/react-charts";
import { makeStyles, tokens } from "@fluentui/react-components";
import {
  DASHBOARD_STATUS_LABELS,
  DASHBOARD_STATUSES,
  type DashboardModel,
} from "../../../domain/dashboard-model.ts";
import { StatusPatterns, useStatusFills } from "./status-patterns.tsx";

/**
 * Segments are outlined in the accessible stroke colour (3:1 against the page in every theme, WCAG 1.4.11): pale
 * fills such as lavender on white, and black ones on high contrast's black, otherwise have no visible edge. The
 * legend's swatch is found by the static class the charts library gives it (`legendClassNames.shape`, not exported).
 */
const useStyles = makeStyles({
  outlined: { '& svg rect[fill^="url(#eap-status-"], & .fui-legend__shape path': { stroke: tokens.colorNeutralStrokeAccessible, strokeWidth: "1px" } },
});

const HEIGHT = 300;

export function StatusByRoleChart({ model }: { model: DashboardModel }) {
  const s = useStyles();
  // A colour and a pattern per status (./status-patterns.tsx), in the bars and the legend's square swatches alike.
  const { prefix, fill } = useStatusFills();
  const data: VerticalStackedChartProps[] = model.statusByRole.map((r) => ({
    xAxisPoint: r.role,
    chartData: DASHBOARD_STATUSES.map((st) => ({ legend: DASHBOARD_STATUS_LABELS[st], data: r.counts[st], color: fill[st] })),
  }));
  return (
    <div className={s.outlined}>
      <StatusPatterns prefix={prefix} />
      <ResponsiveContainer height={HEIGHT + 80}>
        <VerticalStackedBarChart
          data={data}
          chartTitle="Actions by status and role"
          yAxisTitle="Actions"
          wrapXAxisLables
          hideTickOverlap={false}
          enabledLegendsWrapLines
          // A fixed bar width packs the roles into the middle (steps of 48 px at any width), so their labels collide
          // at 320 px; "auto" spreads the bands over the plot.
          barWidth="auto"
          maxBarWidth={48}
          legendProps={{ shape: "square" }}
        />
      </ResponsiveContainer>
    </div>
  );
}

export function DueByMonthChart({ model }: { model: DashboardModel }) {
  // Fourteen months side by side leave 18 px a label at 320 px, and labels turned 45° collide there: one bar a
  // month, titled above it, reads at any width. Each bar's track is the busiest month.
  const most = Math.max(1, ...model.dueByMonth.map((d) => d.count));
  const data: ChartProps[] = model.dueByMonth.map((d) => ({
    chartTitle: d.label,
    chartData: [
      {
        legend: "Actions due",
        horizontalBarChartdata: { x: d.count, total: most },
        color: tokens.colorBrandBackground,
        xAxisCalloutData: d.label,
        yAxisCalloutData: `${d.count} open action(s) due`,
      },
    ],
  }));
  return <HorizontalBarChart data={data} barHeight={12} hideRatio={data.map(() => true)} />;
}

export function FreshnessChart({ model }: { model: DashboardModel }) {
  const data: VerticalBarChartDataPoint[] = model.freshness.map((f) => ({
    x: f.label,
    y: f.count,
    legend: "Open actions",
    color: tokens.colorPaletteBerryBackground3,
  }));
  return (
    <ResponsiveContainer height={HEIGHT}>
      <VerticalBarChart data={data} chartTitle="Days since the last update (open actions)" yAxisTitle="Actions" hideLegend wrapXAxisLables hideTickOverlap={false} />
    </ResponsiveContainer>
  );
}

export function CompletionChart({ model, emptyClassName }: { model: DashboardModel; emptyClassName?: string }) {
  // Bars of zero length draw nothing but their labels: say so in words instead (the table beside it has the rows).
  if (!model.completionByObjective.some((o) => o.done > 0)) {
    return (
      <p className={emptyClassName} data-chart-empty="">
        No completed actions yet.
      </p>
    );
  }
  // One bar per objective, filled to its share of done actions: each bar is its own 0-100 % track, titled above it
  // in HTML (no axis labels to collide at 320 px). HorizontalBarChartWithAxis was dropped: it scales its bars to the
  // largest value while its axis runs to xMaxValue, so 50 % drew as a full bar under a "100" tick.
  const data: ChartProps[] = model.completionByObjective.map((o) => ({
    chartTitle: o.label,
    chartData: [
      {
        legend: "Complete or closed",
        horizontalBarChartdata: { x: o.done, total: o.total },
        color: tokens.colorPaletteGreenBackground3,
        xAxisCalloutData: o.label,
        yAxisCalloutData: `${o.done} of ${o.total} (${o.percent}%)`,
      },
    ],
  }));
  return <HorizontalBarChart data={data} chartDataMode="percentage" barHeight={16} />;
}
