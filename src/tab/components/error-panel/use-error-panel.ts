import { describeError } from "../../lib/errors.ts";
import type { ErrorPanelProps } from "./error-panel.types.ts";

/** What the panel says: the title for the error's reason, the detail with advice, and the retry label. */
export function useErrorPanel({ error, retryLabel = "Try again" }: ErrorPanelProps) {
  return { ...describeError(error), retryLabel };
}
