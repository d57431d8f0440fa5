/**
 * The seed's fictional cast and its Entra-shaped directory: identified by object id, with the awkward cases a real
 * tenant has (a UPN that is not the mail, no mailbox, someone who left), and nobody from the source documents.
 */
import { describe, expect, it } from "vitest";
import { Directory } from "../../src/local/directory/directory.ts";
import { placedActions, planTreeSchema } from "../../src/domain/plan-tree.ts";
import {
  COVER_REPORT_2020_21,
  demonstrationPlan,
  MAIDSTONE_PLAN_2017_21,
  SEED_ADMINISTRATOR,
  SEED_DEPARTED,
  SEED_DIRECTORY,
  SEED_EQUALITIES_LEAD_UPN,
  SEED_PEOPLE,
  seedPerson,
} from "../../src/seed/index.ts";
import { describeWithDocs, seedDoc } from "./seed-docs.ts";

const OID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const plans = [MAIDSTONE_PLAN_2017_21, demonstrationPlan()].map((p) => placedActions(planTreeSchema.parse(p)).map((x) => x.action));
const [seeded, demo] = plans;
/** Who owns an action (first officer) and who is named on one, by UPN. */
const owners = (actions: typeof seeded) => new Set(actions.map((a) => a.officerLogins[0]));
const named = (actions: typeof seeded) => new Set(actions.flatMap((a) => a.officerLogins));

describe("seed people", () => {
  it("are a small fictional cast with unique, deterministic object ids and unique UPNs on example.org domains", () => {
    const everyone = [SEED_ADMINISTRATOR, ...SEED_PEOPLE, SEED_DEPARTED];
    expect(SEED_PEOPLE.length).toBeGreaterThanOrEqual(8);
    expect(SEED_PEOPLE.length).toBeLessThanOrEqual(12);
    for (const p of everyone) {
      expect(p.oid).toMatch(OID);
      expect(p.upn).toMatch(/@([a-z]+\.)?example\.org$/);
      if (p.mail !== null) expect(p.mail).toMatch(/@([a-z]+\.)?example\.org$/);
    }
    expect(new Set(everyone.map((p) => p.oid)).size).toBe(everyone.length);
    expect(new Set(everyone.map((p) => p.upn)).size).toBe(everyone.length);
  });

  it("has one equalities lead, the first EDI-group member, the Equalities and Communities Officer (000 §7.1)", () => {
    expect(SEED_PEOPLE.find((p) => p.ediGroup)?.upn).toBe(SEED_EQUALITIES_LEAD_UPN);
    expect(seedPerson(SEED_EQUALITIES_LEAD_UPN)?.jobTitle).toBe("Equalities and Communities Officer");
  });

  it("has an officer whose UPN is not their mail, and one with no mailbox, each owning actions in both plans", () => {
    const renamed = SEED_PEOPLE.filter((p) => p.mail !== null && p.mail !== p.upn);
    const noMailbox = SEED_PEOPLE.filter((p) => p.mail === null);
    expect(renamed.length).toBeGreaterThanOrEqual(1);
    expect(noMailbox.length).toBeGreaterThanOrEqual(1);
    for (const p of [...renamed, ...noMailbox]) {
      for (const actions of plans) expect(owners(actions).has(p.upn), p.name).toBe(true);
    }
  });

  it("names every action's officers by UPN, all of them seed people, and gives everyone who can sign in an action", () => {
    const upns = new Set([...SEED_PEOPLE, SEED_DEPARTED].map((p) => p.upn));
    for (const a of seeded) {
      expect(a.officerLogins.length, a.reference).toBeGreaterThan(0);
      for (const u of a.officerLogins) expect(upns.has(u), `${a.reference}: ${u}`).toBe(true);
    }
    for (const p of SEED_PEOPLE) expect(named(seeded).has(p.upn), p.name).toBe(true);
  });

  it("finds a person by object id, UPN or mail, whatever the case", () => {
    const dan = SEED_PEOPLE.find((p) => p.mail !== null && p.mail !== p.upn)!;
    expect(seedPerson(dan.oid)).toBe(dan);
    expect(seedPerson(dan.upn.toUpperCase())).toBe(dan);
    expect(seedPerson(dan.mail!)).toBe(dan);
    expect(seedPerson("nobody@example.org")).toBeUndefined();
    expect(seedPerson(SEED_DEPARTED.upn)).toBeUndefined(); // gone: nobody can sign in as them
  });

  it("names the departed officer on an old action only, never in the demonstration plan", () => {
    const on = seeded.filter((a) => a.officerLogins.includes(SEED_DEPARTED.upn)).map((a) => a.reference);
    expect(on.length).toBeGreaterThan(0);
    for (const r of on) expect(r).toMatch(/^(CL|EM|SP)-(17|20)-\d+$/);
    expect(named(demo).has(SEED_DEPARTED.upn)).toBe(false);
  });
});

