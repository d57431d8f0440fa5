/**
 * Where a chart goes: loaded on demand (a skeleton meanwhile), and a chart that cannot be drawn (a browser without
 * the SVG measurements the chart library needs) does not take the view down with it: the table beside it holds
 * the same figures, so the frame says so and keeps the rest.
 */
import { Component, type ReactNode, Suspense } from "react";
import { usePanelStyles } from "../../components/panel/panel.styles.ts";
import { ViewSkeleton } from "../../components/view-skeleton/view-skeleton.tsx";
import { useIndicatorStyles } from "./indicators.styles.ts";

class ChartBoundary extends Component<{ children: ReactNode; fallback: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

export function ChartFrame({ name, children }: { name: string; children: ReactNode }) {
  const s = useIndicatorStyles();
  const p = usePanelStyles();
  return (
    <div className={s.chart} data-chart={name}>
      <ChartBoundary fallback={<p className={p.muted}>The chart could not be drawn here; the table has the same figures.</p>}>
        <Suspense fallback={<ViewSkeleton label="Loading the chart" rows={2} />}>{children}</Suspense>
      </ChartBoundary>
    </div>
  );
}
