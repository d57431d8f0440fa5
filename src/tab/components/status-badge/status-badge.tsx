/** An action's status as a badge that always carries its words (never colour alone): "Overdue", "At risk", "Not recorded"... */
import { mergeClasses } from "@fluentui/react-components";
import { useStatusBadgeStyles } from "./status-badge.styles.ts";
import type { StatusBadgeProps } from "./status-badge.types.ts";
import { useStatusBadge } from "./use-status-badge.ts";

export type { StatusBadgeProps };

export function StatusBadge(props: StatusBadgeProps) {
  const s = useStatusBadgeStyles();
  const { status, text } = useStatusBadge(props);
  return (
    <span className={mergeClasses(s.base, s[status])} data-status={status}>
      {text}
    </span>
  );
}
