/**
 * One action in a list: reference and text (a link to the action), status in words, when it is due, who owns it
 * and how old its last update is. Reused by "my actions", the plan, the due view and other engineers' pages.
 */
import { Link } from "../link/link.tsx";
import { StatusBadge } from "../status-badge/status-badge.tsx";
import { useActionSummaryStyles } from "./action-summary.styles.ts";
import type { ActionSummaryProps } from "./action-summary.types.ts";
import { useActionSummary } from "./use-action-summary.ts";

export type { ActionSummaryProps };

export function ActionSummary(props: ActionSummaryProps) {
  const { action, href, showOwner, headingLevel = 3 } = props;
  const s = useActionSummaryStyles();
  const v = useActionSummary(props);
  const Heading = `h${headingLevel}` as const;
  return (
    <article className={s.root} aria-label={action.reference || `Action ${action.id}`} data-action-id={action.id}>
      <Heading className={s.title}>{href ? <Link href={href}>{v.title}</Link> : v.title}</Heading>
      <div className={s.meta}>
        <StatusBadge status={v.status} />
        <span className={s.small}>Due: {v.due}</span>
        {showOwner && <span className={s.small}>Owner: {action.owner?.name ?? "nobody named"}</span>}
      </div>
      <p className={s.last}>{v.lastUpdateAge ? `Last update ${v.lastUpdateAge}: ${v.lastUpdate ?? ""}` : "No update yet"}</p>
    </article>
  );
}
