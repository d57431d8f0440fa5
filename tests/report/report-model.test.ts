/** The report model's rules (pure), and the cell neutralisation shared by both exports. */
import { describe, expect, test } from "vitest";
import { buildReportModel, ReportError, roleHeading } from "../../src/domain/report-model.ts";
import type { ActionUpdate, Commitment, Objective, Plan, Role } from "../../src/domain/types.ts";
import { neutraliseCell } from "../../src/report/cell-safety.ts";
import { makeAction, makeApprovedUpdate } from "../domain/fixtures.ts";

const plan: Plan = { id: 1, title: "Plan", period: "2017-2021", status: "active", predecessorId: null, localCharacteristics: [] };
const roles: Role[] = [
  { id: 2, planId: 1, name: "Employer", statement: "", order: 2 },
  { id: 1, planId: 1, name: "Community Leader", statement: "", order: 1 },
];
const objectives: Objective[] = [
  { id: 20, planId: 1, roleId: 2, statement: "Workforce", whyItMatters: [], outcomes: [], connections: [], priorities: [], crossCutting: [], order: 1 },
  { id: 10, planId: 1, roleId: 1, statement: "Community", whyItMatters: [], outcomes: [], connections: [], priorities: [], crossCutting: [], order: 1 },
];
const commitments: Commitment[] = [{ id: 100, planId: 1, objectiveId: 10, statement: "We will listen.", order: 1 }];
/** An update approved as written unless `o` says otherwise (the report publishes approved text only). */
const upd = (id: number, actionId: number, o: Partial<ActionUpdate> = {}): ActionUpdate => makeApprovedUpdate({ id, actionId, text: `Update ${id}`, ...o });

describe("report model", () => {
  const actions = [
    makeAction({ id: 3, objectiveId: 20, order: 3, reference: "EM-1", disposition: "closed", status: "complete" }),
    makeAction({ id: 2, objectiveId: 10, order: 2, reference: "CL-2", commitmentId: 100, disposition: "ongoing" }),
    makeAction({ id: 1, objectiveId: 10, order: 1, reference: "CL-1" }),
    makeAction({ id: 4, objectiveId: 10, order: 4, reference: "CL-4" }), // no update this period: left out
  ];
  const updates = [
    upd(1, 1),
    upd(2, 2, { date: "2023-01-01T12:00:00Z", text: "Earlier" }),
    upd(5, 2),
    upd(3, 3),
    upd(4, 4, { period: "2021-22" }),
    upd(6, 4, { kind: "review-decision", decision: "on-track" }),
  ];

  test("orders by role, objective and action order; summary first with a total; sentences per disposition", () => {
    const m = buildReportModel({ structure: { plan, roles, objectives, commitments }, actions, updates, period: "2022/23" });
    expect(m.period).toBe("2022-23");
    expect(m.title).toBe("Appendix 1 – Updates on actions from 2022-23");
    expect(m.roles.map((r) => r.heading)).toEqual(["As a Community Leader", "As an Employer"]);
    expect(m.roles[0].objectives[0].actions.map((a) => a.reference)).toEqual(["CL-1", "CL-2"]);
    expect(m.roles[0].objectives[0].commitments).toEqual(["We will listen."]);
    expect(m.roles[0].objectives[0].actions[1].updates.map((u) => u.text)).toEqual(["Earlier", "Update 5"]);
    expect(m.roles[0].objectives[0].actions.map((a) => a.dispositionSentence)).toEqual([null, "This action remains ongoing in the new plan"]);
    expect(m.roles[1].objectives[0].actions[0].dispositionSentence).toBe("This action is now closed");
    expect(m.summary.map((s) => [s.label, s.total, s.byDisposition.closed, s.byStatus.complete])).toEqual([
      ["Community Leader", 2, 0, 0],
      ["Employer", 1, 1, 1],
      ["All roles", 3, 1, 1],
    ]);
  });

  test("a period without updates, or not a financial year, is a ReportError with a reason", () => {
    const structure = { plan, roles, objectives, commitments };
    expect(() => buildReportModel({ structure, actions, updates, period: "2019-20" })).toThrow(ReportError);
    try {
      buildReportModel({ structure, actions, updates, period: "2019-21" });
    } catch (e) {
      expect((e as ReportError).reason).toBe("invalid-period");
    }
    expect(() => buildReportModel({ structure, actions, updates, period: "2019-21" })).toThrow(/not a financial year/);
  });

  test("each update says who reported it and when, and when its date is only the period's end", () => {
    const sourced = [
      upd(1, 1, { source: "Policy and Communities team, report to Policy and Resources Committee", date: "2021-10-20T11:00:00Z", period: "2022-23" }),
      upd(2, 2, { source: "Appendix 1", datePrecision: "period-end" }),
      upd(3, 3, { date: "2023-03-30T23:30:00Z" }), // 00:30 BST on 31 March: the London date is what counts
    ];
    const m = buildReportModel({ structure: { plan, roles, objectives, commitments }, actions, updates: sourced, period: "2022-23" });
    const [u1, u2] = m.roles[0].objectives[0].actions.map((a) => a.updates[0]);
    expect(u1).toMatchObject({ date: "2021-10-20", datePrecision: "exact", dateText: "20 October 2021", sourceText: "Reported by Policy and Communities team, report to Policy and Resources Committee" });
    expect(u2).toMatchObject({ date: "2023-03-31", datePrecision: "period-end", dateText: "31 March 2023 (end of 2022-23; the source gives no day)", sourceText: "Reported by Appendix 1" });
    expect(m.roles[1].objectives[0].actions[0].updates[0]).toMatchObject({ date: "2023-03-31", source: "", sourceText: null });
  });

  test("lists every commitment of an objective in the report, also those whose actions sit beside them unpaired", () => {
    const more: Commitment[] = [...commitments, { id: 101, planId: 1, objectiveId: 10, statement: "We will publish.", order: 0 }];
    const m = buildReportModel({ structure: { plan, roles, objectives, commitments: more }, actions, updates, period: "2022-23" });
    expect(m.roles[0].objectives[0].commitments).toEqual(["We will publish.", "We will listen."]);
  });

  test("counts 'not recorded' apart in the summary", () => {
    const history = [makeAction({ id: 1, objectiveId: 10, order: 1, status: "not-recorded", disposition: "ongoing" }), makeAction({ id: 3, objectiveId: 20, order: 1, status: "not-recorded", disposition: "closed" })];
    const m = buildReportModel({ structure: { plan, roles, objectives, commitments }, actions: history, updates: [upd(1, 1), upd(3, 3)], period: "2022-23" });
    const total = m.summary.at(-1)!;
    expect(total.byStatus).toEqual({ "not-started": 0, "on-track": 0, "at-risk": 0, complete: 0, "not-recorded": 2 });
    expect(total.byDisposition).toMatchObject({ ongoing: 1, closed: 1 });
    expect(m.roles[0].objectives[0].actions[0].statusLabel).toBe("Not recorded");
  });

  test("role headings read as the seeds do", () => {
    expect(roleHeading("Employer")).toBe("As an Employer");
    expect(roleHeading("Service Provider")).toBe("As a Service Provider");
  });
});

describe("formula injection", () => {
  test.each([
    ["=1+1", "'=1+1"],
    ["+44 1622", "'+44 1622"],
    ["-5", "'-5"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tx", "'\tx"],
    ["\rx", "'\rx"],
    ["Plain text", "Plain text"],
    ["a=b", "a=b"],
    ["", ""],
  ])("%j becomes %j", (input, output) => {
    expect(neutraliseCell(input)).toBe(output);
  });
});
