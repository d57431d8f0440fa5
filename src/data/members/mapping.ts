/** Member items ↔ Member (the equalities lead and the EDI group). */
import type { Person } from "../../domain/types.ts";
import { PERSON_PROJECTION, personFrom } from "../people/mapping.ts";
import type { Item } from "../queries.ts";

export type MemberRole = "equalities-lead" | "edi-group";
export interface Member {
  person: Person;
  role: MemberRole;
  jobTitle: string;
}

export const MEMBER_SELECT = ["Id", "MemberRole", "JobTitle", ...PERSON_PROJECTION("Person")] as const;
export const MEMBER_EXPAND = ["Person"] as const;

/** null when the person column is empty (the person was removed from the site). */
export function memberFrom(i: Item): Member | null {
  const person = personFrom(i.Person);
  return person ? { person, role: i.MemberRole as MemberRole, jobTitle: String(i.JobTitle ?? "") } : null;
}

export function memberFields(person: Person, role: MemberRole, jobTitle: string): Record<string, unknown> {
  return { Title: person.name, PersonId: person.id, MemberRole: role, JobTitle: jobTitle };
}
