/**
 * The equalities lead's handover list: open actions whose owner the bot can no longer reach, with who they are and
 * why: disabled or deleted in the directory, the bot blocked, sends failing run after run, or neither Teams nor
 * a mailbox (an app policy or no licence, and no mailbox). Read from the conversations list (indexed Unreachable),
 * the site users (for their site user id) and each such owner's actions (indexed OwnerId). A closed plan's
 * actions are its history, never listed.
 */
import { HANDOVER_PROBLEMS } from "../../domain/constants.ts";
import type { ConversationRef } from "../../domain/types.ts";
import type { ActionRecord } from "../actions/mapping.ts";
import { getMyActions } from "../actions/repository.ts";
import type { SPFI } from "../create-sp.ts";
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

export async function getHandoverList(sp: SPFI): Promise<HandoverEntry[]> {
  const [unreachable, users, plans] = await Promise.all([getUnreachable(sp), getSiteUsers(sp), getPlans(sp)]);
  const closed = new Set(plans.filter((p) => p.status === "closed").map((p) => p.id));
  const idByUpn = new Map(users.filter((u) => u.upn).map((u) => [u.upn as string, u.id]));
  const out: HandoverEntry[] = [];
  for (const ref of unreachable.filter(needsHandover)) {
    const siteUserId = idByUpn.get(ref.upn.toLowerCase());
    if (!siteUserId) continue;
    const actions = (await getMyActions(sp, siteUserId)).filter((a) => a.disposition === "open" && a.status !== "complete" && !closed.has(a.planId));
    if (actions.length === 0) continue;
    out.push({ person: { siteUserId, upn: ref.upn, name: ref.name || ref.upn, problem: ref.problem as string, reason: ref.unreachableReason ?? "" }, actions });
  }
  return out.sort((a, b) => a.person.name.localeCompare(b.person.name));
}
