/** Site group members ↔ Member (the equalities lead and the EDI group). */
import type { Person } from "../../domain/types.ts";
import { type SiteUserInfo, siteUserToPerson } from "../people/mapping.ts";

export type MemberRole = "equalities-lead" | "edi-group";
export interface Member {
  person: Person;
  role: MemberRole;
  /** Site users carry no job title; kept for the shape the tab caches ("" from the groups). */
  jobTitle: string;
}

/** Group members that are people (a group may also hold other groups or apps, which are nobody's role). */
export function membersFrom(users: readonly SiteUserInfo[], role: MemberRole): Member[] {
  return users.map((u) => ({ person: siteUserToPerson(u), role, jobTitle: "" })).filter((m) => m.person.upn !== "");
}
