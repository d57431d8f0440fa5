/**
 * The equalities lead and the EDI group: who may decide date proposals, approve, run rollover and review. They are
 * the site groups "EAP Equalities Leads" and "EAP EDI Group" (permissions/model.ts), read by the tab, the server and
 * the bot alike; only site owners change the leads, only leads (and owners) change the EDI group.
 */
import type { SPFI } from "../create-sp.ts";
import { callSharePoint } from "../errors.ts";
import { groupUsers } from "../permissions/group-users.ts";
import { type Member, membersFrom } from "./mapping.ts";

/**
 * Both groups' members: two requests issued together, so that inside a batched SPFI they share its $batch (the tab's
 * first view). A lead who is also in the EDI group is listed once, as the lead.
 */
export async function getMembers(sp: SPFI): Promise<Member[]> {
  const reads = Promise.all([groupUsers(sp, "leads"), groupUsers(sp, "edi")]);
  return callSharePoint("Reading the EDI group", async () => {
    const [leads, edi] = await reads;
    const out = membersFrom(leads, "equalities-lead");
    for (const m of membersFrom(edi, "edi-group")) if (!out.some((x) => x.person.id === m.person.id)) out.push(m);
    return out;
  });
}

/** How a person is looked for: their UPN (any case), and their Entra object id where the caller knows it. */
export interface PersonKey {
  upn: string;
  objectId?: string;
}

export interface EdiGroup {
  members: readonly Member[];
  /** The member `who` is, or null: matched on UPN, never on email. */
  find(who: PersonKey): Member | null;
}

/** The EDI group (the equalities lead and the group's members): the ONE function through which the product asks. */
export async function getEdiGroup(sp: SPFI): Promise<EdiGroup> {
  const members = await getMembers(sp);
  return {
    members,
    find: (who) => {
      const upn = who.upn.toLowerCase();
      return upn ? (members.find((m) => m.person.upn === upn) ?? null) : null;
    },
  };
}

export function isMember(members: Member[], personId: number): boolean {
  return members.some((m) => m.person.id === personId);
}
