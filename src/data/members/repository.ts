/** The equalities lead and the EDI group: they may act on any action and run the review. */
import type { Person } from "../../domain/types.ts";
import type { SPFI } from "../create-sp.ts";
import { callSharePoint } from "../errors.ts";
import { list, queryOnce } from "../queries.ts";
import { MEMBER_EXPAND, MEMBER_SELECT, type Member, type MemberRole, memberFields, memberFrom } from "./mapping.ts";

export async function getMembers(sp: SPFI): Promise<Member[]> {
  return callSharePoint("Reading the EDI group", async () =>
    (await queryOnce(sp, "members", { select: MEMBER_SELECT, expand: MEMBER_EXPAND })).map(memberFrom).filter((m): m is Member => m !== null),
  );
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

/**
 * The EDI group (the equalities lead and the group's members): the ONE function through which the product asks who
 * is in it. Today it reads the Members list; when the group becomes SharePoint site groups ("EAP Equalities
 * Leads", "EAP EDI Group") only this function changes. One request, which can share a $batch with others.
 */
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

export async function addMember(sp: SPFI, person: Person, role: MemberRole, jobTitle = ""): Promise<void> {
  await callSharePoint(`Adding ${person.name} to the EDI group`, () => list(sp, "members").items.add(memberFields(person, role, jobTitle)));
}

export function isMember(members: Member[], personId: number): boolean {
  return members.some((m) => m.person.id === personId);
}
