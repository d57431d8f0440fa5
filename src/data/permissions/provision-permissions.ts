/**
 * The permission half of `eap provision`: the two EAP site groups, and each EAP list's own role assignments (model.ts).
 * It takes Full Control of the site (ManagePermissions to break inheritance and assign roles, CreateGroups for the
 * groups): a site owner, or an app with a Sites.Selected `fullcontrol` grant. That is checked before anything is
 * changed, so a caller without it gets one clear refusal instead of half a model.
 */
import { PermissionKind } from "@pnp/sp/security";
import "@pnp/sp/security/web";
import type { SPFI } from "../create-sp.ts";
import { callSharePoint, DataError, toDataError } from "../errors.ts";
import { LIST_ORDER, LISTS } from "../schema/lists.ts";
import { ensureEapGroups } from "./groups.ts";
import { ensureListPermissions, readGrantees } from "./list-permissions.ts";
import { OBSOLETE_MEMBERS_LIST_TITLE } from "./model.ts";

export const FULL_CONTROL_NEEDED =
  "eap provision sets up the site groups and the lists' permissions, which takes Full Control of the site: sign in as a site owner (--auth device-code), or give the app a Sites.Selected grant with the fullcontrol role on this site (--auth certificate). Nothing was changed.";

/** Refuses (reason "forbidden") unless the caller may manage permissions and create groups on the site. */
export async function requireFullControl(sp: SPFI): Promise<void> {
  const [manage, groups] = await callSharePoint("Checking your permissions on the site", () =>
    Promise.all([sp.web.currentUserHasPermissions(PermissionKind.ManagePermissions), sp.web.currentUserHasPermissions(PermissionKind.CreateGroups)]),
  );
  if (!manage || !groups) throw new DataError("forbidden", FULL_CONTROL_NEEDED, { status: 403 });
}

export interface PermissionChange {
  /** The list or group changed. */
  list: string;
  what: string;
}

/** Groups first (the lists grant them Read), then each list in order. Idempotent. */
export async function provisionPermissions(sp: SPFI): Promise<PermissionChange[]> {
  const changes: PermissionChange[] = (await ensureEapGroups(sp)).map((c) => ({ list: c.group, what: c.what }));
  const [grantees, me] = await Promise.all([readGrantees(sp), callSharePoint("Reading who is signed in", () => sp.web.currentUser.select("Id")<{ Id: number }>())]);
  for (const key of LIST_ORDER) {
    for (const what of await ensureListPermissions(sp, key, grantees, me.Id)) changes.push({ list: LISTS[key].title, what });
  }
  return changes;
}

/** The old members list, when the site still has it: its people belong in the site groups now. */
export async function obsoleteMembersListWarning(sp: SPFI): Promise<string | null> {
  let found: { ItemCount: number };
  try {
    found = await sp.web.lists.getByTitle(OBSOLETE_MEMBERS_LIST_TITLE).select("Id", "ItemCount")<{ ItemCount: number }>();
  } catch (err) {
    const e = toDataError(err, `Looking for the list ${OBSOLETE_MEMBERS_LIST_TITLE}`);
    if (e.status === 404) return null;
    throw e;
  }
  return `The list ${OBSOLETE_MEMBERS_LIST_TITLE} is obsolete (${found.ItemCount} item(s)): the equalities lead and the EDI group are now the site groups "EAP Equalities Leads" and "EAP EDI Group", and nothing reads the list any more. Add its people to those groups (Site settings > People and groups), then delete the list.`;
}
