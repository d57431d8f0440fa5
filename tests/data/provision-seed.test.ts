/**
 * The data layer against the real local SharePoint server: provisioning is idempotent, the seeded plan reads back
 * equal to the seed model (counted from the documents), and writes keep their promises (ETag, retry keys).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSeed } from "../../src/cli/seed-run.ts";
import { devIdentity, siteSettings } from "../../src/cli/site.ts";
import { planTreeSchema } from "../../src/domain/plan-tree.ts";
import {
  createSp,
  DataError,
  DevTokenAuth,
  getAction,
  getMembers,
  getMyActions,
  getPlans,
  getUpdatesForAction,
  requirePlan,
  type SPFI,
  submitUpdate,
} from "../../src/data/index.ts";
import { provision } from "../../src/data/provision.ts";
import { readPlanTree } from "../../src/data/read-plan-tree.ts";
import { LIST_ORDER, LISTS } from "../../src/data/schema.ts";
import { MAIDSTONE_PLAN_2017_21 } from "../../src/seed/maidstone-plan.ts";
import { SEED_EQUALITIES_LEAD_UPN, SEED_PEOPLE } from "../../src/seed/people.ts";
import { startTestSharePoint, type TestSharePoint } from "../helpers/local-sharepoint.ts";

let server: TestSharePoint;
let lead: SPFI;

beforeAll(async () => {
  server = await startTestSharePoint({ site: "edi" });
  lead = createSp(server.siteUrl, DevTokenAuth(devIdentity(SEED_EQUALITIES_LEAD_UPN)));
});
afterAll(async () => server?.close());

describe("provision", () => {
  it("creates every list, column and index, and a second run changes nothing", async () => {
    const first = await provision(lead);
    expect(first.changes.filter((c) => c.what === "created the list")).toHaveLength(LIST_ORDER.length);
    const second = await provision(lead);
    expect(second.changes).toEqual([]);

    const actions = lead.web.lists.getByTitle(LISTS.actions.title);
    const info = (await actions.select("EnableVersioning")()) as { EnableVersioning: boolean };
    expect(info.EnableVersioning).toBe(true);
    const fields = (await actions.fields.select("InternalName", "Indexed", "EnforceUniqueValues")()) as Array<{
      InternalName: string;
      Indexed: boolean;
      EnforceUniqueValues: boolean;
    }>;
    const indexed = fields.filter((f) => f.Indexed).map((f) => f.InternalName);
    for (const f of LISTS.actions.fields.filter((x) => x.indexed)) expect(indexed).toContain(f.name);
    expect(fields.find((f) => f.InternalName === "ImportKey")?.EnforceUniqueValues).toBe(true);
  });
});

describe("seed", () => {
  beforeAll(async () => {
    await runSeed(siteSettings({ site: server.siteUrl, auth: "dev" }, {}), { shiftToToday: false, now: new Date("2026-11-23T10:00:00Z"), say: () => {} });
  });

  it("reads back equal to the seed model", async () => {
    const plan = await requirePlan(lead, MAIDSTONE_PLAN_2017_21.title);
    const { tree } = await readPlanTree(lead, plan);
    const expected = planTreeSchema.parse(MAIDSTONE_PLAN_2017_21);
    expect(tree.status).toBe("closed");
    const plain = (x: unknown) => JSON.parse(JSON.stringify(x)); // undefined and absent are the same here
    expect(plain({ ...tree, status: expected.status })).toEqual(plain(expected));
  });

  it("holds every action and update the documents contain", async () => {
    const plan = await requirePlan(lead, MAIDSTONE_PLAN_2017_21.title);
    const { actions, updates } = await readPlanTree(lead, plan);
    // 002: 11 rows in the 2017 action table; 001: 8 + 5 + 8 items under "Actions"; 004: 17 actions.
    expect(actions).toHaveLength(11 + 21 + 17);
    // 004: one update per action; 000: ten 2020-21 updates (see tests/seed).
    expect(updates).toHaveLength(17 + 10);
    expect(updates.filter((u) => u.period === "2022-23")).toHaveLength(17);
    expect(updates.filter((u) => u.period === "2020-21")).toHaveLength(10);
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
    expect(current.status).toBe("active");
    expect(current.predecessorId).toBe(old.id);
    const { actions } = await readPlanTree(lead, current);
    expect(actions).toHaveLength(10);
    expect(actions.every((a) => a.carriedFromId !== null && a.disposition === "open")).toBe(true);
  });

  it("registers the fictional people and the EDI group", async () => {
    const members = await getMembers(lead);
    const expected = SEED_PEOPLE.filter((p) => p.ediGroup).map((p) => p.upn);
    expect(members.map((m) => m.person.email).sort()).toEqual([...expected].sort());
    expect(SEED_PEOPLE.every((p) => p.upn.endsWith("example.org"))).toBe(true);
  });

  it("is idempotent: seeding again writes nothing new", async () => {
    const before = await (await fetch(`${server.baseUrl}/_local/stats`)).json();
    await runSeed(siteSettings({ site: server.siteUrl, auth: "dev" }, {}), { shiftToToday: false, now: new Date(), say: () => {} });
    const after = await (await fetch(`${server.baseUrl}/_local/stats`)).json();
    expect(after.requests["add-item"] ?? 0).toBe(before.requests["add-item"] ?? 0);
    const plans = await getPlans(lead);
    expect(plans).toHaveLength(2);
  });
});

describe("writes", () => {
  it("a progress update with a stale ETag writes nothing and says it is a conflict", async () => {
    const plans = await getPlans(lead);
    const current = plans.find((p) => p.period === "2023-2027")!;
    const owner = SEED_PEOPLE[0];
    const sp = createSp(server.siteUrl, DevTokenAuth(devIdentity(owner.oid)));
    const { actions } = await readPlanTree(lead, current);
    const target = actions.find((a) => a.owner)!;
    const stale = await getAction(sp, target.id);
    // Someone else changes the action first.
    await submitUpdate(lead, { action: stale, text: "First writer", status: "at-risk", author: null, authorName: "Lead", submissionKey: "k-first", now: new Date() });
    const before = await getUpdatesForAction(sp, target.id);
    const err = await submitUpdate(sp, { action: stale, text: "Second writer", status: "on-track", author: null, submissionKey: "k-second", now: new Date() }).catch((e) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).reason).toBe("conflict");
    expect(await getUpdatesForAction(sp, target.id)).toHaveLength(before.length);
    // Re-applied on the fresh item it lands, once, even when retried with the same submission key.
    const fresh = await getAction(sp, target.id);
    await submitUpdate(sp, { action: fresh, text: "Second writer", status: "on-track", author: null, submissionKey: "k-second", now: new Date() });
    const fresher = await getAction(sp, target.id);
    await submitUpdate(sp, { action: fresher, text: "Second writer", status: "on-track", author: null, submissionKey: "k-second", now: new Date() });
    const texts = (await getUpdatesForAction(sp, target.id)).map((u) => u.text);
    expect(texts.filter((t) => t === "Second writer")).toHaveLength(1);
    expect(texts).toContain("First writer");
  });

  it("my actions come back for an officer who owns some", async () => {
    const me = SEED_PEOPLE[0];
    const sp = createSp(server.siteUrl, DevTokenAuth(devIdentity(me.oid)));
    const person = await sp.web.currentUser();
    const mine = await getMyActions(sp, (person as { Id: number }).Id);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((a) => a.owner?.email === me.upn)).toBe(true);
  });
});
