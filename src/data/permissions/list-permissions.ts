/**
 * Role assignments on the EAP lists: each list has its own (inheritance broken, never per item) and holds exactly the
 * grants of its access in model.ts. Reads what a list has, compares it with the model, and puts it right.
 *
 * Breaking inheritance without copying (copyRoleAssignments=false) leaves one assignment, the caller's own Full
 * Control (SharePoint adds it so the caller is not locked out); it is removed once the Owners group holds Full
 * Control, so no single person keeps a grant of their own. clearSubscopes=true returns any item that had its own
 * permissions to inheriting from the list: the model never keeps per-item permissions (unique scopes are limited,
 * and each one is a permission check SharePoint makes on every query of the list).
 */
import "@pnp/sp/security/list";
import "@pnp/sp/site-groups/web";
import type { SPFI } from "../create-sp.ts";
import { callSharePoint } from "../errors.ts";
import { LISTS } from "../schema/lists.ts";
import type { ListKey } from "../schema/vocabulary.ts";
import { readGroup } from "./groups.ts";
import { EAP_GROUPS, expectedGrants, type Grantee, LIST_ACCESS, ROLE_DEFINITION, ROLE_NAME } from "./model.ts";

export interface Principal {
  id: number;
  title: string;
}

export interface Assignment extends Principal {
  roles: number[];
}

export interface ListPermissions {
  unique: boolean;
  assignments: Assignment[];
}

/** The principals the model names, on this site; a group not created yet is absent. */
export type Grantees = Partial<Record<Grantee, Principal>>;

export async function readGrantees(sp: SPFI): Promise<Grantees> {
  const web = sp.web;
  const [owners, members, visitors, leads, edi] = await Promise.all([
    callSharePoint("Reading the site's Owners group", () => web.associatedOwnerGroup.select("Id", "Title")()),
    callSharePoint("Reading the site's Members group", () => web.associatedMemberGroup.select("Id", "Title")()),
    callSharePoint("Reading the site's Visitors group", () => web.associatedVisitorGroup.select("Id", "Title")()),
    readGroup(sp, "leads"),
    readGroup(sp, "edi"),
  ]);
  const p = (g: { Id: number; Title: string } | null): Principal | undefined => (g ? { id: g.Id, title: g.Title } : undefined);
  return { owners: p(owners), members: p(members), visitors: p(visitors), leads: p(leads), edi: p(edi) };
}

interface RoleAssignmentInfo {
  PrincipalId: number;
  Member?: { Title?: string; LoginName?: string };
  RoleDefinitionBindings?: Array<{ Id: number }> | { results: Array<{ Id: number }> };
}

const bindings = (a: RoleAssignmentInfo) => {
  const b = a.RoleDefinitionBindings;
  return (Array.isArray(b) ? b : (b?.results ?? [])).map((d) => d.Id);
};

/** A list's permissions (needs EnumeratePermissions on it: a site owner). */
export async function readListPermissions(sp: SPFI, key: ListKey): Promise<ListPermissions> {
  const l = sp.web.lists.getByTitle(LISTS[key].title);
  return callSharePoint(`Reading the permissions of ${LISTS[key].title}`, async () => {
    const [info, assignments] = await Promise.all([l.select("HasUniqueRoleAssignments")<{ HasUniqueRoleAssignments: boolean }>(), l.roleAssignments.expand("Member", "RoleDefinitionBindings")<RoleAssignmentInfo[]>()]);
    return {
      unique: info.HasUniqueRoleAssignments === true,
      assignments: assignments.map((a) => ({ id: a.PrincipalId, title: a.Member?.Title ?? a.Member?.LoginName ?? String(a.PrincipalId), roles: bindings(a).filter((r) => r !== ROLE_DEFINITION.limitedAccess) })),
    };
  });
}

export interface PermissionDifferences {
  /** Grants the model wants and the list lacks. */
  missing: Array<{ who: Principal; role: number }>;
  /** Roles a principal of the model holds beyond its grant (e.g. Edit for the site's members). */
  excess: Array<{ who: Principal; role: number }>;
  /** Principals the model does not name, with what they hold. */
  strangers: Assignment[];
  /** Grantees the model names that do not exist on the site (groups not created). */
  absent: Grantee[];
}

export function permissionDifferences(key: ListKey, have: ListPermissions, grantees: Grantees): PermissionDifferences {
  const out: PermissionDifferences = { missing: [], excess: [], strangers: [], absent: [] };
  const want = expectedGrants(LIST_ACCESS[key]);
  const byId = new Map(have.assignments.map((a) => [a.id, a]));
  const known = new Set<number>();
  for (const w of want) {
    const who = grantees[w.who];
    if (!who) {
      out.absent.push(w.who);
      continue;
    }
    known.add(who.id);
    const a = have.unique ? byId.get(who.id) : undefined;
    if (!a?.roles.includes(w.role)) out.missing.push({ who, role: w.role });
    for (const r of a?.roles ?? []) if (r !== w.role) out.excess.push({ who, role: r });
  }
  if (have.unique) out.strangers = have.assignments.filter((a) => !known.has(a.id) && a.roles.length > 0);
  return out;
}

export const roleName = (id: number): string => ROLE_NAME[id] ?? `role ${id}`;

/** The differences in words, one line each. */
export function describePermissionDifferences(d: PermissionDifferences): string[] {
  return [
    ...d.absent.map((g) => `the site group ${g in EAP_GROUPS ? EAP_GROUPS[g as keyof typeof EAP_GROUPS].title : g} does not exist`),
    ...d.missing.map((m) => `${m.who.title} lacks ${roleName(m.role)}`),
    ...d.excess.map((m) => `${m.who.title} holds ${roleName(m.role)} beyond the model`),
    ...d.strangers.map((s) => `${s.title} (not in the model) holds ${s.roles.map(roleName).join(", ")}`),
  ];
}

/**
 * Gives a list its own permissions as the model says. Returns what it changed, in words. Principals outside the
 * model are left alone (someone may have granted them on purpose) and reported by `eap doctor`.
 */
export async function ensureListPermissions(sp: SPFI, key: ListKey, grantees: Grantees, callerId: number): Promise<string[]> {
  const title = LISTS[key].title;
  const l = sp.web.lists.getByTitle(title);
  const changes: string[] = [];
  let have = await readListPermissions(sp, key);
  let broken = false;
  if (!have.unique) {
    await callSharePoint(`Breaking permission inheritance on ${title}`, () => l.breakRoleInheritance(false, true));
    changes.push("permissions no longer inherited from the site");
    broken = true;
    have = await readListPermissions(sp, key);
  }
  const d = permissionDifferences(key, have, grantees);
  for (const m of d.missing) {
    await callSharePoint(`Granting ${roleName(m.role)} on ${title} to ${m.who.title}`, () => l.roleAssignments.add(m.who.id, m.role));
    changes.push(`${m.who.title}: ${roleName(m.role)}`);
  }
  for (const m of d.excess) {
    await callSharePoint(`Removing ${roleName(m.role)} on ${title} from ${m.who.title}`, () => l.roleAssignments.remove(m.who.id, m.role));
    changes.push(`${m.who.title}: no longer ${roleName(m.role)}`);
  }
  // The caller's own Full Control, added by breaking inheritance: owners hold Full Control through their group now.
  const mine = broken ? d.strangers.find((s) => s.id === callerId) : undefined;
  for (const r of mine?.roles ?? []) await callSharePoint(`Removing the provisioning account's own grant on ${title}`, () => l.roleAssignments.remove(callerId, r));
  return changes;
}
