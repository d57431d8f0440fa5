/**
 * SharePoint's list view threshold (5,000) as a design input for indicator values: one busy indicator (monthly,
 * nineteen breakdown groups, since 2000) holds more values than the threshold, on a list where a non-indexed
 * query is refused. Its action's measures, its summary and a re-run of its import still read (by ID windows when
 * the index alone cannot narrow enough); another action's measures stay one request; plan reads go by windows.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readStats, httpRequests as requestsOf } from "../../../bench/support.ts";
import { devIdentity } from "../../../src/config/local-identities.ts";
import { getActionMeasures } from "../../../src/data/action-measures/index.ts";
import {
  createIndicator,
  createSp,
  DevTokenAuth,
  ensurePerson,
  getPlanActions,
  getPlanIndicators,
  getPlanValues,
  type IndicatorRecord,
  list,
  refreshIndicatorSummary,
  type SPFI,
} from "../../../src/data/index.ts";
import { type ValueWrite, writeValues } from "../../../src/data/indicator-values/write-values.ts";
import { writePlanTree } from "../../../src/data/plan-tree/index.ts";
import { provision } from "../../../src/data/provision.ts";
import { periodOf, periodsBetween } from "../../../src/domain/indicator-periods.ts";
import { directoryOf, startTestSharePoint, type TestSharePoint } from "../../helpers/local-sharepoint.ts";

let server: TestSharePoint;
let sp: SPFI;
let busy: IndicatorRecord;
let quiet: IndicatorRecord;
let writes: ValueWrite[];
const GROUPS = Array.from({ length: 19 }, (_, i) => `Ward ${i + 1}`);
const now = new Date("2023-06-10T10:00:00Z");

async function httpRequests(): Promise<number> {
  return requestsOf(await readStats(server.baseUrl));
}

beforeAll(async () => {
  server = await startTestSharePoint({ threshold: 5000, ...directoryOf(["officer@example.org"]) });
  sp = createSp(server.siteUrl, DevTokenAuth(devIdentity("officer@example.org")), { retryIntervalMs: 20 });
  await provision(sp);
  const me = await ensurePerson(sp, "officer@example.org");
  const w = await writePlanTree(
    sp,
    {
      title: "Busy plan",
      period: "2023-2027",
      roles: [{ name: "Service Provider", objectives: [{ statement: "O", actions: [{ reference: "A-1", text: "Busy", officerLogins: ["officer@example.org"] }, { reference: "A-2", text: "Quiet", officerLogins: ["officer@example.org"] }] }] }],
    },
    { importId: "busy" },
  );
  const [a1, a2] = (await getPlanActions(sp, w.planId)).sort((x, y) => x.reference.localeCompare(y.reference));
  busy = await createIndicator(sp, { action: a1, input: { name: "Visits", unit: "count", direction: "higher-is-better", frequency: "monthly", groups: GROUPS }, submissionKey: "busy" });
  quiet = await createIndicator(sp, { action: a2, input: { name: "Complaints", unit: "count", direction: "lower-is-better", frequency: "annual" }, submissionKey: "quiet" });
  const months = periodsBetween(periodOf("monthly", "2000-01-01"), periodOf("monthly", "2023-05-01"));
  writes = months.flatMap((p, i) =>
    ["", ...GROUPS].map((group, g) => ({
      indicator: busy,
      period: p.id,
      group,
      value: i * 100 + g,
      note: "",
      correctionNote: "Corrected by import",
      recordedById: me.id,
      recordedAt: now,
      source: "",
      submissionKey: `busy/${p.id}/${group}`,
    })),
  );
  writes.push({ ...writes[0], indicator: quiet, period: "2021-22", group: "", value: 3, submissionKey: "quiet/2021-22" });
  const r = await writeValues(sp, writes);
  expect(r).toMatchObject({ added: writes.length, conflicts: [] });
}, 180_000);
afterAll(async () => server?.close());

describe(`more values than the threshold`, () => {
  it("the list is over the threshold and a query that is not index-first is refused", async () => {
    expect(writes.length).toBeGreaterThan(5000);
    const naive = await list(sp, "indicatorValues").items.filter("Period eq '2022-04'")().catch((e) => e);
    expect((naive as { status?: number }).status).toBe(500);
  });

  it("the busy action's measures still read, every value, by ID windows", async () => {
    const m = await getActionMeasures(sp, busy.actionId);
    expect(m.indicators[0].values).toHaveLength(writes.length - 1);
    expect(m.indicators[0].summary).toMatchObject({ latestPeriod: "2023-05", previousPeriod: "2023-04" });
  });

  it("another action's measures stay one request", async () => {
    const before = await httpRequests();
    const m = await getActionMeasures(sp, quiet.actionId);
    expect((await httpRequests()) - before).toBe(1);
    expect(m.indicators[0].summary).toMatchObject({ latestPeriod: "2021-22", latestValue: 3 });
  });

  it("the busy indicator's summary refreshes, and re-running the import writes nothing", async () => {
    expect((await refreshIndicatorSummary(sp, busy.id)).summary?.periods).toBe(281);
    expect(await writeValues(sp, writes)).toMatchObject({ added: 0, corrected: 0, unchanged: writes.length });
  });

  it("plan reads go by ID windows", async () => {
    expect(await getPlanValues(sp, busy.planId)).toHaveLength(writes.length);
    expect((await getPlanIndicators(sp, busy.planId)).map((i) => i.name)).toEqual(["Visits", "Complaints"]);
  });
});
