/**
 * People as the directory knows them now (User.Read.All): whether they can still act (enabled, not deleted) and
 * their mailbox. `accountEnabled` comes only when `$select`ed; `mail` is null for someone without a mailbox; a
 * deleted person is a 404 (only in deletedItems for 30 days).
 */
import type { GraphClient } from "./client.ts";
import { GraphError } from "./errors.ts";

export interface DirectoryState {
  /** "deleted": not in the directory any more (404). */
  state: "enabled" | "disabled" | "deleted";
  id?: string;
  /** Null: no mailbox. */
  mail: string | null;
}

export async function directoryState(graph: GraphClient, user: string): Promise<DirectoryState> {
  try {
    const r = await graph.request("GET", `/users/${encodeURIComponent(user)}?$select=id,accountEnabled,mail,userPrincipalName`, `Reading ${user} in the directory`);
    const u = r.json as { id?: string; accountEnabled?: boolean; mail?: string | null };
    return { state: u.accountEnabled === false ? "disabled" : "enabled", id: u.id, mail: u.mail ?? null };
  } catch (err) {
    if (err instanceof GraphError && err.reason === "not-found") return { state: "deleted", mail: null };
    throw err;
  }
}
