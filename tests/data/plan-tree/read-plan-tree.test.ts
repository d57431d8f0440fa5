/**
 * Reading a whole plan back (src/data/plan-tree/read-plan-tree.ts) against the real local SharePoint server: the
 * seeded plan reads back equal to the seed model (counted from the documents), the demonstration plan the seed
 * writes carries the right actions, and seeding again writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getMembers, getPlans, requirePlan, type SPFI } from "../../../src/data/index.ts";
import { readPlanTree, rolloverPlan } from "../../../src/data/plan-tree/index.ts";
import { placedActions, planTreeSchema } from "../../../src/domain/plan-tree.ts";
import { MAIDSTONE_PLAN_2017_21 } from "../../../src/seed/maidstone-plan.ts";
import { SEED_EQUALITIES_LEAD_UPN, SEED_PEOPLE } from "../../../src/seed/people.ts";
import { localSeedTarget, seedSite } from "../../../src/seeding/seed-site.ts";
import { type SeededSite, startSeededSite } from "../../helpers/seeded-site.ts";

let seeded: SeededSite;
let lead: SPFI;

beforeAll(async () => {
  seeded = await startSeededSite({ now: new Date("2026-11-23T10:00:00Z") });
  lead = seeded.spAs(SEED_EQUALITIES_LEAD_UPN);
});
afterAll(async () => seeded?.close());

describe("seed", () => {

  it("reads back equal to the seed model", async () => {
    const plan = await requirePlan(lead, MAIDSTONE_PLAN_2017_21.title);
    const { tree } = await readPlanTree(lead, plan);
    const expected = planTreeSchema.parse(MAIDSTONE_PLAN_2017_21);
    // Actions without an order of their own are written in tree order; objectives read back in the order they are
    // shown (chronologically), which is not the order of their keys.
    placedActions(expected).forEach((p, n) => {
      p.action.order ??= n + 1;
    });
    for (const role of expected.roles) role.objectives.sort((x, y) => (x.order ?? 0) - (y.order ?? 0));
    const plain = (x: unknown) => JSON.parse(JSON.stringify(x)); // undefined and absent are the same here
    expect(plain(tree)).toEqual(plain(expected));
  });

  it("holds every action and update the documents contain", async () => {
    const plan = await requirePlan(lead, MAIDSTONE_PLAN_2017_21.title);
    const { actions, updates } = await readPlanTree(lead, plan);
    // 002: 11 rows in the 2017 action table; 001: 8 + 5 + 8 items under "Actions"; 004: 17 actions.
    expect(actions).toHaveLength(11 + 21 + 17);
    // 004: one update per action; 000: ten 2020-21 updates (see tests/seed).
    expect(updates.filter((u) => u.period === "2022-23")).toHaveLength(17);
    expect(updates.filter((u) => u.period === "2020-21")).toHaveLength(10);
    expect(updates).toHaveLength(17 + 10);
    // 004's disposition sentences: 7 closed, 8 remain ongoing, 2 developed; nothing else was decided.
    const by = (d: string) => actions.filter((a) => a.disposition === d).length;
    expect([by("closed"), by("ongoing"), by("developed"), by("open")]).toEqual([7, 8, 2, 11 + 21]);
    // No document gives a status.
    expect(actions.every((a) => a.status === "not-recorded")).toBe(true);
  });

  it("carries the ongoing and developed actions into the demonstration plan with a carried-from link", async () => {
    const plans = await getPlans(lead);
    const current = plans.find((p) => p.period === "2023-2027")!;
    const old = plans.find((p) => p.period === "2017-2021")!;
    expect(current).toMatchObject({ status: "active", demonstration: true, predecessorId: old.id });
    expect(old).toMatchObject({ status: "closed", demonstration: false });
    const { actions } = await readPlanTree(lead, current);
    expect(actions).toHaveLength(10);
    expect(actions.every((a) => a.carriedFromId !== null && a.disposition === "open")).toBe(true);
  });

  it("registers the fictional people and the EDI group", async () => {
    const members = await getMembers(lead);
    const expected = SEED_PEOPLE.filter((p) => p.ediGroup).map((p) => p.upn);
    expect(members.map((m) => m.person.email).sort()).toEqual([...expected].sort());
  });

  it("is idempotent: seeding again writes nothing new", async () => {
    const before = await (await fetch(`${seeded.baseUrl}/_local/stats`)).json();
    await seedSite(localSeedTarget(seeded.siteUrl), { shiftToToday: false, now: new Date(), say: () => {} });
    const after = await (await fetch(`${seeded.baseUrl}/_local/stats`)).json();
    expect(after.requests["add-item"] ?? 0).toBe(before.requests["add-item"] ?? 0);
    const plans = await getPlans(lead);
    expect(plans).toHaveLength(2);
  });
});

describe("rolling the seeded plan over", () => {
  it("keeps a commitment's link only with the action it carries on, and the plan's kind", async () => {
    // The rollover writes as the app (the server runs it for the lead it established).
    const r = await rolloverPlan(seeded.appSp(), { from: MAIDSTONE_PLAN_2017_21.title, to: "Rolled over 2021-2025", period: "2021-2025" });
    expect(r.carried).toBe(10); // 004: 8 "remains ongoing" and 2 "has now developed"
    const to = (await getPlans(lead)).find((p) => p.id === r.toPlanId)!;
    expect(to.demonstration).toBe(false);
    const { tree } = await readPlanTree(lead, to);
    const refs = new Set(placedActions(tree).map((p) => p.action.reference));
    const links = tree.roles.flatMap((ro) => ro.objectives.flatMap((o) => o.commitments.flatMap((c) => (c.continues ? [c.continues.reference] : []))));
    // The 2022-23 commitments restate 2020 actions, none of which is carried: no link may point out of the plan.
    for (const l of links) expect(refs.has(l), l).toBe(true);
    expect(links).toEqual([]);
  });
});
