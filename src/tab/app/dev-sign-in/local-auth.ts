/**
 * Local mode: "Sign in as" one of the seeded (fictional) people. The tab mints an unsigned development token for
 * them (src/data/auth/dev-token.ts); only the local list server accepts it. The choice lives in sessionStorage so a
 * reload keeps the session, and a new browser session starts signed out.
 */
import { type DevIdentity, mintDevToken } from "../../../data/auth/dev-token.ts";
import type { TokenProvider } from "../../../data/auth/token-auth.ts";
import { SEED_PEOPLE, seedPerson } from "../../../seed/people.ts";

const KEY = "eap.local.signedInAs";

export interface LocalPerson {
  /** Sign-in name. */
  upn: string;
  name: string;
  jobTitle: string;
  oid: string;
}

export const LOCAL_PEOPLE: LocalPerson[] = SEED_PEOPLE.map((p) => ({ upn: p.upn, name: p.name, jobTitle: p.jobTitle, oid: p.oid }));

/** The development identity of a seeded person, found by object id (preferred), UPN or mail. */
export function localIdentity(who: string): DevIdentity | null {
  const p = seedPerson(who);
  return p ? { upn: p.upn, name: p.name, oid: p.oid } : null;
}

export function rememberedLocalUser(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** Remembers who is signed in, by object id (older sessions may hold a UPN or mail; localIdentity takes both). */
export function rememberLocalUser(oid: string | null): void {
  try {
    if (oid) sessionStorage.setItem(KEY, oid);
    else sessionStorage.removeItem(KEY);
  } catch {
    // storage disabled: the session simply does not survive a reload
  }
}

export function localTokenProvider(who: DevIdentity): TokenProvider {
  return async () => mintDevToken(who);
}
