/**
 * Reading actions (src/data/actions/repository.ts). SharePoint's list view threshold as a design input: with the
 * threshold at 5,000 and 30,000 actions, "my actions" is one indexed request, whole-plan reads go by ID windows,
 * and a naive non-indexed query is refused. On the seeded plan, an officer's actions come back with their owner.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devIdentity } from "../../../src/config/local-identities.ts";
import { callSharePoint, createSp, DataError, DevTokenAuth, ensurePerson, getMyActions, getPlanActions, inBatches, list, type SPFI, siteDates } from "../../../src/data/index.ts";
import { provision } from "../../../src/data/provision.ts";
import { SEED_ADMINISTRATOR, SEED_PEOPLE, SEED_UPNS } from "../../../src/seed/people.ts";
import { startTestSharePoint, type TestSharePoint } from "../../helpers/local-sharepoint.ts";
import { type SeededSite, startSeededSite } from "../../helpers/seeded-site.ts";

const TOTAL = 30_000;
let server: TestSharePoint;
let sp: SPFI;
let ownerId: number;
let planId: number;

async function stats(): Promise<{ requests: Record<string, number> }> {
  return (await fetch(`${server.baseUrl}/_local/stats`)).json();
}

beforeAll(async () => {
  server = await startTestSharePoint({ site: "big", threshold: 5000 });
  sp = createSp(server.siteUrl, DevTokenAuth(devIdentity(SEED_ADMINISTRATOR.upn)));
  await provision(sp);
  // Start-up: the site's time zone is read once (date-only values depend on it), before any query is counted.
  await siteDates(sp);
  ownerId = (await ensurePerson(sp, SEED_UPNS.dataIntelligence)).id;
  const other = (await ensurePerson(sp, SEED_UPNS.communications)).id;
  planId = ((await list(sp, "plans").items.add({ Title: "Big plan", Period: "2023-2027", PlanStatus: "active" })) as { Id: number }).Id;
  const role = (await list(sp, "roles").items.add({ Title: "Employer", PlanId: planId })) as { Id: number };
  const objective = (await list(sp, "objectives").items.add({ Title: "O", Statement: "O", PlanId: planId, RoleId: role.Id })) as { Id: number };
  const rows = Array.from({ length: TOTAL }, (_, i) => i);
  await inBatches(
    sp,
    rows,
    (b, i) =>
      list(b, "actions").items.add({
        Title: `Action ${i}`,
        ActionText: `Action ${i}`,
        PlanId: planId,
        ObjectiveId: objective.Id,
        OwnerId: i % 1500 === 7 ? ownerId : other,
        ActionStatus: "on-track",
        Disposition: "open",
        SortOrder: i,
      }),
    100,
  );
}, 240_000);
afterAll(async () => server?.close());

describe("30,000 actions, threshold 5,000", () => {
  it("my actions is exactly one request and returns only mine", async () => {
    const before = await stats();
    const mine = await getMyActions(sp, ownerId);
    const after = await stats();
    expect(mine).toHaveLength(TOTAL / 1500);
    expect(mine.every((a) => a.ownerId === ownerId)).toBe(true);
    const total = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
    // /_local/stats is not counted, so the difference is exactly the requests getMyActions made.
    expect(total(after.requests) - total(before.requests)).toBe(1);
  });

  it("reads the whole plan by ID windows", async () => {
    const all = await getPlanActions(sp, planId);
    expect(all).toHaveLength(TOTAL);
  });

  it("refuses a query that is not narrowed by an index, as SharePoint does", async () => {
    const err = await callSharePoint("naive", () => list(sp, "actions").items.filter("ActionStatus eq 'on-track' and PlanId eq 1")()).catch((e) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).reason).toBe("threshold");
  });
});

describe("on the seeded plan", () => {
  let seeded: SeededSite;
  beforeAll(async () => {
    seeded = await startSeededSite({ now: new Date("2026-11-23T10:00:00Z") });
  });
  afterAll(async () => seeded?.close());

  it("my actions come back for an officer who owns some", async () => {
    const me = SEED_PEOPLE[0];
    const sp = seeded.spAs(me.oid);
    const person = await sp.web.currentUser();
    const mine = await getMyActions(sp, (person as { Id: number }).Id);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((a) => a.owner?.email === me.upn)).toBe(true);
  });
});
