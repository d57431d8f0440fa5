/** Components other pages (review, dashboard, import, rollover) reuse. */
export { ActionSummary, type ActionSummaryProps } from "./action-summary/action-summary.tsx";
export { ErrorPanel } from "./error-panel/error-panel.tsx";
export { StatusBadge } from "./status-badge/status-badge.tsx";
export { UpdateTimeline, type UpdateTimelineProps } from "./update-timeline/update-timeline.tsx";
export { ViewSkeleton } from "./view-skeleton/view-skeleton.tsx";
