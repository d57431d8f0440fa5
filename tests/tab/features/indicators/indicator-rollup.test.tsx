// @vitest-environment jsdom
/**
 * The dashboard's indicator roll-up against the real local SharePoint: after values are recorded (one reaching its
 * target, one short of a target whose date has passed), its table says per objective how many indicators are on
 * and off target, exactly as the domain's roll-up judges the indicators SharePoint holds.
 */
import { screen, within } from "@testing-library/react";
import { beforeAll, describe, expect, it } from "vitest";
import { findPlan, getPlanActions, getPlanIndicators, recordIndicatorValue } from "../../../../src/data/index.ts";
import { getPlanStructure } from "../../../../src/data/plans/structure.ts";
import { buildDashboardModel } from "../../../../src/domain/dashboard-model.ts";
import { indicatorRollup } from "../../../../src/domain/indicator-progress.ts";
import { londonDate } from "../../../../src/domain/london-time.ts";
import type { Plan } from "../../../../src/domain/types.ts";
import { SEED_EQUALITIES_LEAD_UPN } from "../../../../src/seed/people.ts";
import IndicatorRollup from "../../../../src/tab/features/indicators/indicator-rollup.tsx";
import { renderInApp, seededSiteSignedInAs } from "../../support.tsx";

const { app, site } = seededSiteSignedInAs(SEED_EQUALITIES_LEAD_UPN);
let plan: Plan;

beforeAll(async () => {
  const sp = app().value.sp;
  plan = (await findPlan(sp, "2017-2021"))!;
  const indicators = await getPlanIndicators(sp, plan.id);
  const record = async (name: string, period: string, value: number) => {
    const indicator = indicators.find((i) => i.name.startsWith(name))!;
    // Recorded through the server, which writes as the app for the person it established.
    await recordIndicatorValue(site().appSp(), { indicator, input: { period, value }, revisionSeen: 0, recordedBy: app().value.me, submissionKey: `rollup-${name}`, now: new Date() });
  };
  await record("Ward members given a ward-level report", "2017-18", 100); // target 100 % by November 2017: met
  await record("Staff who have read and accepted", "2018-19", 80); // target 100 % by September 2018: missed
});

describe("indicator roll-up", () => {
  it("counts the plan's indicators on and off target per objective, as the domain judges them", async () => {
    const sp = app().value.sp;
    const [structure, actions, indicators] = await Promise.all([getPlanStructure(sp, plan), getPlanActions(sp, plan.id), getPlanIndicators(sp, plan.id)]);
    const model = buildDashboardModel(structure.roles, structure.objectives, actions, new Date());
    const expected = indicatorRollup(
      model.completionByObjective.map((o) => o.objectiveId),
      actions,
      indicators,
      londonDate(new Date()),
    );
    renderInApp(<IndicatorRollup objectives={model.completionByObjective} actions={actions} />, { ...app(), value: { ...app().value, plan } });
    const table = await screen.findByRole("table", { name: "Indicators on and off target by objective" }, { timeout: 15_000 });
    const rows = within(table)
      .getAllByRole("row")
      .slice(1)
      .map((r) => [...r.children].map((c) => c.textContent));
    const label = new Map(model.completionByObjective.map((o) => [o.objectiveId, o.label]));
    expect(rows.slice(0, -1)).toEqual(expected.map((r) => [label.get(r.objectiveId), ...[r.onTarget, r.offTarget, r.unknown, r.valueDue, r.total].map(String)]));
    const all = rows.at(-1)!;
    expect(all[0]).toBe("All objectives");
    expect(Number(all[1])).toBeGreaterThanOrEqual(1);
    expect(Number(all[2])).toBeGreaterThanOrEqual(1);
    expect(Number(all[5])).toBe(indicators.length);
  });
});
