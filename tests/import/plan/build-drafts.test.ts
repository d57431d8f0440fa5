/** Tree building alone: the role, objective and action in progress carried down the rows, and placed problems. */
import { describe, expect, test } from "vitest";
import { DraftBuilder } from "../../../src/import/plan/build-drafts.ts";
import { classifyRows } from "../../../src/import/plan/classify-rows.ts";
import { matchHeaders } from "../../../src/import/plan/header-match.ts";
import type { ImportProblem } from "../../../src/import/types.ts";
import { HEADER, type TestCell, table } from "../fixtures/tables.ts";

function build(tables: TestCell[][][], o: { continuationRows?: boolean; defaultRole?: string } = {}) {
  const problems: ImportProblem[] = [];
  const b = new DraftBuilder(problems, { defaultRole: o.defaultRole });
  for (const m of matchHeaders(tables.map((rows, i) => table(`Table ${i + 1}`, rows)))) {
    if (!m.plan) continue;
    b.startTable();
    for (const r of classifyRows(m.plan, o.continuationRows ?? true)) b.add(m.plan, r);
  }
  return { roles: b.roles, drafts: b.drafts, problems };
}

const ROLE: TestCell[] = [{ span: 5, text: "Role 1: As a Community Leader: We will engage." }];

describe("tree building", () => {
  test("objectives carry down, the same text is the same objective, and continued rows join the row above", () => {
    const { roles, drafts, problems } = build([
      [
        HEADER,
        ROLE,
        ["Know residents", "• Ward profiles", "Data Intelligence", "Profiles published", "Review by March"],
        ["", "• Share them", "Officer", "Used in EqIAs", ""],
        ["", "", "", "", "2018"],
        ["", "Survey residents", "Policy", "Survey done", "June 2018"],
        ["Know residents", "Report to committee", "Policy", "Report", "July 2018"],
      ],
    ]);
    expect(problems).toEqual([]);
    expect(roles).toEqual([{ name: "Community Leader", statement: "We will engage.", objectives: ["Know residents"], place: { table: "Table 1", row: 2 } }]);
    expect(drafts.map((d) => [d.rowKey, d.objectiveIndex, d.actionLines, d.teams, d.measures, d.dueText])).toEqual([
      ["Table 1#3", 0, ["• Ward profiles", "• Share them"], ["Data Intelligence Officer"], ["Profiles published", "Used in EqIAs"], "Review by March 2018"],
      ["Table 1#6", 0, ["Survey residents"], ["Policy"], ["Survey done"], "June 2018"],
      ["Table 1#7", 0, ["Report to committee"], ["Policy"], ["Report"], "July 2018"],
    ]);
  });

  test("a date problem is checked again once a continued row completes the phrase", () => {
    const { problems } = build([[HEADER, ROLE, ["O", "A", "X", "M", "Review by March"], ["", "", "", "", "2018"]]]);
    expect(problems).toEqual([]);
    const bad = build([[HEADER, ROLE, ["O", "A", "X", "M", "Review by"], ["", "", "", "", "Spring"]]]);
    expect(bad.problems.map((p) => [p.reason, p.place, p.value])).toEqual([["bad-date", { table: "Table 1", row: 3, column: "To be delivered by" }, "Review by Spring"]]);
  });

  test("without a role: one problem for the file, or the default role", () => {
    const rows: TestCell[][] = [HEADER, ["O", "A", "X", "M", "May 2024"], ["O", "B", "X", "M", "May 2024"]];
    expect(build([rows]).problems.map((p) => [p.reason, p.place.row, p.rowKey])).toEqual([["no-role", 2, undefined]]);
    const withDefault = build([rows], { defaultRole: "Employer" });
    expect(withDefault.problems).toEqual([]);
    expect(withDefault.roles.map((r) => r.name)).toEqual(["Employer"]);
  });

  test("a row across the table that names no role is a problem; a statement row completes the role above", () => {
    const { roles, problems } = build([[HEADER, [{ span: 5, text: "Role 2: As a Service Provider" }], [{ span: 5, text: "We will be inclusive." }], [{ span: 5, text: "Page 3 of 9" }]]]);
    expect(roles[0].statement).toBe("We will be inclusive.");
    expect(problems.map((p) => [p.reason, p.place.row])).toEqual([["unknown-role", 4]]);
  });

  test("a new table that does not continue the plan starts without an objective", () => {
    const { problems } = build([
      [HEADER, ROLE, ["O", "A", "X", "M", "May 2024"]],
      [["Objective", "Actions", "Lead"], ["", "B", "X"]],
    ]);
    expect(problems.map((p) => [p.reason, p.place, p.message])).toEqual([
      ["missing-value", { table: "Table 2", row: 2, column: "Objective" }, "This row has no objective and there is none above it in this role."],
    ]);
  });
});
