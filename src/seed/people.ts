/**
 * The seed's cast: FICTIONAL people (example.org), one per team or role the Maidstone documents name, so that the
 * local mode's "Sign in as" picker and "my actions" have someone to show for every action. None of these people
 * exist; the names are invented and the object ids are deterministic fakes. See docs/seed-provenance.md.
 *
 * People are identified by their Entra object id (oid). The user principal name (UPN) is what they sign in with
 * and what SharePoint's ensureUser is given; their mail may differ from it, or be missing, as in any tenant:
 *  - Dan Fairweather's UPN kept the short form of an old naming scheme while his mail follows the new one;
 *  - Priya Lindqvist is a frontline officer without a mailbox (mail null), as unlicensed accounts are;
 *  - Neil Ashworth left the council (deleted in Entra) and is still named on a 2017 action: what a handover or a
 *    rollover has to deal with.
 * The site collection administrator is an IT administrator, not an officer: they own the site, not the plan.
 */

export interface SeedPerson {
  /** Entra object id (deterministic fake). */
  oid: string;
  /** User principal name: the sign-in name, and what ensureUser is called with. */
  upn: string;
  /** The mailbox address, or null for an account with no mailbox. */
  mail: string | null;
  name: string;
  jobTitle: string;
  /** Member of the EDI group (may act on any action, sees the review views). */
  ediGroup: boolean;
}

/** Deterministic fake Entra object id: a fixed prefix and the person's number. */
const fakeOid = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;

/** Sign-in names (UPNs) of the officers, by the team or role they stand for. */
export const SEED_UPNS = {
  dataIntelligence: "robin.ashdown@example.org",
  equalitiesPolicy: "jamila.hart@example.org",
  procurement: "tom.okafor@example.org",
  democraticServices: "carys.wren@example.org",
  housing: "d.fairweather@council.example.org",
  equalitiesLead: "sam.kowalski@example.org",
  workforce: "leah.brookes@example.org",
  communications: "hannah.quill@example.org",
  headOfPolicy: "grace.mensah@example.org",
  welfare: "priya.lindqvist@council.example.org",
} as const;

/** The officer who left: named on an old action only, deleted in the directory. */
export const SEED_DEPARTED_UPN = "neil.ashworth@example.org";

/** The Equalities and Communities Officer: monitors the plan (000 §7.1), so the equalities lead. */
export const SEED_EQUALITIES_LEAD_UPN: string = SEED_UPNS.equalitiesLead;

/** The officers who can sign in, in "Sign in as" order. The equalities lead is the first EDI-group member. */
export const SEED_PEOPLE: readonly SeedPerson[] = [
  {
    oid: fakeOid(1),
    upn: SEED_UPNS.dataIntelligence,
    mail: SEED_UPNS.dataIntelligence,
    name: "Robin Ashdown",
    jobTitle: "Data Intelligence Officer, Policy and Information team",
    ediGroup: false,
  },
  {
    oid: fakeOid(2),
    upn: SEED_UPNS.equalitiesPolicy,
    mail: SEED_UPNS.equalitiesPolicy,
    name: "Jamila Hart",
    jobTitle: "Equalities and Corporate Policy Officer, Policy and Information team",
    ediGroup: false,
  },
  { oid: fakeOid(3), upn: SEED_UPNS.procurement, mail: SEED_UPNS.procurement, name: "Tom Okafor", jobTitle: "Procurement Manager", ediGroup: false },
  {
    oid: fakeOid(4),
    upn: SEED_UPNS.democraticServices,
    mail: SEED_UPNS.democraticServices,
    name: "Carys Wren",
    jobTitle: "Democratic Services Officer",
    ediGroup: false,
  },
  {
    oid: fakeOid(5),
    upn: SEED_UPNS.housing,
    // The UPN kept the old short form; the mailbox follows the current naming scheme.
    mail: "dan.fairweather@example.org",
    name: "Dan Fairweather",
    jobTitle: "Housing team, Housing and Inclusion Manager",
    ediGroup: false,
  },
  {
    oid: fakeOid(6),
    upn: SEED_UPNS.equalitiesLead,
    mail: SEED_UPNS.equalitiesLead,
    name: "Sam Kowalski",
    jobTitle: "Equalities and Communities Officer",
    ediGroup: true,
  },
  {
    oid: fakeOid(7),
    upn: SEED_UPNS.workforce,
    mail: SEED_UPNS.workforce,
    name: "Leah Brookes",
    jobTitle: "HR and Workforce Development Manager",
    ediGroup: false,
  },
  {
    oid: fakeOid(8),
    upn: SEED_UPNS.communications,
    mail: SEED_UPNS.communications,
    name: "Hannah Quill",
    jobTitle: "Communications and Engagement Officer",
    ediGroup: false,
  },
  {
    oid: fakeOid(9),
    upn: SEED_UPNS.headOfPolicy,
    mail: SEED_UPNS.headOfPolicy,
    name: "Grace Mensah",
    jobTitle: "Head of Policy, Communications and Governance",
    ediGroup: true,
  },
  {
    oid: fakeOid(10),
    upn: SEED_UPNS.welfare,
    // A frontline account without an Exchange licence: no mailbox, so no mail.
    mail: null,
    name: "Priya Lindqvist",
    jobTitle: "Welfare Officer, Community Hub",
    ediGroup: false,
  },
];

/** The officer who left the council (deleted in Entra), still named on a 2017 action. */
export const SEED_DEPARTED: SeedPerson = {
  oid: fakeOid(11),
  upn: SEED_DEPARTED_UPN,
  mail: SEED_DEPARTED_UPN,
  name: "Neil Ashworth",
  jobTitle: "Procurement Manager (left the council)",
  ediGroup: false,
};

/** The site collection administrator: IT, not an officer of the plan. First in the directory. */
export const SEED_ADMINISTRATOR: SeedPerson = {
  oid: fakeOid(100),
  upn: "morgan.ellery@example.org",
  mail: "morgan.ellery@example.org",
  name: "Morgan Ellery",
  jobTitle: "IT Service Desk Administrator",
  ediGroup: false,
};

/**
 * A seeded person by object id, UPN or mail (case-insensitive), among the officers who can sign in, or undefined.
 * Matching by oid is preferred; UPN and mail are accepted so that callers holding either still find the person.
 */
export function seedPerson(who: string): SeedPerson | undefined {
  const w = who.trim().toLowerCase();
  return (
    SEED_PEOPLE.find((p) => p.oid === w) ??
    SEED_PEOPLE.find((p) => p.upn.toLowerCase() === w) ??
    SEED_PEOPLE.find((p) => p.mail?.toLowerCase() === w)
  );
}
