/**
 * What a rollover will do, before it does it: which actions are carried into the new plan (those whose review
 * said "remains ongoing" or "developed") and which are closed (still open, not carried). Pure, for the CLI's
 * --dry-run and the tab's confirmation step; the rule (src/domain/rollover.ts) is the one the rollover applies.
 */
import type { PlanTree } from "../domain/plan-tree.ts";
import { placedActions } from "../domain/plan-tree.ts";
import { rolloverFate } from "../domain/rollover.ts";

export { nextPeriod } from "../domain/rollover.ts";

export interface RolloverPreviewItem {
  reference: string;
  text: string;
  disposition: string;
  place: string;
}

export interface RolloverPreview {
  carried: RolloverPreviewItem[];
  closed: RolloverPreviewItem[];
  alreadyClosed: number;
}

export function previewRollover(tree: PlanTree): RolloverPreview {
  const out: RolloverPreview = { carried: [], closed: [], alreadyClosed: 0 };
  for (const p of placedActions(tree)) {
    const item = { reference: p.action.reference, text: p.action.text, disposition: p.action.disposition, place: p.place };
    const fate = rolloverFate(p.action.disposition);
    if (fate === "carried") out.carried.push(item);
    else if (fate === "closed") out.closed.push(item);
    else out.alreadyClosed++;
  }
  return out;
}
