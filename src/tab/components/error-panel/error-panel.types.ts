export interface ErrorPanelProps {
  /** A DataError (its `reason` gives the title), any Error, or `{ reason, message }`. */
  error: unknown;
  onRetry?: () => void;
  retryLabel?: string;
}
