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

export async function addMember(sp: SPFI, person: Person, role: MemberRole, jobTitle = ""): Promise<void> {
  await callSharePoint(`Adding ${person.name} to the EDI group`, () => list(sp, "members").items.add(memberFields(person, role, jobTitle)));
}

export function isMember(members: Member[], personId: number): boolean {
  return members.some((m) => m.person.id === personId);
}
