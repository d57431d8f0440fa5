/**
 * Tenant conformance: the data layer's promises, proved against a real SharePoint site when EAP_TEST_SITE_URL is
 * set (see tests/helpers/conformance-target.ts and docs/deploy.md, "Prove it on your tenant"), else against the
 * local stand-in. Every test name says which. What is proved: provisioning is what SharePoint accepts and is
 * idempotent; date-only values are the site's local midnight in whatever zone the site has, and a due window includes
 * its last day; people resolve by sign-in name, and one who does not is listed before anything is written; a plan is
 * written once however often it is written; a stale ETag is a conflict that writes nothing; an update lands once per
 * submission; a changeset's failing part does not take the others with it. Everything the run writes is deleted.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { batchOps, type DataError, getAction, getOpenActionsDueBy, getPlanActions, getUpdatesForAction, inBatches, list, type ListKey, queryOnce, type SPFI, siteDates, submitUpdate, updateAction } from "../../src/data/index.ts";
import { runDoctor } from "../../src/data/doctor.ts";
import { PeopleUnresolved, writePlanTree } from "../../src/data/plan-tree/index.ts";
import { provision } from "../../src/data/provision.ts";
import type { PlanTreeInput } from "../../src/domain/plan-tree.ts";
import { type ConformanceTarget, conformanceTarget } from "../helpers/conformance-target.ts";

const RUN = `conformance-${Date.now().toString(36)}`;
const DUES = ["2027-01-15", "2027-03-28", "2027-06-30", "2027-07-01", "2027-10-31", "2027-12-31"];

let target: ConformanceTarget;
let sp: SPFI;

const plan = (officers: string[], title = `Conformance ${RUN}`): PlanTreeInput => ({
  title,
  period: "2027-2031",
  status: "draft",
  roles: [
    {
      name: "Service Provider",
      objectives: [
        {
          statement: "Conformance objective",
          actions: DUES.map((d, i) => ({ reference: `C-${i + 1}`, text: `Conformance action due ${d}`, dueText: d, officerLogins: i === 0 ? officers : [officers[i % officers.length]] })),
        },
      ],
    },
  ],
});

/** Deletes what this run wrote, children first. */
async function cleanUp(): Promise<void> {
  for (const key of ["updates", "actions", "commitments", "objectives", "roles", "plans"] as ListKey[]) {
    for (const prefix of [RUN, `submission:${RUN}`]) {
      const items = await queryOnce(sp, key, { filter: `startswith(ImportKey,'${prefix}')`, select: ["Id"] });
      await inBatches(sp, items, (b, i) => list(b, key).items.getById(i.Id).delete());
    }
  }
}

beforeAll(async () => {
  target = await conformanceTarget();
  sp = target.sp;
  console.log(`Conformance run against ${target.label}.`);
}, 60_000);
afterAll(async () => {
  if (sp) await cleanUp().catch((e) => console.error(`Clean-up after ${RUN} failed: ${(e as Error).message}`));
  await target?.close();
});

describe(`conformance on ${process.env.EAP_TEST_SITE_URL ? `the tenant site ${process.env.EAP_TEST_SITE_URL}` : "the local SharePoint stand-in"}`, () => {
  let planId: number;

  it("provisions what SharePoint accepts, and a second run changes nothing; doctor finds the lists as the schema says", async () => {
    await provision(sp);
    expect((await provision(sp)).changes).toEqual([]);
    const lists = (await runDoctor({ sp, appSp: sp })).filter((r) => r.check === "lists");
    expect(lists.filter((r) => r.status !== "pass")).toEqual([]);
  }, 300_000);

  it("resolves every officer by sign-in name, and lists one who cannot be found before writing anything", async () => {
    const err = await writePlanTree(sp, plan([...target.officers, target.stranger]), { importId: RUN }).catch((e) => e);
    expect(err).toBeInstanceOf(PeopleUnresolved);
    expect((err as PeopleUnresolved).people.map((p) => p.login)).toEqual([target.stranger.toLowerCase()]);
    expect(await queryOnce(sp, "plans", { filter: `ImportKey eq '${RUN}/plan'`, select: ["Id"] })).toEqual([]);
  });

  it("writes a plan once however often it is written, with date-only values at the site's local midnight", async () => {
    const first = await writePlanTree(sp, plan(target.officers), { importId: RUN });
    planId = first.planId;
    const again = await writePlanTree(sp, plan(target.officers), { importId: RUN });
    expect(Object.values(again.created).reduce((a, b) => a + b, 0)).toBe(0);
    const dates = await siteDates(sp);
    const raw = (await list(sp, "actions").items.select("Reference", "DueDate").filter(`PlanId eq ${planId}`)()) as Array<{ Reference: string; DueDate: string }>;
    for (const r of raw) expect(r.DueDate, `${r.Reference} on a site in ${dates.zone.iana}`).toBe(dates.toSpDate(DUES[Number(r.Reference.slice(2)) - 1]));
    const actions = await getPlanActions(sp, planId);
    expect(actions.map((a) => a.due.date)).toEqual(DUES);
    expect(actions[0].officers.map((o) => o.upn)).toEqual(target.officers.map((o) => o.toLowerCase()));
  });

  it("includes a due window's last day and nothing after it", async () => {
    const mine = (await getOpenActionsDueBy(sp, "2027-06-30")).filter((a) => a.planId === planId).map((a) => a.due.date);
    expect(mine.sort()).toEqual(["2027-01-15", "2027-03-28", "2027-06-30"]);
  });

  it("refuses a stale ETag as a conflict that writes nothing, and lands an update once per submission", async () => {
    const [first] = await getPlanActions(sp, planId);
    await updateAction(sp, first.id, first.etag!, { status: "on-track" });
    const stale = await updateAction(sp, first.id, first.etag!, { status: "at-risk" }).catch((e) => e);
    expect((stale as DataError).reason).toBe("conflict");
    expect((await getAction(sp, first.id)).status).toBe("on-track");
    for (let i = 0; i < 2; i++) {
      const action = await getAction(sp, first.id);
      await submitUpdate(sp, { action, text: "Conformance update", status: "on-track", author: null, authorName: "Conformance", submissionKey: `${RUN}-1`, now: new Date() });
    }
    expect((await getUpdatesForAction(sp, first.id)).filter((u) => u.text === "Conformance update")).toHaveLength(1);
  });

  it("keeps a changeset's other parts when one fails", async () => {
    const keys = [`${RUN}/role/x1`, `${RUN}/role/1`, `${RUN}/role/x2`];
    const settled = await batchOps(
      sp,
      keys.map((k) => (b: SPFI) => list(b, "roles").items.add({ Title: "Conformance role", PlanId: planId, ImportKey: k })),
    );
    expect(settled.map((s) => s.ok)).toEqual([true, false, true]);
    expect((await queryOnce(sp, "roles", { filter: `startswith(ImportKey,'${RUN}/role/x')`, select: ["Id"] })).length).toBe(2);
  });
});
