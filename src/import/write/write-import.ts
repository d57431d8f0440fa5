/**
 * Writing an imported plan: with ./known-people.ts, the only part of src/import that talks to SharePoint (through
 * src/data). The parsers beside it stay free of SharePoint so the tab can run them in the browser.
 *
 * The plan is written as a draft and made active only when every item is in: an import that stops part-way (network,
 * throttling) leaves a draft that no one mistakes for a complete plan, and running the same import again (same
 * import id) adds only the missing items and then activates it.
 */

import { findPlan, type SPFI, setPlanStatus } from "../../data/index.ts";
import { type Reassignments, type WriteResult, writePlanTree } from "../../data/plan-tree/index.ts";
import type { PlanTreeInput } from "../../domain/plan-tree.ts";

export interface ImportWriteResult extends WriteResult {
  /** Items created by this run (0 when a re-run found everything already there). */
  createdCount: number;
}

export async function writeImportedPlan(
  sp: SPFI,
  tree: PlanTreeInput,
  opts: { importId: string; onProgress?: (stage: string, done: number, total: number) => void; reassign?: Reassignments },
): Promise<ImportWriteResult> {
  const finalStatus = tree.status ?? "active";
  const w = await writePlanTree(sp, { ...tree, status: "draft" }, opts);
  const plan = await findPlan(sp, w.planId);
  if (plan && plan.status !== finalStatus) await setPlanStatus(sp, plan, finalStatus);
  return { ...w, createdCount: Object.values(w.created).reduce((a, b) => a + b, 0) };
}
