import { STATUS_TEXT } from "../../../domain/status.ts";
import type { StatusBadgeProps } from "./status-badge.types.ts";

/** The status in words: a badge never tells its meaning by colour alone. */
export function useStatusBadge({ status }: StatusBadgeProps) {
  return { status, text: STATUS_TEXT[status] };
}
