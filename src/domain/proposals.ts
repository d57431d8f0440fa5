/**
 * Proposed delivery dates: someone responsible for an action asks the equalities lead for a new date (an update of
 * kind "date-change-request"); the lead accepts or declines it (an update of kind "date-change-decision" that names
 * the request it answers). A request is pending while nothing answers it.
 */
import type { UpdateKind } from "./types.ts";

export interface DateChangeItem {
  id: number;
  kind: UpdateKind;
  /** For an answer: the request it answers. */
  answersProposalId?: number | null;
}

/** The requests nobody has answered yet, in the order given. */
export function pendingProposals<T extends DateChangeItem>(items: readonly T[]): T[] {
  const answered = new Set(items.filter((u) => u.kind === "date-change-decision" && u.answersProposalId).map((u) => u.answersProposalId));
  return items.filter((u) => u.kind === "date-change-request" && !answered.has(u.id));
}
