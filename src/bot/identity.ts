/**
 * Who is acting, and may they. Teams tells us the Entra object id of whoever pressed a button; the plan names
 * people as SharePoint site users. The bridge is the UPN, from the person's conversation reference or, failing
 * that, from Teams' member API. Only an action's owner or officers, or a member of the EDI group, may act on it.
 */
import type { ActionRecord } from "../data/actions/index.ts";
import { getConversationByUserId } from "../data/conversations/index.ts";
import type { EdiGroup, SPFI } from "../data/index.ts";
import type { Person } from "../domain/types.ts";

export interface Actor {
  objectId: string;
  name: string;
  upn: string;
}

/**
 * The site user the actor is on this action (its owner or one of its officers, else a member of the EDI group), or
 * null: not allowed. Matched on UPN (the site user's claims login), never on email: a UPN may differ from the
 * mail, and some people have no mailbox.
 */
export function personFor(actor: Pick<Actor, "upn" | "objectId">, action: ActionRecord, group: EdiGroup): Person | null {
  const u = actor.upn.toLowerCase();
  if (!u) return null;
  const named = [action.owner, ...action.officers].find((p) => p?.upn === u);
  return named ?? group.find({ upn: u, objectId: actor.objectId })?.person ?? null;
}

/** UPN for an object id: the saved conversation reference, else `lookup` (Teams' member API). */
export async function resolveUpn(sp: SPFI, objectId: string, lookup: () => Promise<string | undefined>): Promise<string> {
  if (objectId) {
    const ref = await getConversationByUserId(sp, objectId);
    if (ref?.upn) return ref.upn;
  }
  return lookupUpn(lookup);
}

/** Teams' member API, whose failure means "unknown" (never a guess). */
export async function lookupUpn(lookup: () => Promise<string | undefined>): Promise<string> {
  try {
    return ((await lookup()) ?? "").toLowerCase();
  } catch {
    return "";
  }
}
