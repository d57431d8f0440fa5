/** Site users: who is signed in, and people named in the plan (ensureUser from an email). */
import type { Person } from "../../domain/types.ts";
import { sp as call } from "../errors.ts";
import type { SPFI } from "../sp.ts";

interface SiteUserInfo {
  Id: number;
  Title: string;
  Email?: string;
  UserPrincipalName?: string | null;
  LoginName?: string;
}

const toPerson = (u: SiteUserInfo): Person => ({ id: u.Id, name: u.Title, email: u.Email || u.UserPrincipalName || "" });

export async function getCurrentPerson(sp: SPFI): Promise<Person> {
  return call("Reading who is signed in", async () => toPerson((await sp.web.currentUser()) as SiteUserInfo));
}

export async function ensurePerson(sp: SPFI, email: string): Promise<Person> {
  const login = email.includes("|") ? email : `i:0#.f|membership|${email}`;
  return call(`Resolving ${email}`, async () => {
    const res = (await sp.web.ensureUser(login)) as SiteUserInfo & { data?: SiteUserInfo };
    return toPerson(res.data ?? res);
  });
}

/** Site users are few (people of one council site); one page holds them. */
export async function getSiteUsers(sp: SPFI): Promise<Person[]> {
  return call("Reading site users", async () => {
    const users = (await sp.web.siteUsers.select("Id", "Title", "Email", "UserPrincipalName", "LoginName").top(5000)()) as SiteUserInfo[];
    return users.filter((u) => (u.LoginName ?? "").includes("membership") || u.Email).map(toPerson);
  });
}
