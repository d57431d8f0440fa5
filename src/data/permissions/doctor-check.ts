/**
 * `eap doctor`'s check of the permission model (registered in doctor.ts): the EAP site groups exist with the right
 * owner and settings, every EAP list has its own permissions holding the model's grants, the system lists are closed
 * to everyone but site owners, and the obsolete members list is gone. Reads only; needs EnumeratePermissions (a site
 * owner).
 */
import type { SPFI } from "../create-sp.ts";
import { LIST_ORDER, LISTS } from "../schema/lists.ts";
import { groupDifferences, readGroup, readOwnersGroup } from "./groups.ts";
import { type Assignment, describePermissionDifferences, permissionDifferences, readGrantees, readListPermissions } from "./list-permissions.ts";
import { EAP_GROUPS, type EapGroupKey, LIST_ACCESS, ROLE_DEFINITION } from "./model.ts";
import { obsoleteMembersListWarning } from "./provision-permissions.ts";

export interface PermissionFinding {
  check: "permissions";
  status: "pass" | "warn" | "fail";
  message: string;
  details?: string[];
}

const finding = (status: PermissionFinding["status"], message: string, details?: string[]): PermissionFinding => ({ check: "permissions", status, message, details });

/** Read is harmless on a plan list (everyone on the site reads it anyway); anything more, or anything on a system list, is not. */
const onlyRead = (a: Assignment) => a.roles.every((r) => r === ROLE_DEFINITION.read);

async function checkGroups(sp: SPFI): Promise<PermissionFinding[]> {
  const owners = await readOwnersGroup(sp);
  const out: PermissionFinding[] = [];
  for (const key of ["leads", "edi"] as EapGroupKey[]) {
    const title = EAP_GROUPS[key].title;
    const g = await readGroup(sp, key);
    if (!g) {
      out.push(finding("fail", `The site group ${title} does not exist: nobody is ${key === "leads" ? "the equalities lead" : "in the EDI group"}. Run eap provision.`));
      continue;
    }
    const wrong = groupDifferences(g, key === "leads" ? owners.Title : EAP_GROUPS.leads.title);
    out.push(
      wrong.length
        ? finding("fail", `The site group ${title} is not set as the model says: ${key === "edi" ? "officers could change who reviews" : "the wrong people could change who leads"}. Run eap provision.`, wrong)
        : finding("pass", `${title}: owned by ${g.OwnerTitle}, members cannot change its membership, everyone on the site can see it.`),
    );
  }
  return out;
}

async function checkLists(sp: SPFI): Promise<PermissionFinding[]> {
  const grantees = await readGrantees(sp);
  const out: PermissionFinding[] = [];
  for (const key of LIST_ORDER) {
    const title = LISTS[key].title;
    const system = LIST_ACCESS[key] === "system";
    const have = await readListPermissions(sp, key);
    if (!have.unique) {
      out.push(finding("fail", `${title} inherits the site's permissions: ${system ? "every member of the site can read and change the bot's records" : "every member of the site can change the plan directly"}. Run eap provision.`));
      continue;
    }
    const d = permissionDifferences(key, have, grantees);
    const harmful = d.missing.length > 0 || d.excess.length > 0 || d.absent.length > 0 || d.strangers.some((s) => system || !onlyRead(s));
    const lines = describePermissionDifferences(d);
    if (lines.length === 0) {
      out.push(finding("pass", `${title}: its own permissions, as the model says (${system ? "site owners only" : "site owners Full Control; the EAP groups, members and visitors Read"}).`));
    } else {
      out.push(finding(harmful ? "fail" : "warn", `${title}: ${lines.length} difference(s) from the permission model${harmful ? "; run eap provision (and remove grants given by hand)" : ""}.`, lines));
    }
  }
  return out;
}

export async function checkPermissions(sp: SPFI): Promise<PermissionFinding[]> {
  const out = [...(await checkGroups(sp)), ...(await checkLists(sp))];
  const obsolete = await obsoleteMembersListWarning(sp);
  if (obsolete) out.push(finding("warn", obsolete));
  return out;
}

