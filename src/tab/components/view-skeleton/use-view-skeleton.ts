import type { ViewSkeletonProps } from "./view-skeleton.types.ts";

/** The placeholder rows: as many as the view usually shows, so the layout does not jump when it arrives. */
export function useViewSkeleton({ label, rows = 4 }: ViewSkeletonProps) {
  return { label, rows: Array.from({ length: rows }, (_, i) => i) };
}
