/** Header matching alone: which row is the header, what each column means, and what happens to other tables. */
import { describe, expect, test } from "vitest";
import { findHeader, matchHeaders, nonEmptyRows } from "../../../src/import/plan/header-match.ts";
import { HEADER, table } from "../fixtures/tables.ts";

describe("header matching", () => {
  test("the header is found under title rows, by meaning, and its columns are mapped to fields", () => {
    const t = table("Table 1", [[{ span: 5, text: "Equality Objectives and Action Plan" }], [], ["Aim", "What we will do", "Lead", "Success measures", "Deadline"], ["a", "b", "c", "d", "e"]]);
    const h = findHeader(nonEmptyRows(t));
    expect(h?.row.number).toBe(3);
    expect(h?.fields).toEqual(["objective", "action", "officer", "measures", "due"]);
  });

  test("a header is searched for in the first 15 rows with text only", () => {
    const filler = Array.from({ length: 15 }, (_, i) => [`Note ${i}`]);
    expect(findHeader(nonEmptyRows(table("T", [...filler, HEADER])))).toBeNull();
    expect(findHeader(nonEmptyRows(table("T", [...filler.slice(1), HEADER])))?.row.number).toBe(15);
  });

  test("a mapping given by the person wins, and `ignore` leaves a column out", () => {
    const t = table("CSV", [["Theme", "Deliverable", "Lead"], ["x", "y", "z"]]);
    const [m] = matchHeaders([t], { Theme: "objective", Deliverable: "action", Lead: "ignore" });
    expect(m.plan?.columns).toEqual(new Map([["objective", 0], ["action", 1]]));
    expect(m.columns?.columns).toEqual([
      { header: "Theme", field: "objective", mapped: true },
      { header: "Deliverable", field: "action", mapped: true },
      { header: "Lead", field: null, mapped: true },
    ]);
    expect(m.notes).toEqual([]);
  });

  test("a second column with the same meaning is noted, and only the first is read", () => {
    const [m] = matchHeaders([table("CSV", [["Objective", "Actions", "Lead", "Owner"]])]);
    expect(m.plan?.columns.get("officer")).toBe(2);
    expect(m.notes).toEqual(['CSV: column "Owner" also means Responsible officer; only the first such column is read.']);
  });

  test("without Objective or Action columns the table is a problem naming its header row", () => {
    const [m] = matchHeaders([table("Sheet \"Plan\"", [["Title"], ["Lead", "Deadline", "Notes"]])]);
    expect(m.plan).toBeNull();
    expect(m.problems.map((p) => [p.reason, p.place.row, p.message.slice(0, 31)])).toEqual([
      ["missing-column", 2, "There is no Action column. Name"],
      ["missing-column", 2, "There is no Objective column. N"],
    ]);
  });

  test("an unrecognised table is a note when another table is a plan, and a problem when none is", () => {
    const plan = table("Table 1", [HEADER, ["o", "a", "x", "m", "May 2024"]]);
    const other = table("Table 2", [["Version", "Date"], ["1.0", "2023"]]);
    const both = matchHeaders([plan, other]);
    expect(both[1].plan).toBeNull();
    expect(both[1].notes).toEqual(['Table 2 was left out: none of its columns is recognised (first row: "Version", "Date").']);
    expect(both[1].problems).toEqual([]);
    const alone = matchHeaders([other]);
    expect(alone[0].problems.map((p) => [p.reason, p.place])).toEqual([["no-columns", { table: "Table 2", row: 1 }]]);
  });

  test("a table with no text gives an empty match", () => {
    expect(matchHeaders([table("Table 1", [[""], []])])).toEqual([{ plan: null, columns: null, notes: [], problems: [] }]);
  });
});
