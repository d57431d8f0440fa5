/** Row classification alone: header repeats, rows across the table, continuations and data rows, by shape. */
import { describe, expect, test } from "vitest";
import { classifyRows } from "../../../src/import/plan/classify-rows.ts";
import { matchHeaders } from "../../../src/import/plan/header-match.ts";
import { HEADER, type TestCell, table } from "../fixtures/tables.ts";

const kinds = (rows: TestCell[][], continuationRows = true, header = HEADER) => {
  const [m] = matchHeaders([table("Table 1", [header, ...rows])]);
  return classifyRows(m.plan!, continuationRows).map((r) => [r.row.number, r.kind, "role" in r ? r.role.name : ""]);
};

describe("row classification", () => {
  test("role rows across the table, statements, data rows and the header typed again", () => {
    expect(
      kinds([
        [{ span: 5, text: "Role 1: As a Community Leader" }],
        [{ span: 5, text: "We will engage with residents." }],
        ["Objective", "Action", "Officer", "Measure", "May 2024"],
        HEADER,
        [{ span: 5, text: "Role 2:" }],
      ]),
    ).toEqual([
      [2, "role", "Community Leader"],
      [3, "statement", ""],
      [4, "data", ""],
      [6, "role", ""],
    ]);
  });

  test("one filled cell reading like a role is a role row when there is no Role column, even if it spans nothing", () => {
    expect(kinds([["As an Employer", "", "", "", ""]])).toEqual([[2, "role", "Employer"]]);
    expect(kinds([["", "As an Employer", "", ""]], true, ["Role", ...HEADER.slice(0, 3)])).toEqual([[2, "data", ""]]);
  });

  test("a row with an empty objective continues the row above, unless it names its own officer and date or a reference", () => {
    const rows: TestCell[][] = [
      ["Objective", "Action", "Officer", "Measure", "May 2024"],
      ["", "more action", "", "more measures", "2024"],
      ["", "another action", "HR", "", "June 2024"],
      [{ covered: "Objective" }, "under a merged objective", "", "", ""],
    ];
    expect(kinds(rows)).toEqual([
      [2, "data", ""],
      [3, "continuation", ""],
      [4, "data", ""],
      [5, "data", ""],
    ]);
    // Spreadsheets have no rows broken by a page: an empty objective is the objective above.
    expect(kinds(rows, false).map((k) => k[1])).toEqual(["data", "data", "data", "data"]);
  });

  test("in a table that continues the one before, the first row may continue the last row there, in any format", () => {
    const [m] = matchHeaders([table("Sheet 2", [HEADER, ["", "rest of the action", "", "", "2018"], ["", "a new action", "HR", "", "June 2018"], ["", "not a continuation", "", "", ""]])]);
    expect(classifyRows(m.plan!, false, true).map((r) => r.kind)).toEqual(["continuation", "data", "data"]);
    expect(classifyRows(m.plan!, false, false).map((r) => r.kind)).toEqual(["data", "data", "data"]);
  });
});
