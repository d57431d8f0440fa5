/**
 * Indicators and their values against the local SharePoint (src/data/indicators, src/data/indicator-values,
 * src/data/action-measures), over HTTP: defining one, recording, correcting and reading values, with the promises
 * kept: bad input names its field and writes nothing; a retried submission lands once; a correction is a new
 * revision and the history keeps the first figure; two people correcting the same value cannot both win; the
 * summary follows the values; an action's measures are one request. tests/data/indicators/threshold.test.ts
 * holds the same reads against more values than the list view threshold.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readStats, httpRequests as requestsOf } from "../../../bench/support.ts";
import { devIdentity, LOCAL_APP_IDENTITY } from "../../../src/config/local-identities.ts";
import { DevAppAuth } from "../../../src/data/auth/dev-token.ts";
import { getActionMeasures } from "../../../src/data/action-measures/index.ts";
import {
  createIndicator,
  createSp,
  DataError,
  DevTokenAuth,
  ensurePerson,
  getActionIndicators,
  getIndicator,
  getIndicatorsByIds,
  getIndicatorValues,
  getPlanActions,
  type IndicatorRecord,
  MeasureInvalid,
  recordIndicatorValue,
  refreshIndicatorSummary,
  settleBatch,
  type SPFI,
  updateIndicator,
} from "../../../src/data/index.ts";
import { writePlanTree } from "../../../src/data/plan-tree/index.ts";
import { provision } from "../../../src/data/provision.ts";
import { currentValues, valueHistory } from "../../../src/domain/indicator-values.ts";
import type { Person } from "../../../src/domain/types.ts";
import { directoryOf, startTestSharePoint, type TestSharePoint } from "../../helpers/local-sharepoint.ts";

let server: TestSharePoint;
let sp: SPFI;
let other: SPFI;
let action: { id: number; planId: number };
let officer: Person;
let colleague: Person;

async function httpRequests(): Promise<number> {
  return requestsOf(await readStats(server.baseUrl));
}

const now = new Date("2023-05-10T10:00:00Z");
const responseRate = {
  name: "Consultation response rate",
  unit: "percent",
  direction: "higher-is-better",
  frequency: "annual",
  baseline: { value: 10, date: "2020-03-31" },
  target: { value: 25, date: "2025-03-31" },
  groups: ["18-24", "75 and over"],
  characteristics: ["age"],
};

beforeAll(async () => {
  server = await startTestSharePoint(directoryOf(["officer@example.org", "colleague@example.org"]));
  sp = createSp(server.siteUrl, DevTokenAuth(devIdentity("officer@example.org")), { retryIntervalMs: 20 });
  // The colleague's writes are the app's, as the server makes them for the colleague it established.
  other = createSp(server.siteUrl, DevAppAuth(LOCAL_APP_IDENTITY), { retryIntervalMs: 20 });
  await provision(sp);
  officer = await ensurePerson(sp, "officer@example.org");
  colleague = await ensurePerson(sp, "colleague@example.org");
  const w = await writePlanTree(
    sp,
    {
      title: "Measured plan",
      period: "2023-2027",
      roles: [
        {
          name: "Community Leader",
          objectives: [
            {
              statement: "Engage residents",
              actions: [
                { reference: "CL-1", text: "Increase response rates", officerLogins: ["officer@example.org"], successMeasures: ["Increased response rates"] },
                { reference: "CL-2", text: "Something else", officerLogins: ["colleague@example.org"] },
              ],
            },
          ],
        },
      ],
    },
    { importId: "test" },
  );
  const actions = await getPlanActions(sp, w.planId);
  const a = actions.find((x) => x.reference === "CL-1")!;
  action = { id: a.id, planId: a.planId };
}, 120_000);
afterAll(async () => server?.close());

describe("defining an indicator", () => {
  it("refuses a target date before the baseline, naming the field, and writes nothing", async () => {
    const err = await createIndicator(sp, { action, input: { ...responseRate, target: { value: 25, date: "2019-03-31" } }, submissionKey: "bad" }).catch((e) => e);
    expect(err).toBeInstanceOf(MeasureInvalid);
    expect((err as MeasureInvalid).problems).toEqual([expect.objectContaining({ field: "target.date", message: expect.stringMatching(/not after the baseline date/) })]);
    expect((err as DataError).reason).toBe("invalid");
    expect(await getActionIndicators(sp, action.id)).toEqual([]);
  });

  it("saves once per submission, however often it is retried", async () => {
    const a = await createIndicator(sp, { action, input: responseRate, submissionKey: "s-1" });
    const b = await createIndicator(sp, { action, input: responseRate, submissionKey: "s-1" });
    expect(b.id).toBe(a.id);
    expect(a).toMatchObject({ name: "Consultation response rate", unit: "percent", frequency: "annual", groups: ["18-24", "75 and over"], baseline: { value: 10, date: "2020-03-31" }, target: { value: 25, date: "2025-03-31" }, summary: null, order: 1 });
    expect(await getActionIndicators(sp, action.id)).toHaveLength(1);
  });
});

describe("recording and correcting values", () => {
  let ind: IndicatorRecord;
  beforeAll(async () => {
    ind = (await getActionIndicators(sp, action.id))[0];
  });

  it.each<[string, { period: string; value: string | number; group?: string }, string]>([
    ["a value that is not a number", { period: "2021-22", value: "about a fifth" }, "value"],
    ["a period outside the indicator's frequency", { period: "Q1 2021-22", value: 12 }, "period"],
    ["a period not yet started", { period: "2024-25", value: 12 }, "period"],
    ["a group the indicator does not have", { period: "2021-22", value: 12, group: "Over 90" }, "group"],
  ])("refuses %s, naming the field, and writes nothing", async (_, input, field) => {
    const err = await recordIndicatorValue(sp, { indicator: ind, input, revisionSeen: 0, recordedBy: officer, submissionKey: `bad-${field}-${input.period}`, now }).catch((e) => e);
    expect(err).toBeInstanceOf(MeasureInvalid);
    expect((err as MeasureInvalid).problems.map((p) => p.field)).toEqual([field]);
    expect(await getIndicatorValues(sp, ind.id)).toEqual([]);
  });

  it("records a value with who recorded it, and refreshes the summary", async () => {
    const r = await recordIndicatorValue(sp, { indicator: ind, input: { period: "2021-22", value: "12 %" }, revisionSeen: 0, recordedBy: officer, submissionKey: "v-2021", now });
    expect(r.value).toMatchObject({ period: "2021-22", group: "", value: 12, revision: 1, recordedById: officer.id });
    expect(r.value.recordedByName).not.toBe("");
    expect(r.indicator.summary).toEqual({ latestPeriod: "2021-22", latestValue: 12, previousPeriod: null, previousValue: null, periods: 1 });
    expect((await getIndicator(sp, ind.id)).summary?.latestValue).toBe(12);
  });

  it("a retry of the same submission lands once", async () => {
    const input = { period: "2022-23", value: 18 };
    const a = await recordIndicatorValue(sp, { indicator: ind, input, revisionSeen: 0, recordedBy: officer, submissionKey: "v-2022", now });
    const b = await recordIndicatorValue(sp, { indicator: ind, input, revisionSeen: 0, recordedBy: officer, submissionKey: "v-2022", now });
    expect(b.value.id).toBe(a.value.id);
    expect((await getIndicatorValues(sp, ind.id)).filter((v) => v.period === "2022-23")).toHaveLength(1);
    expect(b.indicator.summary).toMatchObject({ latestPeriod: "2022-23", latestValue: 18, previousPeriod: "2021-22", previousValue: 12, periods: 2 });
  });

  it("someone else's first value for the same period is a conflict, not a second value", async () => {
    const err = await recordIndicatorValue(other, { indicator: ind, input: { period: "2022-23", value: 30 }, revisionSeen: 0, recordedBy: colleague, submissionKey: "c-2022", now }).catch((e) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).reason).toBe("conflict");
    expect((err as Error).message).toMatch(/was recorded by .* since you read it: it is now 18/);
    expect((await getIndicatorValues(sp, ind.id)).filter((v) => v.period === "2022-23").map((v) => v.value)).toEqual([18]);
  });

  it("a correction needs a reason, is a new revision, and the history keeps the first figure", async () => {
    const noReason = await recordIndicatorValue(sp, { indicator: ind, input: { period: "2022-23", value: 19 }, revisionSeen: 1, recordedBy: officer, submissionKey: "fix-0", now }).catch((e) => e);
    expect((noReason as MeasureInvalid).problems.map((p) => p.field)).toEqual(["note"]);
    const r = await recordIndicatorValue(sp, {
      indicator: ind,
      input: { period: "2022-23", value: 19, note: "The survey's late returns were counted." },
      revisionSeen: 1,
      recordedBy: colleague,
      submissionKey: "fix-1",
      now,
    });
    expect(r.value).toMatchObject({ revision: 2, value: 19, recordedById: colleague.id, note: "The survey's late returns were counted." });
    const values = await getIndicatorValues(sp, ind.id);
    expect(valueHistory(values, "2022-23").map((v) => [v.revision, v.value])).toEqual([
      [1, 18],
      [2, 19],
    ]);
    expect(currentValues(values).find((v) => v.period === "2022-23")?.value).toBe(19);
    expect(r.indicator.summary?.latestValue).toBe(19);
  });

  it("two people correcting the same revision: the second is told and writes nothing", async () => {
    await recordIndicatorValue(sp, { indicator: ind, input: { period: "2022-23", value: 20, note: "Recount." }, revisionSeen: 2, recordedBy: officer, submissionKey: "fix-a", now });
    const err = await recordIndicatorValue(other, { indicator: ind, input: { period: "2022-23", value: 17, note: "Typo." }, revisionSeen: 2, recordedBy: colleague, submissionKey: "fix-b", now }).catch((e) => e);
    expect((err as DataError).reason).toBe("conflict");
    expect((err as Error).message).toMatch(/was corrected by .* it is now 20/);
    expect(valueHistory(await getIndicatorValues(sp, ind.id), "2022-23").map((v) => v.value)).toEqual([18, 19, 20]);
  });

  it("records breakdown groups beside the whole, and the summary follows the whole only", async () => {
    await recordIndicatorValue(sp, { indicator: ind, input: { period: "2022-23", group: "18-24", value: 7 }, revisionSeen: 0, recordedBy: officer, submissionKey: "g-1", now });
    const fresh = await refreshIndicatorSummary(sp, ind.id);
    expect(fresh.summary).toMatchObject({ latestPeriod: "2022-23", latestValue: 20, periods: 2 });
  });

  it("keeps unit and frequency once values are recorded; other changes go with the ETag", async () => {
    const current = await getIndicator(sp, ind.id);
    const err = await updateIndicator(sp, current, { ...responseRate, frequency: "quarterly" }).catch((e) => e);
    expect((err as DataError).field).toBe("frequency");
    await updateIndicator(sp, current, { ...responseRate, dataSource: "Let's Talk Maidstone" });
    const stale = await updateIndicator(sp, current, { ...responseRate, dataSource: "Something else" }).catch((e) => e);
    expect((stale as DataError).reason).toBe("conflict");
    expect((await getIndicator(sp, ind.id)).dataSource).toBe("Let's Talk Maidstone");
  });
});

describe("reading an action's measures", () => {
  it("is one request for indicators, values, evidence and EqIAs", async () => {
    const before = await httpRequests();
    const m = await getActionMeasures(sp, action.id);
    expect((await httpRequests()) - before).toBe(1);
    expect(m.indicators).toHaveLength(1);
    expect(m.indicators[0].values.map((v) => `${v.period}/${v.group}#${v.revision}`)).toEqual(["2021-22/#1", "2022-23/#1", "2022-23/#2", "2022-23/#3", "2022-23/18-24#1"]);
    expect(m.evidence).toEqual([]);
    expect(m.eqias).toEqual([]);
  });
});

describe("reading indicators by id", () => {
  it("reads those that exist, with their summary, leaving out ids that are gone; in a $batch with anything else", async () => {
    const [one] = await getActionIndicators(sp, action.id);
    expect(await getIndicatorsByIds(sp, [])).toEqual([]);
    const before = await httpRequests();
    const [byIds, single] = await settleBatch<unknown>(sp, (b) => [getIndicatorsByIds(b, [one.id, 999_999]), getIndicator(b, one.id)]);
    expect((await httpRequests()) - before).toBe(1);
    expect(byIds.ok && single.ok).toBe(true);
    const read = (byIds as { value: IndicatorRecord[] }).value;
    expect(read.map((i) => i.id)).toEqual([one.id]);
    expect(read[0]).toEqual((single as { value: IndicatorRecord }).value);
  });
});
