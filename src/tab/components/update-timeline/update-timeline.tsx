/**
 * The updates of an action, newest first: date (saying when it is only the period's end), who reported it (for
 * updates from committee papers), author, financial year, kind, status at the time and the text as written
 * (rendered as text, never as HTML), and for progress updates what was published: the state and, when the equalities
 * lead edited it, the text published. Reused by the review and dashboard pages.
 */
import { Text } from "@fluentui/react-components";
import type { UpdateTimelineProps } from "./update-timeline.types.ts";
import { useUpdateTimelineStyles } from "./update-timeline.styles.ts";
import { useUpdateTimeline } from "./use-update-timeline.ts";

export type { UpdateTimelineProps };

export function UpdateTimeline(props: UpdateTimelineProps) {
  const { headingLevel = 3, emptyText = "No updates yet." } = props;
  const s = useUpdateTimelineStyles();
  const entries = useUpdateTimeline(props);
  if (entries.length === 0) return <Text>{emptyText}</Text>;
  const Heading = `h${headingLevel}` as const;
  return (
    <ol className={s.list} aria-label="Updates, newest first">
      {entries.map((e) => (
        <li key={e.id} className={s.entry} data-update-id={e.id}>
          <Heading className={s.heading}>
            {e.kind}, <time dateTime={e.dateTime}>{e.date}</time>
          </Heading>
          <div className={s.meta}>
            {[e.source, e.author ? `By ${e.author}` : null].filter(Boolean).join(" · ")} · Period {e.period || "unknown"}
            {e.status ? ` · Status: ${e.status}` : ""}
            {e.decision ? ` · Decision: ${e.decision}` : ""}
            {e.requestedDate ? ` · Requested new date: ${e.requestedDate}` : ""}
            {e.publication ? ` · ${e.publication.label}` : ""}
          </div>
          <p className={s.body}>{e.text}</p>
          {e.publication?.published && (
            <>
              <div className={s.meta}>Published as edited by the equalities lead:</div>
              <p className={s.body} data-published-text="">
                {e.publication.published}
              </p>
            </>
          )}
        </li>
      ))}
    </ol>
  );
}
