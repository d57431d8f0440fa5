/** Placeholder while a view loads, so the layout does not jump; labelled for screen readers. */
import { Skeleton, SkeletonItem } from "@fluentui/react-components";
import { useViewSkeletonStyles } from "./view-skeleton.styles.ts";
import type { ViewSkeletonProps } from "./view-skeleton.types.ts";
import { useViewSkeleton } from "./use-view-skeleton.ts";

export type { ViewSkeletonProps };

export function ViewSkeleton(props: ViewSkeletonProps) {
  const s = useViewSkeletonStyles();
  const v = useViewSkeleton(props);
  return (
    <Skeleton className={s.root} aria-label={v.label} aria-busy="true">
      <SkeletonItem size={28} className={s.title} />
      {v.rows.map((i) => (
        <SkeletonItem key={i} className={s.row} />
      ))}
    </Skeleton>
  );
}
