/**
 * The EAP site groups on SharePoint: "EAP Equalities Leads" (owned by the site's Owners group) and "EAP EDI Group"
 * (owned by the leads group). Membership is changed only by a group's owner or someone with ManagePermissions on
 * the site (AllowMembersEditMembership false), and readable by everyone on the site (OnlyAllowMembersViewMembership
 * false): the tab, the server and the bot all read who is a lead or in the EDI group from here.
 */
import "@pnp/sp/site-groups/web";
import type { SPFI } from "../create-sp.ts";
import { callSharePoint, DataError, toDataError } from "../errors.ts";
import type { SiteUserInfo } from "../people/mapping.ts";
import { EAP_GROUPS, type EapGroupKey, GROUP_SETTINGS } from "./model.ts";

export interface GroupInfo {
  Id: number;
  Title: string;
  OwnerTitle: string;
  AllowMembersEditMembership: boolean;
  OnlyAllowMembersViewMembership: boolean;
  AllowRequestToJoinLeave?: boolean;
}

const GROUP_SELECT = ["Id", "Title", "OwnerTitle", ...Object.keys(GROUP_SETTINGS)];

const groupByName = (sp: SPFI, key: EapGroupKey) => sp.web.siteGroups.getByName(EAP_GROUPS[key].title);

/** The group, or null when the site has none of that name (not provisioned yet). */
export async function readGroup(sp: SPFI, key: EapGroupKey): Promise<GroupInfo | null> {
  try {
    return (await groupByName(sp, key).select(...GROUP_SELECT)()) as GroupInfo;
  } catch (err) {
    const e = toDataError(err, `Reading the site group ${EAP_GROUPS[key].title}`);
    if (e.status === 404) return null;
    throw e;
  }
}

/** The site's Owners group (the associated owner group: its id differs from site to site). */
export async function readOwnersGroup(sp: SPFI): Promise<GroupInfo> {
  return callSharePoint("Reading the site's Owners group", async () => (await sp.web.associatedOwnerGroup.select("Id", "Title", "OwnerTitle")()) as GroupInfo);
}

export { groupUsers } from "./group-users.ts";

/** The claims login of a person known by their UPN (never built from an email: decision on identity). */
export const claimsOf = (upn: string): string => `i:0#.f|membership|${upn}`;

/**
 * Adds a person (by UPN, or an email/claims login exactly as given) to a group: they are resolved first (ensureUser),
 * then added by the claims login SharePoint gave them. Adding someone already in the group changes nothing.
 */
export async function addToGroup(sp: SPFI, key: EapGroupKey, login: string): Promise<void> {
  const title = EAP_GROUPS[key].title;
  await callSharePoint(`Adding ${login} to ${title}`, async () => {
    const res = (await sp.web.ensureUser(login)) as SiteUserInfo & { data?: SiteUserInfo };
    const user = res.data ?? res;
    await groupByName(sp, key).users.add(user.LoginName ?? claimsOf(String(user.UserPrincipalName ?? login)));
  });
}

/** Removes a person (site user id) from a group; someone not in it is not an error. */
export async function removeFromGroup(sp: SPFI, key: EapGroupKey, userId: number): Promise<void> {
  const title = EAP_GROUPS[key].title;
  try {
    await groupByName(sp, key).users.removeById(userId);
  } catch (err) {
    const e = toDataError(err, `Removing user ${userId} from ${title}`);
    if (e.status !== 404) throw e;
  }
}

export interface GroupChange {
  group: string;
  what: string;
}

/** The settings a group has otherwise than the model says (a setting SharePoint does not report is not judged). */
function wrongSettings(g: GroupInfo): Array<[string, boolean]> {
  const have = g as unknown as Record<string, unknown>;
  return Object.entries(GROUP_SETTINGS).filter(([k, v]) => have[k] !== undefined && have[k] !== v);
}

/** What differs between a group and what the model says (settings and owner), in words. */
export function groupDifferences(g: GroupInfo, ownerTitle: string): string[] {
  const out = wrongSettings(g).map(([k, want]) => `${k} is ${String(!want)}, should be ${String(want)}`);
  if (g.OwnerTitle.toLowerCase() !== ownerTitle.toLowerCase()) out.push(`owned by "${g.OwnerTitle}", should be owned by "${ownerTitle}"`);
  return out;
}

/**
 * Creates the two groups when missing and puts their settings and owners right (leads owned by the site's Owners
 * group, the EDI group by the leads group). Idempotent: a second run changes nothing and says so (no changes).
 */
export async function ensureEapGroups(sp: SPFI): Promise<GroupChange[]> {
  const changes: GroupChange[] = [];
  const owners = await readOwnersGroup(sp);
  const ownerOf: Record<EapGroupKey, () => GroupInfo> = { leads: () => owners, edi: () => ids.leads! };
  const ids: Partial<Record<EapGroupKey, GroupInfo>> = {};
  for (const key of ["leads", "edi"] as const) {
    const def = EAP_GROUPS[key];
    let g = await readGroup(sp, key);
    if (!g) {
      // A creation whose reply was lost is re-sent and refused as "already in use": the group is then there, ours.
      const created = await callSharePoint(`Creating the site group ${def.title}`, () => sp.web.siteGroups.add({ Title: def.title, Description: def.description, ...GROUP_SETTINGS })).catch((e) => e);
      g = await readGroup(sp, key);
      if (!g) throw created instanceof Error ? created : new DataError("sharepoint", `The site group ${def.title} was created but cannot be read back.`);
      changes.push({ group: def.title, what: "created the group" });
    }
    const owner = ownerOf[key]();
    const settings = wrongSettings(g);
    if (settings.length) {
      await callSharePoint(`Setting ${def.title}`, () => groupByName(sp, key).update(Object.fromEntries(settings)));
      changes.push({ group: def.title, what: settings.map(([k, v]) => `${k} ${String(v)}`).join(", ") });
    }
    if (g.OwnerTitle.toLowerCase() !== owner.Title.toLowerCase()) {
      await callSharePoint(`Making ${owner.Title} the owner of ${def.title}`, () => groupByName(sp, key).setUserAsOwner(owner.Id));
      changes.push({ group: def.title, what: `owner set to ${owner.Title}` });
    }
    ids[key] = g;
  }
  return changes;
}
