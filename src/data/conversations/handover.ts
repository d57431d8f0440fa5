/**
 * The equalities lead's handover list: open actions whose owner the bot can no longer reach, with who they are and
 * why: disabled or deleted in the directory, the bot blocked, sends failing run after run, or neither Teams nor
 * a mailbox (an app policy or no licence, and no mailbox). Read from the conversations list (indexed Unreachable),
 * the site users (for their site user id) and each such owner's actions (indexed OwnerId). A closed plan's
 * actions are its history, never listed.
 *
 * The owners' actions are read in ONE $batch, one part per owner, whatever their number (up to 100 owners per
 * HTTP request, SharePoint's most per $batch): each part is the indexed `OwnerId eq N` query that "my actions" uses,
 * so every part stays index-first on a list of any size and under any URL limit, which one `OwnerId eq 1 or
 * OwnerId eq 2 or …` filter would not promise (SharePoint does not say how it plans an `or` over an index).
 */
import { HANDOVER_PROBLEMS } from "../../domain/constants.ts";
import type { ConversationRef } from "../../domain/types.ts";
import type { ActionRecord } from "../actions/mapping.ts";
import { getMyActions } from "../actions/repository.ts";
import type { SPFI } from "../create-sp.ts";
import { settleBatch } from "../batching.ts";
import { toDataError } from "../errors.ts";
import { getSiteUsers } from "../people/repository.ts";
import { getPlans } from "../plans/index.ts";
import { getUnreachable } from "./repository.ts";

export interface HandoverEntry {
  /** The owner as the bot knows them. */
  person: { siteUserId: number; upn: string; name: string; problem: string; reason: string };
  actions: ActionRecord[];
}

/** Whether nobody reaches this person any more: their actions need a new owner. */
export function needsHandover(ref: ConversationRef): boolean {
  if (!ref.unreachable || !ref.problem) return false;
  if ((HANDOVER_PROBLEMS as readonly string[]).includes(ref.problem)) return true;
  // Refused by Teams and without a mailbox: neither channel reaches them.
  return (ref.problem === "policy-blocked" || ref.problem === "no-licence") && !ref.mail;
}

/** SharePoint Online takes at most 100 operations in one $batch. */
const OWNERS_PER_REQUEST = 100;

export async function getHandoverList(sp: SPFI): Promise<HandoverEntry[]> {
  const [unreachable, users, plans] = await Promise.all([getUnreachable(sp), getSiteUsers(sp), getPlans(sp)]);
  const closed = new Set(plans.filter((p) => p.status === "closed").map((p) => p.id));
  const idByUpn = new Map(users.filter((u) => u.upn).map((u) => [u.upn as string, u.id]));
  // One entry per site user: two references may name one person (a UPN seen under two object ids).
  const owners = new Map<number, ConversationRef>();
  for (const ref of unreachable.filter(needsHandover)) {
    const siteUserId = idByUpn.get(ref.upn.toLowerCase());
    if (siteUserId && !owners.has(siteUserId)) owners.set(siteUserId, ref);
  }
  if (owners.size === 0) return [];
  const ids = [...owners.keys()];
  const read = await settleBatch(sp, (b) => ids.map((id) => getMyActions(b, id)), OWNERS_PER_REQUEST);
  const out: HandoverEntry[] = [];
  read.forEach((r, i) => {
    const ref = owners.get(ids[i]) as ConversationRef;
    // A list that silently leaves someone out is worse than none: any part that failed fails the read.
    if (!r.ok) throw toDataError(r.error, `Reading the actions of ${ref.name || ref.upn}`);
    const actions = r.value.filter((a) => a.disposition === "open" && a.status !== "complete" && !closed.has(a.planId));
    if (actions.length > 0) out.push({ person: { siteUserId: ids[i], upn: ref.upn, name: ref.name || ref.upn, problem: ref.problem as string, reason: ref.unreachableReason ?? "" }, actions });
  });
  return out.sort((a, b) => a.person.name.localeCompare(b.person.name));
}