describe("seed directory (Entra-shaped, for the strict local server)", () => {
  it("starts with the site collection administrator, an IT administrator who is on no action", () => {
    expect(SEED_DIRECTORY[0]).toMatchObject({ id: SEED_ADMINISTRATOR.oid, userPrincipalName: SEED_ADMINISTRATOR.upn, accountEnabled: true, deleted: false });
    expect(SEED_ADMINISTRATOR.jobTitle).toMatch(/IT/);
    expect(named(seeded).has(SEED_ADMINISTRATOR.upn)).toBe(false);
    expect(SEED_PEOPLE.some((p) => p.oid === SEED_ADMINISTRATOR.oid)).toBe(false);
  });

  it("lists every officer as Graph gives users, mail null where there is no mailbox, the departed one deleted", () => {
    expect(SEED_DIRECTORY.map((u) => u.id)).toEqual([SEED_ADMINISTRATOR, ...SEED_PEOPLE, SEED_DEPARTED].map((p) => p.oid));
    for (const u of SEED_DIRECTORY) {
      expect(Object.keys(u).sort()).toEqual(["accountEnabled", "deleted", "displayName", "id", "jobTitle", "mail", "userPrincipalName"]);
    }
    expect(SEED_DIRECTORY.filter((u) => u.deleted).map((u) => u.id)).toEqual([SEED_DEPARTED.oid]);
    expect(SEED_DIRECTORY.find((u) => u.deleted)?.accountEnabled).toBe(false);
    expect(SEED_DIRECTORY.some((u) => u.mail === null)).toBe(true);
    expect(JSON.parse(JSON.stringify(SEED_DIRECTORY))).toEqual(SEED_DIRECTORY);
  });
});

describe("seed directory, as the strict local server reads it", () => {
  it("is accepted, its first person the administrator; logins resolve by UPN or mail, never for the departed", () => {
    const d = new Directory(JSON.parse(JSON.stringify(SEED_DIRECTORY)));
    expect(d.admin.id).toBe(SEED_ADMINISTRATOR.oid);
    const dan = SEED_PEOPLE.find((p) => p.mail !== null && p.mail !== p.upn)!;
    expect(d.resolveLogon(`i:0#.f|membership|${dan.upn}`)?.id).toBe(dan.oid);
    expect(d.resolveLogon(dan.mail!)?.id).toBe(dan.oid);
    // A claims login built from the mail is not the person: SharePoint's claims carry the UPN.
    expect(d.resolveLogon(`i:0#.f|membership|${dan.mail}`)).toBeUndefined();
    expect(d.resolveLogon(SEED_DEPARTED.upn)).toBeUndefined();
    expect(d.byId(SEED_DEPARTED.oid)?.deleted).toBe(true);
    expect(d.users.find((u) => u.mail === null)?.jobTitle).toMatch(/Welfare Officer/);
  });
});

describeWithDocs("seed: nobody from the source documents", () => {
  const docs = ["000_", "001_", "002_", "004_"].map(seedDoc).join("\n");

  it("names no one from the documents in the cast", () => {
    for (const p of [SEED_ADMINISTRATOR, ...SEED_PEOPLE, SEED_DEPARTED]) {
      for (const part of p.name.split(" ")) expect(docs, p.name).not.toContain(part);
    }
  });

  it("keeps the posts, never the names, of the officers 000 names", () => {
    // 000's header names officers as "<Name>, <post>"; the seed keeps the posts. What is left of those cells once
    // the posts the seed keeps are taken out is the names: none of their words is anywhere in the seed.
    const doc000 = seedDoc("000_");
    const cells = ["Lead Head of Service", "Lead Officer and Report Author"].map((h) => doc000.split("\n").find((l) => l.startsWith(`${h}\t`))!.split("\t")[1]);
    const holders = COVER_REPORT_2020_21.leadRoles.map((r) => r.holder);
    let rest = cells.join(" ");
    for (const h of holders) {
      expect(rest, h).toContain(h);
      rest = rest.replace(h, " ");
    }
    const nameWords = rest.split(/[\s,]+/).filter((w) => /^[A-Z][a-z]+$/.test(w));
    expect(nameWords.length).toBeGreaterThanOrEqual(4);
    const seedText = JSON.stringify([MAIDSTONE_PLAN_2017_21, demonstrationPlan(), COVER_REPORT_2020_21, SEED_DIRECTORY]);
    for (const w of nameWords) expect(seedText).not.toMatch(new RegExp(`\\b${w}\\b`));
  });
});
