/**
 * The committee report's indicator tables (src/domain/report-indicators.ts through buildReportModel): judged at the
 * end of the report's year, later values left out, breakdown rows under their indicator, and an objective with no
 * update that year reported when one of its indicators moved in it.
 */
import { describe, expect, it } from "vitest";
import type { IndicatorValue } from "../../src/domain/indicators.ts";
import type { ReportIndicator } from "../../src/domain/report-indicators.ts";
import { buildReportModel, type ReportInput } from "../../src/domain/report-model.ts";
import type { Action, ActionUpdate } from "../../src/domain/types.ts";
import { indicatorValue } from "../domain/indicator-fixtures.ts";

const plan = { id: 1, title: "Plan", period: "2023-2027", status: "active" as const, predecessorId: null, localCharacteristics: [] };
const structure = {
  plan,
  roles: [{ id: 1, planId: 1, name: "Community Leader", statement: "", order: 1 }],
  objectives: [
    { id: 10, planId: 1, roleId: 1, statement: "Engage residents", whyItMatters: [], outcomes: [], connections: [], priorities: [], crossCutting: [], order: 1 },
    { id: 11, planId: 1, roleId: 1, statement: "Know our residents", whyItMatters: [], outcomes: [], connections: [], priorities: [], crossCutting: [], order: 2 },
    { id: 12, planId: 1, roleId: 1, statement: "Quiet objective", whyItMatters: [], outcomes: [], connections: [], priorities: [], crossCutting: [], order: 3 },
  ],
  commitments: [],
};
const action = (id: number, objectiveId: number, reference: string): Action => ({
  id,
  planId: 1,
  objectiveId,
  commitmentId: null,
  reference,
  text: `Action ${reference}`,
  ownerId: null,
  officerIds: [],
  teams: "",
  successMeasures: [],
  due: { date: null, precision: "month", kind: "deliver-by", text: "" },
  status: "on-track",
  disposition: "open",
  characteristics: [],
  carriedFromId: null,
  order: id,
  lastUpdateAt: null,
  lastUpdateSummary: null,
  snoozedUntil: null,
});
const actions = [action(1, 10, "CL-1"), action(2, 11, "CL-2"), action(3, 12, "CL-3")];
const updates: ActionUpdate[] = [
  { id: 1, actionId: 1, planId: 1, date: "2023-03-01T12:00:00Z", authorId: null, authorName: "", text: "Progress.", statusAtTime: null, kind: "progress", period: "2022-23", decision: null, meetingDate: null, requestedDueDate: null, publication: { state: "approved", approvedText: "Progress.", withheldReason: null, reviewedAt: null, reviewedById: null } },
];
const rate: ReportIndicator = {
  id: 100,
  actionId: 1,
  name: "Response rate",
  unit: "percent",
  direction: "higher-is-better",
  frequency: "annual",
  baseline: { value: 10, date: "2020-03-31" },
  target: { value: 25, date: "2025-03-31" },
  valuesFrom: null,
  groups: ["18-24", "75 and over"],
  order: 1,
};
const surveys: ReportIndicator = { ...rate, id: 101, actionId: 2, name: "Ward reports", unit: "count", baseline: null, target: null, groups: [] };
const quiet: ReportIndicator = { ...surveys, id: 102, actionId: 3, name: "Old count" };
const v = (indicatorId: number, period: string, value: number, group = "", revision = 1): IndicatorValue => indicatorValue({ indicatorId, period, value, group, revision });
const values = [
  v(100, "2021-22", 12),
  v(100, "2022-23", 18),
  v(100, "2022-23", 19, "", 2),
  v(100, "2023-24", 30),
  v(100, "2022-23", 7, "18-24"),
  v(101, "2022-23", 40),
  v(102, "2020-21", 5),
];
const input: ReportInput = { structure, actions, updates, period: "2022-23", indicators: [rate, surveys, quiet], values };

describe("the report's indicator tables", () => {
  const model = buildReportModel(input);
  const objectives = model.roles[0].objectives;

  it("judges each indicator at the end of the year, with its trend in words", () => {
    const [row] = objectives[0].indicators;
    expect(row).toMatchObject({
      actionReference: "CL-1",
      name: "Response rate",
      baseline: "10 % (31 March 2020)",
      target: "25 % by 31 March 2025",
      latest: "19 % (2022-23)",
      trend: "up from 12 % in 2021-22 to 19 % in 2022-23, target 25 % by 31 March 2025",
      status: "on-track",
      statusLabel: "On track",
    });
  });

  it("puts a breakdown group with a value under its indicator, without a target of its own", () => {
    expect(objectives[0].indicators.map((r) => [r.name, r.latest, r.target, r.statusLabel])).toEqual([
      ["Response rate", "19 % (2022-23)", "25 % by 31 March 2025", "On track"],
      ["18-24", "7 % (2022-23)", "", ""],
    ]);
  });

  it("reports an objective with no update that year when one of its indicators moved in it, and not otherwise", () => {
    expect(objectives.map((o) => o.statement)).toEqual(["Engage residents", "Know our residents"]);
    expect(objectives[1].actions).toEqual([]);
    expect(objectives[1].indicators.map((r) => r.trend)).toEqual(["40 in 2022-23"]);
    expect(model.actionCount).toBe(1);
  });

  it("is absent when the plan has no indicators", () => {
    expect(buildReportModel({ ...input, indicators: undefined, values: undefined }).roles[0].objectives.map((o) => o.indicators)).toEqual([[]]);
  });
});
