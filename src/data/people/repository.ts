/** Site users: who is signed in, and people named in the plan (ensureUser with their sign-in name). */
import type { Person } from "../../domain/types.ts";
import type { SPFI } from "../create-sp.ts";
import { callSharePoint } from "../errors.ts";
import { SITE_USER_SELECT, type SiteUserInfo, siteUserToPerson } from "./mapping.ts";

export async function getCurrentPerson(sp: SPFI): Promise<Person> {
  return callSharePoint("Reading who is signed in", async () => siteUserToPerson((await sp.web.currentUser()) as SiteUserInfo));
}

/**
 * Makes a person a site user and returns them. `login` is what identifies them: their sign-in name (UPN), or a
 * claims login or email address exactly as an import gives it. It is passed as it is: a claims login built from an
 * email names nobody when the UPN differs from the email (SharePoint answers "The specified user … could not be
 * found"), and so does anyone who has left (deleted or disabled in Entra).
 */
export async function ensurePerson(sp: SPFI, login: string): Promise<Person> {
  return callSharePoint(`Resolving ${login}`, async () => {
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
