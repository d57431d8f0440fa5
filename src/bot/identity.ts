/**
 * Who is acting, and may they. Teams tells us the Entra object id of whoever pressed a button; the plan names
 * people as SharePoint site users (with emails). The bridge is the UPN, from the person's conversation reference
 * or, failing that, from Teams' member API. Only an action's owner or officers, or a member of the EDI group,
 * may act on it.
 */
import type { ActionRecord } from "../data/actions/index.ts";
import { getConversationByUserId } from "../data/conversations/index.ts";
import { getMembers, type Member, type SPFI } from "../data/index.ts";
import type { Person } from "../domain/types.ts";

export interface Actor {
  objectId: string;
  name: string;
  upn: string;
}

const MEMBERS_TTL_MS = 60_000;

export class Authorizer {
  private members: { at: number; list: Member[] } | null = null;
  constructor(private readonly sp: SPFI) {}

  async membersList(): Promise<Member[]> {
    const now = Date.now();
    if (!this.members || now - this.members.at > MEMBERS_TTL_MS) this.members = { at: now, list: await getMembers(this.sp) };
    return this.members.list;
  }

  async isEdiMember(upn: string): Promise<Person | null> {
    const u = upn.toLowerCase();
    if (!u) return null;
    return (await this.membersList()).find((m) => m.person.email.toLowerCase() === u)?.person ?? null;
  }

  /** The site user the actor is on this action (owner, officer, or EDI member), or null: not allowed. */
  async personFor(actor: Actor, action: ActionRecord): Promise<Person | null> {
    const u = actor.upn.toLowerCase();
    if (!u) return null;
    const named = [action.owner, ...action.officers].find((p) => p && p.email.toLowerCase() === u);
    if (named) return named;
    return this.isEdiMember(u);
  }
}

/** UPN for an object id: the saved conversation reference, else `lookup` (Teams' member API). */
export async function resolveUpn(sp: SPFI, objectId: string, lookup: () => Promise<string | undefined>): Promise<string> {
  if (objectId) {
    const ref = await getConversationByUserId(sp, objectId);
    if (ref?.upn) return ref.upn;
  }
  try {
    return ((await lookup()) ?? "").toLowerCase();
  } catch {
    return "";
  }
}
