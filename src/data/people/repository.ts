/** Site users: who is signed in, and people named in the plan (ensureUser from an email). */
import type { Person } from "../../domain/types.ts";
import type { SPFI } from "../create-sp.ts";
import { callSharePoint } from "../errors.ts";
import { SITE_USER_SELECT, type SiteUserInfo, siteUserToPerson } from "./mapping.ts";

export async function getCurrentPerson(sp: SPFI): Promise<Person> {
  return callSharePoint("Reading who is signed in", async () => siteUserToPerson((await sp.web.currentUser()) as SiteUserInfo));
}

export async function ensurePerson(sp: SPFI, email: string): Promise<Person> {
  const login = email.includes("|") ? email : `i:0#.f|membership|${email}`;
  return callSharePoint(`Resolving ${email}`, async () => {
    const res = (await sp.web.ensureUser(login)) as SiteUserInfo & { data?: SiteUserInfo };
    return siteUserToPerson(res.data ?? res);
  });
}

/** Site users are few (people of one council site); one page holds them. */
export async function getSiteUsers(sp: SPFI): Promise<Person[]> {
  return callSharePoint("Reading site users", async () => {
    const users = (await sp.web.siteUsers.select(...SITE_USER_SELECT).top(5000)()) as SiteUserInfo[];
    return users.filter((u) => (u.LoginName ?? "").includes("membership") || u.Email).map(siteUserToPerson);
  });
}
