/**
 * Rolling over a plan whose officers have left (src/data/plan-tree/people.ts, rollover.ts). On a strict server the
 * seeded cast are colleagues when the plan is written and two of them leave afterwards, as happens: their site users
 * stay, but SharePoint no longer resolves them. The rollover lists every one of them with the actions that name them,
 * writes nothing until a replacement is chosen for each (a replacement who cannot be found is listed too), and then
 * carries their actions to the people chosen.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devIdentity } from "../../../src/config/local-identities.ts";
import { createSp, DevTokenAuth, getPlanActions, getPlans, list, type SPFI } from "../../../src/data/index.ts";
import { PeopleUnresolved, rolloverPlan } from "../../../src/data/plan-tree/index.ts";
import { SEED_ADMINISTRATOR, SEED_DEPARTED, SEED_UPNS } from "../../../src/seed/people.ts";
import { localSeedTarget, seedSite } from "../../../src/seeding/seed-site.ts";
import { markDeparted, SEED_DIRECTORY_BEFORE_DEPARTURES, startTestSharePoint, type TestSharePoint } from "../../helpers/local-sharepoint.ts";

const FROM = "Equality Objectives and Action Plan 2017-2021";
const TO = "Equality Objectives and Action Plan 2021-2025 (rolled over)";

let t: TestSharePoint;
let sp: SPFI;
let carriedRefs: string[];

beforeAll(async () => {
  t = await startTestSharePoint({ site: "rollover", directory: SEED_DIRECTORY_BEFORE_DEPARTURES });
  await seedSite(localSeedTarget(t.siteUrl), { shiftToToday: false, now: new Date("2026-11-23T10:00:00Z"), say: () => {} });
  sp = createSp(t.siteUrl, DevTokenAuth(devIdentity(SEED_ADMINISTRATOR.upn)));
  // The review decided that the procurement actions carry on: the one Neil Ashworth owned, and Tom Okafor's.
  const from = (await getPlans(sp)).find((p) => p.title === FROM)!;
  const actions = await getPlanActions(sp, from.id);
  const theirs = actions.filter((a) => a.owner?.upn === SEED_DEPARTED.upn || a.owner?.upn === SEED_UPNS.procurement);
  expect(theirs.map((a) => a.owner?.upn).sort()).toEqual([SEED_DEPARTED.upn, SEED_UPNS.procurement].sort());
  carriedRefs = theirs.map((a) => a.reference).sort();
  for (const a of theirs) await list(sp, "actions").items.getById(a.id).update({ Disposition: "ongoing" }, "*");
  // Then both leave the council.
  await markDeparted(t.baseUrl, SEED_DEPARTED.upn);
  await markDeparted(t.baseUrl, SEED_UPNS.procurement);
}, 120_000);
afterAll(async () => t?.close());

const planCount = async () => (await getPlans(sp)).length;

describe("rollover with officers who have left", () => {
  it("lists every one of them with their actions, and writes nothing", async () => {
    const before = await planCount();
    const err = await rolloverPlan(sp, { from: FROM, to: TO }).catch((e) => e);
    expect(err).toBeInstanceOf(PeopleUnresolved);
    const people = (err as PeopleUnresolved).people;
    expect(people.map((p) => p.login).sort()).toEqual([SEED_DEPARTED.upn, SEED_UPNS.procurement].sort());
    for (const p of people) {
      expect(p.places.length).toBeGreaterThan(0);
      expect(p.places.every((x) => carriedRefs.includes(x.reference))).toBe(true);
      expect(p.reason).toMatch(/could not be found/);
    }
    expect((err as Error).message).toMatch(/2 people named in the plan cannot be found/);
    expect(await planCount()).toBe(before);
  });

  it("still writes nothing while one of them has no replacement, or a replacement cannot be found either", async () => {
    const before = await planCount();
    const one = await rolloverPlan(sp, { from: FROM, to: TO, reassign: new Map([[SEED_DEPARTED.upn, SEED_UPNS.headOfPolicy]]) }).catch((e) => e);
    expect((one as PeopleUnresolved).people.map((p) => p.login)).toEqual([SEED_UPNS.procurement]);
    const bad = await rolloverPlan(sp, {
      from: FROM,
      to: TO,
      reassign: new Map([
        [SEED_DEPARTED.upn, SEED_UPNS.headOfPolicy],
        [SEED_UPNS.procurement, "no.such.person@example.org"],
      ]),
    }).catch((e) => e);
    expect((bad as PeopleUnresolved).people).toEqual([expect.objectContaining({ login: SEED_UPNS.procurement, replacement: "no.such.person@example.org" })]);
    expect(await planCount()).toBe(before);
  });

  it("carries their actions to the people chosen once every one is decided", async () => {
    const r = await rolloverPlan(sp, {
      from: FROM,
      to: TO,
      reassign: new Map([
        [SEED_DEPARTED.upn, SEED_UPNS.headOfPolicy],
        [SEED_UPNS.procurement, SEED_UPNS.headOfPolicy],
      ]),
    });
    const carried = await getPlanActions(sp, r.toPlanId);
    const moved = carried.filter((a) => carriedRefs.includes(a.reference));
    expect(moved.map((a) => a.reference).sort()).toEqual(carriedRefs);
    for (const a of moved) {
      expect(a.owner?.upn).toBe(SEED_UPNS.headOfPolicy);
      // One person standing in for two appears once.
      expect(a.officerIds).toEqual([a.ownerId]);
    }
    expect((await getPlans(sp)).find((p) => p.id === r.toPlanId)?.status).toBe("active");
  });
});
