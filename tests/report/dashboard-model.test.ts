/** Dashboard aggregation (pure): status by role, due per month, freshness, completion by objective. */
import { describe, expect, test } from "vitest";
import { buildDashboardModel } from "../../src/domain/dashboard-model.ts";
import { ACTION_STATUSES, type Objective, type Role } from "../../src/domain/types.ts";
import { bst, dayDue, makeAction } from "../domain/fixtures.ts";

const roles: Role[] = [
  { id: 2, planId: 1, name: "Employer", statement: "", order: 2 },
  { id: 1, planId: 1, name: "Community Leader", statement: "", order: 1 },
];
const objective = (id: number, roleId: number, order: number): Objective => ({
  id,
  planId: 1,
  roleId,
  statement: `Objective ${id}`,
  whyItMatters: [],
  outcomes: [],
  connections: [],
  priorities: [],
  crossCutting: [],
  order,
});
// Objective 12 has no action: it is left out of "completion by objective".
const objectives = [objective(10, 1, 1), objective(11, 1, 2), objective(12, 1, 3), objective(20, 2, 1)];
const now = bst("2024-05-15");

describe("dashboard model", () => {
  const actions = [
    makeAction({ id: 1, objectiveId: 10, due: dayDue("2024-04-20"), lastUpdateAt: "2024-05-10T09:00:00Z" }), // overdue
    makeAction({ id: 2, objectiveId: 10, due: dayDue("2024-05-31"), status: "at-risk", lastUpdateAt: "2024-03-01T09:00:00Z" }),
    makeAction({ id: 3, objectiveId: 11, due: dayDue("2024-07-15"), status: "complete" }),
    makeAction({ id: 4, objectiveId: 20, due: dayDue("2026-01-01"), status: "not-started" }),
    makeAction({ id: 5, objectiveId: 20, due: dayDue("2024-06-01"), disposition: "closed", status: "on-track" }),
    makeAction({ id: 6, objectiveId: 20, due: dayDue(null), status: "on-track", lastUpdateAt: "2023-06-01T09:00:00Z" }),
  ];
  const m = buildDashboardModel(roles, objectives, actions, now);

  test("status by role, in role order, overdue derived from the date", () => {
    expect(m.total).toBe(6);
    expect(m.statusByRole.map((r) => r.role)).toEqual(["Community Leader", "Employer"]);
    expect(m.statusByRole[0].counts).toEqual({ overdue: 1, "at-risk": 1, "on-track": 0, "not-started": 0, "not-recorded": 0, done: 1 });
    expect(m.statusByRole[1].counts).toEqual({ overdue: 0, "at-risk": 0, "on-track": 1, "not-started": 1, "not-recorded": 0, done: 1 });
  });

  test("due per month: unfinished actions only, earlier months together, beyond the window together", () => {
    expect(m.dueByMonth[0]).toMatchObject({ key: "before", label: "Before May 2024", count: 1 });
    expect(m.dueByMonth.find((d) => d.key === "2024-05")?.count).toBe(1);
    expect(m.dueByMonth.find((d) => d.key === "2024-07")?.count).toBe(0); // complete
    expect(m.dueByMonth.at(-1)).toMatchObject({ key: "later", label: "After April 2025", count: 1 });
    expect(m.dueByMonth).toHaveLength(14);
  });

  test("freshness of updates for unfinished actions", () => {
    expect(Object.fromEntries(m.freshness.map((f) => [f.bucket, f.count]))).toEqual({ "0-30": 1, "31-90": 1, "91-180": 0, "181+": 1, never: 1 });
  });

  test("completion by objective, in plan order", () => {
    expect(m.completionByObjective.map((o) => [o.label, o.done, o.total, o.percent])).toEqual([
      ["Objective 1.1", 0, 2, 0],
      ["Objective 1.2", 1, 1, 100],
      ["Objective 2.1", 1, 3, 33],
    ]);
  });
});

describe("'not recorded' is counted apart", () => {
  // Records that give no status: never folded into on track, not started, overdue or done (unless closed).
  test.each<[Partial<Parameters<typeof makeAction>[0]>, string]>([
    [{ status: "not-recorded", due: dayDue("2024-04-20") }, "not-recorded"], // past its date: still not "overdue"
    [{ status: "not-recorded", due: dayDue(null) }, "not-recorded"],
    [{ status: "not-recorded", disposition: "ongoing" }, "not-recorded"],
    [{ status: "not-recorded", disposition: "closed" }, "done"], // closed is a recorded disposition
  ])("%j → %s", (overrides, expected) => {
    const m = buildDashboardModel(roles, objectives, [makeAction({ id: 1, objectiveId: 10, ...overrides })], now);
    expect(m.statusByRole[0].counts[expected as keyof (typeof m.statusByRole)[0]["counts"]]).toBe(1);
    expect(m.statusByRole[0].total).toBe(1);
  });
});

describe("the dashboard's fast paths agree with status.ts", () => {
  test("status and freshness match effectiveStatus and updateAgeDays, across the clocks going forward", async () => {
    const { dashboardStatus, freshnessBucket } = await import("../../src/domain/dashboard-model.ts");
    const { effectiveStatus, isDone, updateAgeDays } = await import("../../src/domain/status.ts");
    const at = new Date("2024-04-30T23:30:00Z"); // already 1 May in London (BST)
    const instants = ["2024-03-31T00:30:00Z", "2024-03-31T01:30:00Z", "2024-03-30T23:30:00Z", "2024-04-30T23:30:00Z", "2024-01-31", "2023-11-01T12:00:00Z", null];
    for (const lastUpdateAt of instants) {
      const days = updateAgeDays(lastUpdateAt, at);
      const expected = days === null ? "never" : days <= 30 ? "0-30" : days <= 90 ? "31-90" : days <= 180 ? "91-180" : "181+";
      expect(freshnessBucket(lastUpdateAt, at), String(lastUpdateAt)).toBe(expected);
    }
    for (const due of ["2024-04-30", "2024-05-01", null]) {
      for (const status of ACTION_STATUSES) {
        const a = makeAction({ due: dayDue(due), status });
        const eff = effectiveStatus(a, at);
        expect(dashboardStatus(a, at)).toBe(isDone(a) || eff === "complete" ? "done" : eff);
      }
    }
  });
});
