/** The equalities lead and the EDI group: they may act on any action and run the review. */
import type { Person } from "../../domain/types.ts";
import { sp as call } from "../errors.ts";
import { list, queryOnce } from "../lists.ts";
import { PERSON_PROJECTION, personFrom } from "../mappers.ts";
import type { SPFI } from "../sp.ts";

export type MemberRole = "equalities-lead" | "edi-group";
export interface Member {
  person: Person;
  role: MemberRole;
  jobTitle: string;
}

export async function getMembers(sp: SPFI): Promise<Member[]> {
  return call("Reading the EDI group", async () =>
    (
      await queryOnce(sp, "members", {
        select: ["Id", "MemberRole", "JobTitle", ...PERSON_PROJECTION("Person")],
        expand: ["Person"],
      })
    )
      .map((i) => ({ person: personFrom(i.Person), role: i.MemberRole as MemberRole, jobTitle: String(i.JobTitle ?? "") }))
      .filter((m): m is Member => m.person !== null),
  );
}

export async function addMember(sp: SPFI, person: Person, role: MemberRole, jobTitle = ""): Promise<void> {
  await call(`Adding ${person.name} to the EDI group`, () =>
    list(sp, "members").items.add({ Title: person.name, PersonId: person.id, MemberRole: role, JobTitle: jobTitle }),
  );
}

export function isMember(members: Member[], personId: number): boolean {
  return members.some((m) => m.person.id === personId);
}
