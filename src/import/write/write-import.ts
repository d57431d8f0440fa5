/**
 * Writing an imported plan: the one place in src/import that talks to SharePoint (through src/data). The parsers
 * beside it stay free of SharePoint so the tab can run them in the browser.
 *
 * The plan is written as a draft and made active only when every item is in: an import that stops part-way (network,
 * throttling) leaves a draft that no one mistakes for a complete plan, and running the same import again (same
 * import id) adds only the missing items and then activates it.
 */

import { findPlan, getMembers, getSiteUsers, type SPFI, setPlanStatus } from "../../data/index.ts";
import { type Reassignments, type WriteResult, writePlanTree } from "../../data/plan-tree/index.ts";
import type { PlanTreeInput } from "../../domain/plan-tree.ts";
import type { KnownPerson } from "../types.ts";

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

/** People the site knows, for matching "Responsible officer" text: site users, with the EDI group's job titles. */
export async function knownPeople(sp: SPFI): Promise<KnownPerson[]> {
  const [users, members] = await Promise.all([getSiteUsers(sp), getMembers(sp)]);
  const titles = new Map(members.map((m) => [m.person.id, m.jobTitle]));
  // People are named by their sign-in name; someone without a mailbox is still a person the text may name.
  return users.filter((u) => u.upn).map((u) => ({ login: u.upn ?? "", email: u.email, name: u.name, jobTitle: titles.get(u.id) || undefined }));
}
