/**
 * Indicators at size, through the production code paths (src/data over PnPjs, the pure domain), against the local
 * SharePoint in its own process with SharePoint Online's list view threshold of 5,000, so every read must be
 * index-first (or go by ID windows) to succeed at all:
 *  - the action view's measures for an action with 10 indicators × 20 periods: SharePoint requests after the action
 *    (budget ≤ 2) and time;
 *  - recording one value (the value, then the indicator's summary): requests and time;
 *  - the dashboard's indicator roll-up per objective for a plan of 30,000 actions with 30,000 indicators and 300,000
 *    values: requests and time (it reads the indicators' summaries, never the values);
 *  - for comparison, reading the plan's 300,000 values by ID windows (what the roll-up would cost without them).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { devIdentity } from "../src/config/local-identities.ts";
import { getActionMeasures } from "../src/data/action-measures/index.ts";
import {
  BATCH_SIZE,
  createIndicator,
  createSp,
  DevTokenAuth,
  getPlanActions,
  getPlanIndicators,
  getPlanStructure,
  getPlanValues,
  list,
  recordIndicatorValue,
  requirePlan,
  settleBatch,
  type SPFI,
  valueKey,
} from "../src/data/index.ts";
import { writeValues } from "../src/data/indicator-values/write-values.ts";
import { provision } from "../src/data/provision.ts";
import { periodOf, periodsBetween } from "../src/domain/indicator-periods.ts";
import { indicatorRollup } from "../src/domain/indicator-progress.ts";
import { londonDate } from "../src/domain/london-time.ts";
import type { BenchResult } from "./run.ts";
import { httpRequests, readStats, startServerProcess } from "./support.ts";

const ACTIONS = 30_000;
const VALUES_PER_INDICATOR = 10;
const VIEW_INDICATORS = 10;
const VIEW_PERIODS = 20;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Loading only (not measured): 100 operations per $batch request, SharePoint Online's cap, to keep set-up short. */
async function load<I, T>(sp: SPFI, inputs: readonly I[], add: (b: SPFI, x: I) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < inputs.length; i += BATCH_SIZE) {
    const parts = await settleBatch(sp, (b) => inputs.slice(i, i + BATCH_SIZE).map((x) => add(b, x)), BATCH_SIZE);
    for (const p of parts) {
      if (!p.ok) throw p.error;
      out.push(p.value);
    }
  }
  return out;
}

async function timed<T>(baseUrl: string, f: () => Promise<T>): Promise<{ value: T; ms: number; requests: number }> {
  const r0 = httpRequests(await readStats(baseUrl));
  const t0 = performance.now();
  const value = await f();
  const ms = performance.now() - t0;
  return { value, ms, requests: httpRequests(await readStats(baseUrl)) - r0 };
}

