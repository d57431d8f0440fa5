/**
 * Who a plan's "Responsible officer" text can name: a read of the site, apart from the writer (./write-import.ts) so
 * that the tab's preview, which only reads, does not load the plan's writer with it.
 */
import { getMembers, getSiteUsers, type SPFI } from "../../data/index.ts";
import type { KnownPerson } from "../types.ts";

/** People the site knows, for matching "Responsible officer" text: site users, with the EDI group's job titles. */
export async function knownPeople(sp: SPFI): Promise<KnownPerson[]> {
  const [users, members] = await Promise.all([getSiteUsers(sp), getMembers(sp)]);
  const titles = new Map(members.map((m) => [m.person.id, m.jobTitle]));
  // People are named by their sign-in name; someone without a mailbox is still a person the text may name.
  return users.filter((u) => u.upn).map((u) => ({ login: u.upn ?? "", email: u.email, name: u.name, jobTitle: titles.get(u.id) || undefined }));
}
