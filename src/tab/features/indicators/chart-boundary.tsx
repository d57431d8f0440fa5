/**
 * A chart that cannot be drawn (a browser without the SVG measurements the chart library needs) must not take the
 * view down with it: the table beside it holds the same figures, so the boundary says so and keeps the rest.
 */
import { Component, type ReactNode } from "react";

export class ChartBoundary extends Component<{ children: ReactNode; fallback: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
