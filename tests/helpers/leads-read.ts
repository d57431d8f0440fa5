/**
 * The equalities leads' group on Read instead of Contribute on every plan list, as a site owner would set it once
 * no lead tool writes with the lead's own token: the lead's tools must then work through the server alone.
 */
import "@pnp/sp/security/list";
import { devIdentity } from "../../src/config/local-identities.ts";
import { DevTokenAuth } from "../../src/data/auth/dev-token.ts";
import { createSp } from "../../src/data/create-sp.ts";
import { LIST_ACCESS, readGrantees, ROLE_DEFINITION } from "../../src/data/permissions/index.ts";
import { LISTS } from "../../src/data/schema/lists.ts";
import type { ListKey } from "../../src/data/schema/vocabulary.ts";
import { SEED_ADMINISTRATOR } from "../../src/seed/people.ts";

export async function leadsToRead(siteUrl: string): Promise<void> {
  const admin = createSp(siteUrl, DevTokenAuth(devIdentity(SEED_ADMINISTRATOR.upn)));
  const { leads } = await readGrantees(admin);
  if (!leads) throw new Error("The site has no equalities leads' group.");
  for (const [key, access] of Object.entries(LIST_ACCESS) as Array<[ListKey, string]>) {
    if (access !== "plan") continue;
    const l = admin.web.lists.getByTitle(LISTS[key].title);
    await l.roleAssignments.add(leads.id, ROLE_DEFINITION.read);
    await l.roleAssignments.remove(leads.id, ROLE_DEFINITION.contribute);
  }
}
