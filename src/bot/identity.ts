/**
 * Who is acting, and may they. Teams tells us the Entra object id of whoever pressed a button; the plan names
 * people as SharePoint site users. The bridge is the UPN, from the person's conversation reference or, failing
 * that, from Teams' member API. Who may act on which action is the domain's rule, applied by src/commands.
 */
import { getConversationByUserId } from "../data/conversations/index.ts";
import type { SPFI } from "../data/index.ts";

export interface Actor {
  objectId: string;
  name: string;
  upn: string;
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
