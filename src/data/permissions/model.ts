/**
 * The permission model of the site, as data (docs/security.md explains it): the two site groups, SharePoint's
 * built-in role definitions the model grants, and which lists are plan lists (everyone on the site reads them) or
 * system lists (nobody but site owners and the app). Reads and writes live in groups.ts and list-permissions.ts.
 *
 * Every list is classified here (a Record over ListKey): a new list does not compile until someone decides who may
 * read it.
 */
import type { ListKey } from "../schema/vocabulary.ts";

/** The site groups: the leads group owns the EDI group, so only leads (and site owners) change its membership. */
export const EAP_GROUPS = {
  leads: {
    title: "EAP Equalities Leads",
    description: "The equalities lead(s) of the Equality Action Plan: they accept or decline date proposals, approve updates for publication and run rollover. Membership is changed by site owners.",
  },
  edi: {
    title: "EAP EDI Group",
    description: "The EDI group of the Equality Action Plan: they review actions and record review decisions. Membership is changed by the equalities leads.",
  },
} as const;
export type EapGroupKey = keyof typeof EAP_GROUPS;

/** What both groups must say (officers read membership to see who reviews; nobody adds themselves). */
export const GROUP_SETTINGS = { AllowMembersEditMembership: false, OnlyAllowMembersViewMembership: false, AllowRequestToJoinLeave: false } as const;

/** SharePoint's built-in role definitions (fixed ids in every site). */
export const ROLE_DEFINITION = { fullControl: 1073741829, contribute: 1073741827, read: 1073741826, limitedAccess: 1073741825 } as const;
export const ROLE_NAME: Readonly<Record<number, string>> = {
  1073741829: "Full Control",
  1073741828: "Design",
  1073741830: "Edit",
  1073741827: "Contribute",
  1073741826: "Read",
  1073741825: "Limited Access",
};

/**
 * "plan": owners Full Control; the equalities leads, the EDI group and the site's members and visitors Read (every
 * write of theirs goes through the server's API). "system": owners Full Control, the leads Read (the handover view
 * lists who the bot cannot reach), nobody else.
 */
export type ListAccess = "plan" | "system";

export const LIST_ACCESS: Readonly<Record<ListKey, ListAccess>> = {
  plans: "plan",
  roles: "plan",
  objectives: "plan",
  commitments: "plan",
  actions: "plan",
  updates: "plan",
  coverReports: "plan",
  indicators: "plan",
  indicatorValues: "plan",
  evidence: "plan",
  eqias: "plan",
  eqiaLinks: "plan",
  // The bot's own bookkeeping: conversation references (with the Bot Connector's service URL) and the reminder
  // ledger. An officer who could read or write them could redirect the bot's messages or silence reminders.
  conversations: "system",
  ledger: "system",
};

/** Who holds the site's own groups, by the web's associated group (ids differ per site). */
export type Grantee = "owners" | "members" | "visitors" | EapGroupKey;

/** The assignments a list of this access must have, exactly: grantee → role definition. */
export function expectedGrants(access: ListAccess): ReadonlyArray<{ who: Grantee; role: number }> {
  // The leads read the bot's records (who cannot be reached and why: the handover view); nobody else but owners.
  if (access === "system") return [{ who: "owners", role: ROLE_DEFINITION.fullControl }, { who: "leads", role: ROLE_DEFINITION.read }];
  return [
    { who: "owners", role: ROLE_DEFINITION.fullControl },
    // Nobody's own token writes the plan, the lead's included: every tool of theirs (import, rollover, publication
    // decisions, the covering report, handover) is a command the server checks and writes with the app's identity,
    // as officers' and the EDI group's are. A lead's token that leaked, or a script of theirs, can only read.
    { who: "leads", role: ROLE_DEFINITION.read },
    { who: "edi", role: ROLE_DEFINITION.read },
    { who: "members", role: ROLE_DEFINITION.read },
    { who: "visitors", role: ROLE_DEFINITION.read },
  ];
}

/** The list the site groups replace: no longer provisioned or read (doctor warns while it exists). */
export const OBSOLETE_MEMBERS_LIST_TITLE = "EAP Members";
