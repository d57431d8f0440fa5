/** A description list of facts ("Unit: Per cent", "Review date: 15 January 2025"), as the views show a record. */
import { useFactsListStyles } from "./facts-list.styles.ts";
import type { FactsListProps } from "./facts-list.types.ts";

export type { FactsListProps };

export function FactsList({ facts }: FactsListProps) {
  const s = useFactsListStyles();
  return (
    <dl className={s.root}>
      {facts.map(([k, v]) => (
        <div key={k} style={{ display: "contents" }}>
          <dt className={s.term}>{k}</dt>
          <dd className={s.value}>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
