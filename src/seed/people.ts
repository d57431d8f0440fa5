/**
 * The seed's cast: FICTIONAL officers (example.org), one per team or role the Maidstone seeds name, so that the
 * local mode's "Sign in as" picker and "my actions" have someone to show for every action. None of these people
 * exist; the names are invented and the object ids are deterministic fakes. See docs/seed-provenance.md.
 */
import type { TreePerson } from "../domain/plan-tree.ts";

/** Deterministic fake Entra object id: a fixed prefix and the person's number. */
const fakeOid = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;

export const SEED_EMAILS = {
  dataIntelligence: "robin.ashdown@example.org",
  equalitiesPolicy: "jamila.hart@example.org",
  procurement: "tom.okafor@example.org",
  democraticServices: "carys.wren@example.org",
  housing: "dan.fairweather@example.org",
  equalitiesLead: "sam.kowalski@example.org",
  workforce: "leah.brookes@example.org",
  communications: "hannah.quill@example.org",
  headOfPolicy: "grace.mensah@example.org",
} as const;

/** The Equalities and Communities Officer: monitors the plan (000 §7.1) and authored the 2022-23 updates. */
export const SEED_EQUALITIES_LEAD_EMAIL: string = SEED_EMAILS.equalitiesLead;

export const SEED_PEOPLE: TreePerson[] = [
  {
    email: SEED_EMAILS.dataIntelligence,
    name: "Robin Ashdown",
    oid: fakeOid(1),
    jobTitle: "Data Intelligence Officer, Policy and Information team",
    ediGroup: false,
  },
  {
    email: SEED_EMAILS.equalitiesPolicy,
    name: "Jamila Hart",
    oid: fakeOid(2),
    jobTitle: "Equalities and Corporate Policy Officer, Policy and Information team",
    ediGroup: false,
  },
  {
    email: SEED_EMAILS.procurement,
    name: "Tom Okafor",
    oid: fakeOid(3),
    jobTitle: "Procurement Manager",
    ediGroup: false,
  },
  {
    email: SEED_EMAILS.democraticServices,
    name: "Carys Wren",
    oid: fakeOid(4),
    jobTitle: "Democratic Services Officer",
    ediGroup: false,
  },
  {
    email: SEED_EMAILS.housing,
    name: "Dan Fairweather",
    oid: fakeOid(5),
    jobTitle: "Housing team, Housing and Inclusion Manager",
    ediGroup: false,
  },
  {
    email: SEED_EMAILS.equalitiesLead,
    name: "Sam Kowalski",
    oid: fakeOid(6),
    jobTitle: "Equalities and Communities Officer",
    ediGroup: true,
  },
  {
    email: SEED_EMAILS.workforce,
    name: "Leah Brookes",
    oid: fakeOid(7),
    jobTitle: "HR and Workforce Development Manager",
    ediGroup: false,
  },
  {
    email: SEED_EMAILS.communications,
    name: "Hannah Quill",
    oid: fakeOid(8),
    jobTitle: "Communications and Engagement Officer",
    ediGroup: false,
  },
  {
    email: SEED_EMAILS.headOfPolicy,
    name: "Grace Mensah",
    oid: fakeOid(9),
    jobTitle: "Head of Policy, Communications and Governance",
    ediGroup: true,
  },
];
