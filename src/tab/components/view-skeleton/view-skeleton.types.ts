export interface ViewSkeletonProps {
  /** Said by screen readers while the view loads ("Loading your actions"). */
  label: string;
  /** Placeholder rows under the title bar. */
  rows?: number;
}
