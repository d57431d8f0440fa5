/**
 * The first read: who I am on the site, the EDI group, the plans and my actions (filtered on the indexed Owner
 * column). When this device's copy already says who I am, it is ONE $batch, which also checks that the copy still
 * names me. The first time it is two $batch requests (who I am with the group and plans, then my actions) to the
 * same address, so the browser asks SharePoint's CORS permission once.
 */
import { getMyActions } from "../../data/actions/repository.ts";
import { TokenAuth, type TokenProvider } from "../../data/auth/token-auth.ts";
import { inBatch } from "../../data/batching.ts";
import { createSp, type SPFI } from "../../data/create-sp.ts";
import { callSharePoint } from "../../data/errors.ts";
import type { Member } from "../../data/members/mapping.ts";
import { getMembers } from "../../data/members/repository.ts";
import { getCurrentPerson } from "../../data/people/repository.ts";
import { getPlans } from "../../data/plans/repository.ts";
import type { Person, Plan } from "../../domain/types.ts";
import type { TabConfig } from "../lib/config.ts";
import type { FirstView } from "./first-view-cache.ts";

export function siteClient(config: TabConfig, token: TokenProvider): SPFI {
  return createSp(config.siteUrl, TokenAuth(token));
}

/** A refusal of the $batch request itself (401/403, throttling) comes back as a DataError with its reason. */
export function readFirstView(sp: SPFI, known: Person | null): Promise<FirstView> {
  return callSharePoint("Reading your actions", () => read(sp, known));
}

async function read(sp: SPFI, known: Person | null): Promise<FirstView> {
  if (known) {
    const [me, members, plans, myActions] = (await inBatch<unknown>(sp, (b) => [getCurrentPerson(b), getMembers(b), getPlans(b), getMyActions(b, known.id)])) as [
      Person,
      Member[],
      Plan[],
      FirstView["myActions"],
    ];
    // The site user behind the token is not the one the copy named (re-created on the site): read mine again.
    return { me, members, plans, myActions: me.id === known.id ? myActions : await getMyActions(sp, me.id) };
  }
  const [me, members, plans] = (await inBatch<unknown>(sp, (b) => [getCurrentPerson(b), getMembers(b), getPlans(b)])) as [Person, Member[], Plan[]];
  const [myActions] = await inBatch(sp, (b) => [getMyActions(b, me.id)]);
  return { me, members, plans, myActions };
}
