/**
 * What a rollover will do, before it does it: which actions are carried into the new plan (those whose review
 * said "remains ongoing" or "developed") and which are closed (still open, not carried). Pure, for the CLI's
 * --dry-run and the tab's confirmation step; the rule is the same as src/data/rollover.ts applies.
 */
import type { PlanTree } from "../domain/plan-tree.ts";
import { placedActions } from "../domain/plan-tree.ts";

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

const CARRIED = new Set(["ongoing", "developed"]);

export function previewRollover(tree: PlanTree): RolloverPreview {
  const out: RolloverPreview = { carried: [], closed: [], alreadyClosed: 0 };
  for (const p of placedActions(tree)) {
    const item = { reference: p.action.reference, text: p.action.text, disposition: p.action.disposition, place: p.place };
    if (CARRIED.has(p.action.disposition)) out.carried.push(item);
    else if (p.action.disposition === "open") out.closed.push(item);
    else out.alreadyClosed++;
  }
  return out;
}

/** The default next period: the four years after the old one ("2017-2021" → "2021-2025"), as rollover does. */
export function nextPeriod(period: string): string {
  const end = Number(period.split("-")[1]);
  return Number.isFinite(end) ? `${end}-${end + 4}` : "";
}
