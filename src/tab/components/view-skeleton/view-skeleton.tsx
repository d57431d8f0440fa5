/** Placeholder while a view loads, so the layout does not jump; a busy progress indicator for screen readers. */
import { mergeClasses } from "@fluentui/react-components";
import { useViewSkeletonStyles } from "./view-skeleton.styles.ts";
import type { ViewSkeletonProps } from "./view-skeleton.types.ts";
import { useViewSkeleton } from "./use-view-skeleton.ts";

export type { ViewSkeletonProps };

export function ViewSkeleton(props: ViewSkeletonProps) {
  const s = useViewSkeletonStyles();
  const v = useViewSkeleton(props);
  return (
    <div className={s.root} role="progressbar" aria-label={v.label} aria-busy="true">
      <span className={mergeClasses(s.item, s.title)} />
      {v.rows.map((i) => (
        <span key={i} className={mergeClasses(s.item, s.row)} />
      ))}
    </div>
  );
}
