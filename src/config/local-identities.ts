/**
 * Who is who in local mode, in one place: the bot's own identity towards the local list server (and in Agents
 * Playground), and the development identity of any seeded person. Development tokens are unsigned, so these are
 * used against the local list server only (loopback; see ./loopback.ts).
 */
import { createHash } from "node:crypto";
import { SEED_ADMINISTRATOR, type SeedPerson, seedPerson } from "../seed/people.ts";

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

/** An application (client credentials) in local mode: what `--grant <appId>=<role>` names on the list server. */
export interface LocalAppIdentity {
  appId: string;
  name: string;
}

/**
 * The product's own app, locally: the bot (and the server) sign in to the list server app-only, as they do in a
 * tenant with the certificate, with the rights of a Sites.Selected-style grant (`--grant <appId>=write`). Its app id
 * is the bot's id, as in a tenant where EAP_BOT_ID is the app that holds the SharePoint grant.
 */
export const LOCAL_APP_IDENTITY: LocalAppIdentity = Object.freeze({ appId: LOCAL_BOT_IDENTITY.oid, name: "Equality Action Plan (bot)" });

/**
 * The seeded site collection administrator (IT, no part of the plan), who provisions and seeds local sites.
 */
function seedAdministrator(who: string): SeedPerson | undefined {
  const w = who.trim().toLowerCase();
  const a = SEED_ADMINISTRATOR;
  return [a.oid, a.upn.toLowerCase(), a.mail?.toLowerCase()].includes(w) ? a : undefined;
}

/**
 * A development identity: a seeded person (found by object id, UPN or mail; the token then names them by their
 * UPN and oid), or any other sign-in name with a stable made-up object id.
 */
export function devIdentity(who: string): LocalIdentity {
  const p = seedPerson(who) ?? seedAdministrator(who);
  if (p) return { upn: p.upn, name: p.name, oid: p.oid };
  const h = createHash("sha256").update(who.toLowerCase()).digest("hex");
  const oid = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
  return { upn: who, name: who.split("@")[0], oid };
}

/**
 * The Teams app locally: its manifest id (the org catalog of the local Graph gives it another id, as a tenant's
 * does), registered with the bot's app id so that the bot may install only itself.
 */
export const LOCAL_TEAMS_APP_MANIFEST_ID = "5e0f4a7c-2b1d-4c3e-9f80-7a6b5c4d3e2f";

/** The shared mailbox the reminder emails come from, locally (the app may send as it alone: RBAC for Applications). */
export const LOCAL_REMINDER_MAILBOX = "equality-reminders@example.org";
