/**
 * Putting a person into the site group of their role. Apart from the reads (repository.ts) because it needs PnPjs's
 * site-groups module, which the tab's first view does not carry.
 */
import type { Person } from "../../domain/types.ts";
import type { SPFI } from "../create-sp.ts";
import { addToGroup } from "../permissions/groups.ts";
import type { EapGroupKey } from "../permissions/model.ts";
import type { MemberRole } from "./mapping.ts";

const GROUP_OF_ROLE: Record<MemberRole, EapGroupKey> = { "equalities-lead": "leads", "edi-group": "edi" };

/** Puts a person into the group of their role (a site owner, or for the EDI group a lead, may). */
export async function addMember(sp: SPFI, person: Person, role: MemberRole): Promise<void> {
  await addToGroup(sp, GROUP_OF_ROLE[role], person.upn || person.email);
}