export default async function bench(): Promise<BenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), "eap-bench-indicators-"));
  const server = await startServerProcess(dataDir, ["--threshold", "5000"]);
  const { baseUrl } = server;
  const notes: string[] = [];
  try {
    const sp: SPFI = createSp(server.siteUrl, DevTokenAuth(devIdentity("bench@example.org")));
    await provision(sp);
    const planId = ((await list(sp, "plans").items.add({ Title: "Bench indicators plan", Period: "2023-2027", PlanStatus: "active" })) as { Id: number }).Id;
    const objectiveIds: number[] = [];
    for (let r = 1; r <= 3; r++) {
      const role = (await list(sp, "roles").items.add({ Title: `Role ${r}`, PlanId: planId, SortOrder: r })) as { Id: number };
      for (let o = 1; o <= 4; o++) {
        const obj = (await list(sp, "objectives").items.add({ Title: `O${r}.${o}`, Statement: `Objective ${r}.${o}`, PlanId: planId, RoleId: role.Id, SortOrder: o })) as { Id: number };
        objectiveIds.push(obj.Id);
      }
    }

    // --- loading: 30,000 actions, one indicator each with its summary, ten annual values each --------------------
    const load0 = performance.now();
    const actionIds = await load(
      sp,
      Array.from({ length: ACTIONS }, (_, i) => i),
      async (b, i) =>
        (
          (await list(b, "actions").items.add({
            Title: `Action ${i}`,
            ActionText: `Action ${i}`,
            Reference: `B-${i}`,
            PlanId: planId,
            ObjectiveId: objectiveIds[i % objectiveIds.length],
            ActionStatus: "on-track",
            Disposition: "open",
            SortOrder: i,
          })) as { Id: number }
        ).Id,
    );
    const years = periodsBetween(periodOf("annual", "2013-05-01"), periodOf("annual", "2022-05-01"));
    const figure = (i: number, y: number) => 10 + ((i * 7 + y * 3) % 60);
    const indicatorIds = await load(
      sp,
      actionIds.map((id, i) => ({ id, i })),
      async (b, a) =>
        (
          (await list(b, "indicators").items.add({
            Title: `Indicator ${a.i}`,
            ActionId: a.id,
            PlanId: planId,
            Unit: "percent",
            Direction: a.i % 3 === 0 ? "lower-is-better" : "higher-is-better",
            Frequency: "annual",
            BaselineValue: 30,
            BaselineDate: "2013-03-31T00:00:00Z",
            TargetValue: a.i % 3 === 0 ? 10 : 60,
            TargetDate: "2026-03-31T00:00:00Z",
            LatestPeriod: years.at(-1)!.id,
            LatestValue: figure(a.i, VALUES_PER_INDICATOR - 1),
            PreviousPeriod: years.at(-2)!.id,
            PreviousValue: figure(a.i, VALUES_PER_INDICATOR - 2),
            PeriodsRecorded: VALUES_PER_INDICATOR,
            SortOrder: 1,
          })) as { Id: number }
        ).Id,
    );
    const valueRows = indicatorIds.flatMap((id, i) => years.map((p, y) => ({ id, i, p: p.id, y })));
    await load(
      sp,
      valueRows,
      (b, v) =>
        list(b, "indicatorValues").items.add({
          Title: `Indicator ${v.i} ${v.p}`,
          IndicatorId: v.id,
          ActionId: actionIds[v.i],
          PlanId: planId,
          Period: v.p,
          BreakdownGroup: "",
          NumericValue: figure(v.i, v.y),
          Revision: 1,
          RecordedAt: "2023-05-01T09:00:00Z",
          ValueKey: valueKey(v.id, v.p, "", 1),
        }),
    );
    const loadSeconds = (performance.now() - load0) / 1000;
    notes.push(`loaded ${ACTIONS} actions, ${indicatorIds.length} indicators and ${valueRows.length} values in ${loadSeconds.toFixed(0)} s (not measured against a budget)`);

    // --- the action view: 10 indicators × 20 periods on one action -----------------------------------------------
    const [viewAction] = await getPlanActions(sp, planId).then((all) => all.filter((a) => a.reference === "B-7"));
    const quarters = periodsBetween(periodOf("quarterly", "2018-04-01"), periodOf("quarterly", "2023-03-01"));
    for (let k = 0; k < VIEW_INDICATORS; k++) {
      const ind = await createIndicator(sp, {
        action: viewAction,
        input: { name: `View indicator ${k + 1}`, unit: "count", direction: "higher-is-better", frequency: "quarterly", baseline: { value: 5, date: "2018-03-31" }, target: { value: 50, date: "2024-03-31" } },
        submissionKey: `view-${k}`,
      });
      await writeValues(
        sp,
        quarters.slice(0, VIEW_PERIODS).map((q, n) => ({
          indicator: ind,
          period: q.id,
          group: "",
          value: 5 + n * 2 + k,
          note: "",
          correctionNote: "",
          recordedById: null,
          recordedAt: new Date("2023-05-01T09:00:00Z"),
          source: "",
          submissionKey: `view-${k}/${q.id}`,
        })),
      );
    }
    await getActionMeasures(sp, viewAction.id); // warm-up, as a second visit in the tab would be
    const views: Array<{ ms: number; requests: number; count: number }> = [];
    for (let n = 0; n < 15; n++) {
      const t = await timed(baseUrl, () => getActionMeasures(sp, viewAction.id));
      views.push({ ms: t.ms, requests: t.requests, count: t.value.indicators.reduce((s, i) => s + i.values.length, 0) });
    }
    const viewIndicators = (await getActionMeasures(sp, viewAction.id)).indicators.filter((i) => i.name.startsWith("View"));
    if (viewIndicators.length !== VIEW_INDICATORS || viewIndicators.some((i) => i.values.length !== VIEW_PERIODS)) throw new Error("the action view did not read 10 indicators × 20 periods");

    // --- recording one value ---------------------------------------------------------------------------------------
    const toRecord = viewIndicators[0];
    const rec = await timed(baseUrl, () =>
      recordIndicatorValue(sp, { indicator: toRecord, input: { period: "Q1 2023-24", value: 60 }, revisionSeen: 0, recordedBy: null, submissionKey: "bench-record", now: new Date("2023-08-01T10:00:00Z") }),
    );

    // --- the dashboard's roll-up ------------------------------------------------------------------------------------
    const plan = await requirePlan(sp, "Bench indicators plan");
    const ownRead = await timed(baseUrl, () => getPlanIndicators(sp, plan.id));
    const rollup = await timed(baseUrl, async () => {
      const [structure, actions, indicators] = await Promise.all([getPlanStructure(sp, plan), getPlanActions(sp, plan.id), getPlanIndicators(sp, plan.id)]);
      const t = performance.now();
      const rows = indicatorRollup(
        structure.objectives.map((o) => o.id),
        actions,
        indicators,
        londonDate(new Date("2023-06-01T10:00:00Z")),
      );
      return { rows, pureMs: performance.now() - t, indicators: indicators.length };
    });
    const counted = rollup.value.rows.reduce((s, r) => s + r.total, 0);
    if (counted !== ACTIONS + VIEW_INDICATORS) throw new Error(`the roll-up counted ${counted} indicators, expected ${ACTIONS + VIEW_INDICATORS}`);

    // --- for comparison: every value of the plan by ID windows ---------------------------------------------------
    const allValues = await timed(baseUrl, () => getPlanValues(sp, plan.id));

    const view = { ms: median(views.map((v) => v.ms)), requests: Math.max(...views.map((v) => v.requests)) };
    return {
      name: "indicators at 30,000 actions and 300,000 values",
      figures: [
        { name: `action view: SharePoint requests after the action (${VIEW_INDICATORS} indicators × ${VIEW_PERIODS} periods)`, value: view.requests, unit: "requests", budget: { max: 2 } },
        { name: "action view: indicators, values, evidence, EqIAs (median of 15)", value: view.ms, unit: "ms" },
        { name: "recording one value (value, then the indicator's summary): requests", value: rec.requests, unit: "requests" },
        { name: "recording one value: time", value: rec.ms, unit: "ms" },
        { name: `dashboard roll-up, ${rollup.value.indicators} indicators of ${ACTIONS} actions: reading the indicators`, value: ownRead.ms / 1000, unit: "s" },
        { name: "  HTTP requests for the indicators (besides the dashboard's own reads)", value: ownRead.requests, unit: "requests" },
        { name: "  with the dashboard's reads (structure, actions) and the aggregation: time", value: rollup.ms / 1000, unit: "s" },
        { name: "  of which aggregation (pure)", value: rollup.value.pureMs, unit: "ms" },
        { name: "  SharePoint HTTP requests in all (threshold 5,000)", value: rollup.requests, unit: "requests" },
        { name: `for comparison: all ${allValues.value.length} values of the plan by ID windows: time`, value: allValues.ms / 1000, unit: "s" },
        { name: "  HTTP requests", value: allValues.requests, unit: "requests" },
      ],
      notes: [
        ...notes,
        `the action view read ${views[0].count} value items of the action (its 200 and the action's own annual series)`,
        "list view threshold 5,000 on the local SharePoint: every read above is index-first or by ID windows, or it would have been refused",
      ],
    };
  } finally {
    server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
