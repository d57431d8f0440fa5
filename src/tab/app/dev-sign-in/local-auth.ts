/**
 * Local mode: "Sign in as" one of the seeded (fictional) people. The tab mints an unsigned development token for
 * them (src/data/auth/dev-token.ts); only the local list server accepts it. The choice lives in sessionStorage so a
 * reload keeps the session, and a new browser session starts signed out.
 */
import { type DevIdentity, mintDevToken } from "../../../data/auth/dev-token.ts";
import type { TokenProvider } from "../../../data/auth/token-auth.ts";
import { SEED_PEOPLE } from "../../../seed/people.ts";

const KEY = "eap.local.signedInAs";

export interface LocalPerson {
  email: string;
  name: string;
  jobTitle: string;
  oid: string;
}

export const LOCAL_PEOPLE: LocalPerson[] = SEED_PEOPLE.map((p) => ({
  email: p.email,
  name: p.name ?? p.email,
  jobTitle: p.jobTitle ?? "",
  oid: p.oid ?? "",
}));

export function localIdentity(email: string): DevIdentity | null {
  const p = LOCAL_PEOPLE.find((x) => x.email.toLowerCase() === email.toLowerCase());
  return p ? { upn: p.email, name: p.name, oid: p.oid } : null;
}

export function rememberedLocalUser(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function rememberLocalUser(email: string | null): void {
  try {
    if (email) sessionStorage.setItem(KEY, email);
    else sessionStorage.removeItem(KEY);
  } catch {
    // storage disabled: the session simply does not survive a reload
  }
}

export function localTokenProvider(who: DevIdentity): TokenProvider {
  return async () => mintDevToken(who);
}
