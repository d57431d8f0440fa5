import type { UpdateRecord } from "../../../data/updates/mapping.ts";

export interface UpdateTimelineProps {
  updates: readonly UpdateRecord[];
  /** Heading level of each entry (the timeline sits under a heading of the page). */
  headingLevel?: 3 | 4 | 5;
  /** Shown when there is no update. */
  emptyText?: string;
}
