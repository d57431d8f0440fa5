/**
 * Signing in and the first read. Sign-in ends when we know who the person is on the site (one request, cached for
 * the browser session); everything "my actions" needs after that (the EDI group, the plans and my actions) travels
 * in ONE $batch request.
 */
import type { ActionRecord } from "../../data/actions/mapping.ts";
import { getMyActions } from "../../data/actions/repository.ts";
import { type TokenProvider, TokenAuth } from "../../data/auth/token-auth.ts";
import { inBatch } from "../../data/batching.ts";
import { createSp, type SPFI } from "../../data/create-sp.ts";
import type { Member } from "../../data/members/mapping.ts";
import { getMembers } from "../../data/members/repository.ts";
import { getCurrentPerson } from "../../data/people/repository.ts";
import { getPlans } from "../../data/plans/repository.ts";
import type { Person, Plan } from "../../domain/types.ts";
import type { TabConfig } from "../lib/config.ts";

export interface Session {
  sp: SPFI;
  me: Person;
  members: Member[];
  plans: Plan[];
  myActions: ActionRecord[];
}

const meKey = (siteUrl: string, who: string) => `eap.me.${siteUrl}.${who.toLowerCase()}`;

function cachedMe(siteUrl: string, who: string | null): Person | null {
  if (!who) return null;
  try {
    const raw = sessionStorage.getItem(meKey(siteUrl, who));
    const p = raw ? (JSON.parse(raw) as Person) : null;
    return p && typeof p.id === "number" && p.email?.toLowerCase() === who.toLowerCase() ? p : null;
  } catch {
    return null;
  }
}

export function forgetSession(siteUrl: string, who: string): void {
  try {
    sessionStorage.removeItem(meKey(siteUrl, who));
  } catch {
    // nothing cached
  }
}

export async function startSession(config: TabConfig, token: TokenProvider, who: string | null): Promise<Session> {
  const sp = createSp(config.siteUrl, TokenAuth(token));
  let me = cachedMe(config.siteUrl, who);
  if (!me) {
    me = await getCurrentPerson(sp);
    try {
      if (me.email) sessionStorage.setItem(meKey(config.siteUrl, me.email), JSON.stringify(me));
    } catch {
      // storage disabled: we ask again next time
    }
  }
  const person = me;
  const [members, plans, myActions] = (await inBatch<unknown>(sp, (b) => [getMembers(b), getPlans(b), getMyActions(b, person.id)])) as [
    Member[],
    Plan[],
    ActionRecord[],
  ];
  return { sp, me: person, members, plans, myActions };
}
