/**
 * Who is who in local mode, in one place: the bot's own identity towards the local list server (and in Agents
 * Playground), and the development identity of any seeded person. Development tokens are unsigned, so these are
 * used against the local list server only (loopback; see ./loopback.ts).
 */
import { createHash } from "node:crypto";
import { SEED_PEOPLE } from "../seed/people.ts";

/** The shape of a development token's subject (src/data/auth/dev-token.ts mints the token). */
export interface LocalIdentity {
  upn: string;
  name: string;
  oid: string;
}

/**
 * The bot, locally: what `eap dev` and `eap serve --mode local` sign in to the list server as, so that both see the
 * same reminder ledger entries as "the bot's"; its oid is also the bot's id in Agents Playground.
 */
export const LOCAL_BOT_IDENTITY: LocalIdentity = Object.freeze({
  upn: "eap-bot@example.org",
  name: "Equality Action Plan (bot)",
  oid: "00000000-0000-4000-8000-0000000000b0",
});

/** A seeded person by email, or any other email with a stable made-up object id. */
export function devIdentity(email: string): LocalIdentity {
  const p = SEED_PEOPLE.find((x) => x.email.toLowerCase() === email.toLowerCase());
  const h = createHash("sha256").update(email.toLowerCase()).digest("hex");
  const oid = p?.oid ?? `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
  return { upn: email, name: p?.name ?? email.split("@")[0], oid };
}
