/**
 * The Entra object ids of the site's users, by UPN: SharePoint keeps each person's `AadObjectId` on their site
 * user, so one request gives the key a conversation reference is saved under for everyone the plan names, without
 * asking Graph person by person (that would be a fourth Graph request for each officer reached by installation).
 */
import type { SPFI } from "../create-sp.ts";
import { callSharePoint } from "../errors.ts";
import { upnOfLogin } from "../people/mapping.ts";

interface SiteUserIds {
  LoginName?: string;
  UserPrincipalName?: string | null;
  AadObjectId?: { NameId?: string } | null;
}

export async function getObjectIdsByUpn(sp: SPFI): Promise<Map<string, string>> {
  return callSharePoint("Reading site users' object ids", async () => {
    const users = (await sp.web.siteUsers.select("LoginName", "UserPrincipalName", "AadObjectId").top(5000)()) as SiteUserIds[];
    const out = new Map<string, string>();
    for (const u of users) {
      const upn = (u.UserPrincipalName || upnOfLogin(u.LoginName)).toLowerCase();
      const oid = u.AadObjectId?.NameId;
      if (upn && oid) out.set(upn, oid.toLowerCase());
    }
    return out;
  });
}
