/**
 * The seed's cast as an Entra-shaped directory, for the local SharePoint server's strict mode
 * (`eap serve-sharepoint --directory FILE.json`): the fields Microsoft Graph's user resource gives for each person,
 * with `deleted` standing for "only in deletedItems now". The first entry is the site collection administrator.
 * Write it with `JSON.stringify(SEED_DIRECTORY)`.
 */
import { SEED_ADMINISTRATOR, SEED_DEPARTED, SEED_PEOPLE, SEED_UPNS, type SeedPerson } from "./people.ts";

export interface DirectoryUser {
  /** Entra object id. */
  id: string;
  userPrincipalName: string;
  /** Null for an account without a mailbox (Graph returns null, never ""). */
  mail: string | null;
  displayName: string;
  accountEnabled: boolean;
  /** Deleted in Entra: tokens and ensureUser fail for them, as in Microsoft 365. */
  deleted: boolean;
  jobTitle: string;
}

const entry = (p: SeedPerson, deleted = false): DirectoryUser => ({
  id: p.oid,
  userPrincipalName: p.upn,
  mail: p.mail,
  displayName: p.name,
  accountEnabled: !deleted,
  deleted,
  jobTitle: p.jobTitle,
});

export const SEED_DIRECTORY: readonly DirectoryUser[] = [
  entry(SEED_ADMINISTRATOR),
  ...SEED_PEOPLE.map((p) => entry(p)),
  entry(SEED_DEPARTED, true),
];

/**
 * The same directory as it was when the 2017 plan was written: the officer who has since left was still a
 * colleague, so the plan naming him can be written. A local stack starts from this and then marks him departed
 * (the list server's `/_local/directory`), as happens in a tenant: his site user stays, SharePoint no longer
 * resolves him.
 */
export const SEED_DIRECTORY_BEFORE_DEPARTURES: readonly DirectoryUser[] = SEED_DIRECTORY.map((p) => ({ ...p, accountEnabled: true, deleted: false }));

/** Who has left since (the UPNs to mark departed once the plan is written). */
export const SEED_DEPARTURES: readonly string[] = SEED_DIRECTORY.filter((p) => p.deleted).map((p) => p.userPrincipalName);

/**
 * The shared mailbox reminder emails are sent from, as a directory entry (shared mailboxes are user objects). Its
 * account is enabled here because the local Graph, stricter than Exchange, refuses to send as a disabled account.
 */
export function mailboxEntry(address: string): DirectoryUser {
  return { id: "00000000-0000-4000-8000-0000000000e1", userPrincipalName: address, mail: address, displayName: "Equality Action Plan reminders", accountEnabled: true, deleted: false, jobTitle: "" };
}

/**
 * In the local stack (`npm start`), the officer whose app permission policy blocks the Teams app: installing it for
 * him is refused, so the reminder run emails him instead (his mailbox is not his UPN).
 */
export const SEED_APP_POLICY_BLOCKED_UPN: string = SEED_UPNS.housing;
