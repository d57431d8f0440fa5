/**
 * Writes that may be sent twice are safe (src/data/batching.ts, the plan writer, updateAction, submitUpdate). On a
 * server that applies a share of requests and then loses the reply (504 after commit, or a dropped connection), as a
 * gateway does, PnPjs' retry sends them again: adds come back as duplicates of themselves, an ETag-guarded MERGE as
 * 412. None of that may show as a duplicate item, a "someone else changed it" conflict or a failure. And a changeset
 * in which one part fails has its other parts written (they are sent again), while the real failure is reported.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devIdentity } from "../../src/config/local-identities.ts";
import { batchOps, createSp, DevTokenAuth, getAction, getPlanActions, getUpdatesForAction, list, type SPFI, submitUpdate, updateAction } from "../../src/data/index.ts";
import { writePlanTree } from "../../src/data/plan-tree/index.ts";
import { provision } from "../../src/data/provision.ts";
import type { PlanTreeInput } from "../../src/domain/plan-tree.ts";
import { SEED_ADMINISTRATOR, SEED_UPNS } from "../../src/seed/people.ts";
import { SEED_DIRECTORY_BEFORE_DEPARTURES, startTestSharePoint, type TestSharePoint } from "../helpers/local-sharepoint.ts";

const ACTIONS = 60;
const tree: PlanTreeInput = {
  title: "Lossy plan",
  period: "2023-2027",
  roles: [
    {
      name: "Service Provider",
      objectives: [
        {
          statement: "Objective",
          actions: Array.from({ length: ACTIONS }, (_, i) => ({
            reference: `L-${i + 1}`,
            text: `Action ${i + 1}`,
            dueText: "March 2027",
            officerLogins: [SEED_UPNS.housing, SEED_UPNS.welfare],
            updates: [{ date: "2024-05-01", authorName: "Equalities Officer", text: `Progress on ${i + 1}` }],
          })),
        },
      ],
    },
  ],
};

async function stats(t: TestSharePoint): Promise<{ requests: Record<string, number>; errors: Record<string, number> }> {
  return (await fetch(`${t.baseUrl}/_local/stats`)).json();
}

describe("lost replies (504 after commit, dropped connections)", () => {
  let t: TestSharePoint;
  let sp: SPFI;
  let planId: number;
  beforeAll(async () => {
    t = await startTestSharePoint({
      site: "lossy",
      directory: SEED_DIRECTORY_BEFORE_DEPARTURES,
      faults: "504-after-commit:0.25,drop-after-commit:0.05",
      seed: 5,
      retryAfterSeconds: 0.01,
    });
    sp = createSp(t.siteUrl, DevTokenAuth(devIdentity(SEED_ADMINISTRATOR.upn)), { retryIntervalMs: 5 });
  });
  afterAll(async () => t?.close());

  it("provisions and writes a whole plan with no duplicate and nothing missing", async () => {
    await provision(sp);
    planId = (await writePlanTree(sp, tree, { importId: "lossy" })).planId;
    const actions = await getPlanActions(sp, planId);
    expect(actions).toHaveLength(ACTIONS);
    expect(new Set(actions.map((a) => a.reference)).size).toBe(ACTIONS);
    expect(actions.every((a) => a.officerIds.length === 2)).toBe(true);
    const updates = (await list(sp, "updates").items.select("Id", "ImportKey").top(5000)()) as Array<{ ImportKey: string }>;
    expect(updates).toHaveLength(ACTIONS);
    const s = await stats(t);
    // The scenario happened: replies were lost and the writes were re-sent.
    expect(s.requests.faulted).toBeGreaterThan(5);
  });

  it("an ETag-guarded update whose reply was lost is recognised as ours, never reported as a conflict", async () => {
    const [first] = await getPlanActions(sp, planId);
    const before = (await stats(t)).errors["412"] ?? 0;
    let etag = first.etag!;
    const statuses = ["on-track", "at-risk", "complete", "not-started"] as const;
    for (let i = 0; i < 24; i++) etag = (await updateAction(sp, first.id, etag, { status: statuses[i % 4] })) ?? "";
    const now = await getAction(sp, first.id);
    expect(now.status).toBe(statuses[23 % 4]);
    expect(now.etag).toBe(etag);
    // The scenario happened: a re-sent MERGE was refused with 412 because our own first attempt had landed.
    expect((await stats(t)).errors["412"] ?? 0).toBeGreaterThan(before);
  });

  it("a progress update lands exactly once per submission", async () => {
    const [, second] = await getPlanActions(sp, planId);
    for (let i = 0; i < 12; i++) {
      const action = await getAction(sp, second.id);
      await submitUpdate(sp, { action, text: `Submission ${i}`, status: "on-track", author: null, authorName: "Lead", submissionKey: `lossy-${i}`, now: new Date() });
    }
    const texts = (await getUpdatesForAction(sp, second.id)).map((u) => u.text).filter((x) => x.startsWith("Submission"));
    expect(texts.sort()).toEqual(Array.from({ length: 12 }, (_, i) => `Submission ${i}`).sort());
  });
});

describe("a changeset with a failing part", () => {
  let t: TestSharePoint;
  let sp: SPFI;
  beforeAll(async () => {
    t = await startTestSharePoint({ site: "parts", directory: SEED_DIRECTORY_BEFORE_DEPARTURES });
    sp = createSp(t.siteUrl, DevTokenAuth(devIdentity(SEED_ADMINISTRATOR.upn)));
    await provision(sp);
  });
  afterAll(async () => t?.close());

  it("writes every other part (they are sent again) and reports only the part that failed", async () => {
    const plan = (await list(sp, "plans").items.add({ Title: "Parts", Period: "2023-2027", PlanStatus: "draft", ImportKey: "parts/plan" })) as { Id: number };
    await list(sp, "roles").items.add({ Title: "Employer", PlanId: plan.Id, ImportKey: "parts/role/1" });
    // The fourth of ten adds repeats the role's unique key: SharePoint refuses it and, in a PnPjs changeset, answers
    // the changeset's later parts with 500 IndexOutOfRangeException without applying them.
    const keys = Array.from({ length: 10 }, (_, i) => (i === 3 ? "parts/role/1" : `parts/role/${i + 2}`));
    const settled = await batchOps(
      sp,
      keys.map((k) => (b: SPFI) => list(b, "roles").items.add({ Title: k, PlanId: plan.Id, ImportKey: k })),
    );
    expect(settled.map((x) => x.ok)).toEqual(keys.map((_, i) => i !== 3));
    expect(String((settled[3] as { error: Error }).error.message)).toMatch(/duplicate/i);
    const s = await stats(t);
    expect(s.errors["500"]).toBeGreaterThan(1);
    const roles = (await list(sp, "roles").items.select("ImportKey").filter(`PlanId eq ${plan.Id}`)()) as Array<{ ImportKey: string }>;
    expect(roles.map((r) => r.ImportKey).sort()).toEqual([...new Set(keys)].sort());
  });
});
