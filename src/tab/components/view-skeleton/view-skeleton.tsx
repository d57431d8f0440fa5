/** Placeholder while a view loads, so the layout does not jump; labelled for screen readers. */
import { Skeleton, SkeletonItem, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxWidth: "60rem" },
  row: { height: "4rem" },
});

export function ViewSkeleton({ label, rows = 4 }: { label: string; rows?: number }) {
  const s = useStyles();
  return (
    <Skeleton className={s.root} aria-label={label} aria-busy="true">
      <SkeletonItem size={28} style={{ width: "40%" }} />
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <SkeletonItem key={i} className={s.row} />
      ))}
    </Skeleton>
  );
}
