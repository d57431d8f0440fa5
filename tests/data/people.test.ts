/**
 * People are identified by sign-in name (UPN) and object id, never by email (src/data/people). On a strict server
 * with the seeded cast: an officer whose UPN differs from his mail and one without a mailbox are resolved, see their
 * actions, and are named by UPN when a plan is read back; a multi-value person column is read without projecting
 * EMail, which SharePoint refuses (500) as soon as one officer has no mailbox.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devIdentity } from "../../src/config/local-identities.ts";
import { ACTION_EXPAND, createSp, DevTokenAuth, ensurePerson, getCurrentPerson, getMyActions, getPlanActions, list, type SPFI } from "../../src/data/index.ts";
import { readPlanTree } from "../../src/data/plan-tree/index.ts";
import { placedActions } from "../../src/domain/plan-tree.ts";
import { SEED_EQUALITIES_LEAD_UPN, SEED_PEOPLE, SEED_UPNS } from "../../src/seed/people.ts";
import { localSeedTarget, seedSite } from "../../src/seeding/seed-site.ts";
import { SEED_DIRECTORY_BEFORE_DEPARTURES, startTestSharePoint, type TestSharePoint } from "../helpers/local-sharepoint.ts";

const DAN = SEED_PEOPLE.find((p) => p.upn === SEED_UPNS.housing)!;
const PRIYA = SEED_PEOPLE.find((p) => p.upn === SEED_UPNS.welfare)!;

let t: TestSharePoint;
let lead: SPFI;
let planId: number;
beforeAll(async () => {
  t = await startTestSharePoint({ site: "people", directory: SEED_DIRECTORY_BEFORE_DEPARTURES });
  planId = (await seedSite(localSeedTarget(t.siteUrl), { shiftToToday: true, now: new Date("2026-11-23T10:00:00Z"), say: () => {} })).planId;
  lead = createSp(t.siteUrl, DevTokenAuth(devIdentity(SEED_EQUALITIES_LEAD_UPN)));
}, 120_000);
afterAll(async () => t?.close());

describe("an officer whose UPN is not his mail", () => {
  it("resolves by UPN (or by his mail as written), never by a claims login built from the mail", async () => {
    expect(DAN.mail).not.toBe(DAN.upn);
    const byUpn = await ensurePerson(lead, DAN.upn);
    expect(byUpn).toMatchObject({ name: DAN.name, upn: DAN.upn, email: DAN.mail });
    expect((await ensurePerson(lead, DAN.mail!)).id).toBe(byUpn.id);
    const claimsOfMail = await ensurePerson(lead, `i:0#.f|membership|${DAN.mail}`).catch((e) => e);
    expect((claimsOfMail as { status?: number }).status).toBe(400);
  });

  it("sees his actions, whose people carry their UPNs", async () => {
    const dan = createSp(t.siteUrl, DevTokenAuth(devIdentity(DAN.oid)));
    const me = await getCurrentPerson(dan);
    const mine = await getMyActions(dan, me.id);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((a) => a.owner?.upn === DAN.upn)).toBe(true);
  });
});

describe("an officer without a mailbox", () => {
  it("sees her actions, and the plan reads with her among its officers", async () => {
    const priya = createSp(t.siteUrl, DevTokenAuth(devIdentity(PRIYA.oid)));
    const me = await getCurrentPerson(priya);
    expect(me.upn).toBe(PRIYA.upn);
    const mine = await getMyActions(priya, me.id);
    expect(mine.length).toBeGreaterThan(0);
    const all = await getPlanActions(lead, planId);
    expect(all.some((a) => a.officers.some((o) => o.upn === PRIYA.upn && o.id === me.id))).toBe(true);
  });

  it("is why EMail is never projected from a multi-value person column: SharePoint refuses the whole query", async () => {
    const err = await list(lead, "actions")
      .items.select("Id", "Officers/Id", "Officers/EMail")
      .expand(...ACTION_EXPAND)
      .filter(`PlanId eq ${planId}`)()
      .catch((e) => e);
    expect((err as { status?: number }).status).toBe(500);
    expect(String((err as Error).message)).toMatch(/Officers_x005f_EMail/);
  });
});

describe("a plan read back", () => {
  it("names officers by UPN, so that writing it again resolves the same people", async () => {
    const plan = (await list(lead, "plans").items.getById(planId).select("Id", "Title", "Period", "PlanStatus", "PredecessorId", "LocalCharacteristics", "Demonstration")()) as Record<string, unknown>;
    const snap = await readPlanTree(lead, { id: planId, title: String(plan.Title), period: String(plan.Period), status: "active", predecessorId: null, localCharacteristics: [] });
    const logins = new Set(placedActions(snap.tree as never).flatMap((p) => p.action.officerLogins));
    expect(logins.has(DAN.upn)).toBe(true);
    expect(logins.has(DAN.mail!)).toBe(false);
    expect(logins.has(PRIYA.upn)).toBe(true);
  });
});
