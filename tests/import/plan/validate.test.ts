/** Validation alone: the plan's name and period, lengths after joining, and the all-or-nothing decision. */
import { describe, expect, test } from "vitest";
import { MULTI_LINE_MAX } from "../../../src/domain/types.ts";
import { checkJoinedLengths, checkPlanTitle, decide } from "../../../src/import/plan/validate.ts";
import type { ImportProblem } from "../../../src/import/types.ts";
import { draft } from "../fixtures/drafts.ts";

const withColumns = (n: number, o: Parameters<typeof draft>[1] = {}) => draft(n, { columns: { action: "Actions", officer: "Lead" }, ...o });
const rowProblem = (n: number): ImportProblem => ({ reason: "bad-date", place: { table: "CSV", row: n }, value: "x", message: "m", rowKey: `CSV#${n}` });

describe("validation", () => {
  test("the plan's name", () => {
    expect(checkPlanTitle("  Plan  ")).toEqual({ title: "Plan", problems: [] });
    expect(checkPlanTitle(" ").problems[0].message).toBe("Give the new plan a name.");
    expect(checkPlanTitle("x".repeat(256)).problems[0].message).toBe("The plan's name is 256 characters; SharePoint keeps at most 255.");
  });

  test("text made too long by joining continued rows", () => {
    const long = withColumns(2, { actionLines: ["x".repeat(MULTI_LINE_MAX), "y"], teams: ["t".repeat(MULTI_LINE_MAX), "u"] });
    expect(checkJoinedLengths([long, withColumns(3)], []).map((p) => [p.place.column, p.message])).toEqual([
      ["Actions", `An action may be at most ${MULTI_LINE_MAX} characters (it has ${MULTI_LINE_MAX + 2}).`],
      ["Lead", `This cell may be at most ${MULTI_LINE_MAX} characters (it has ${MULTI_LINE_MAX + 2}).`],
    ]);
  });

  test("all or nothing: a row problem blocks, unless bad rows are left out; a file problem always blocks", () => {
    const drafts = [draft(2), draft(3)];
    expect(decide(drafts, [rowProblem(3)], false).writable).toBe(false);
    const lenient = decide(drafts, [rowProblem(3)], true);
    expect(lenient.writable).toBe(true);
    expect(lenient.kept.map((d) => d.rowKey)).toEqual(["CSV#2"]);
    const file: ImportProblem = { reason: "no-role", place: { table: "CSV", row: 2 }, value: "", message: "m" };
    expect(decide(drafts, [file], true).writable).toBe(false);
    expect(decide([draft(2)], [rowProblem(2)], true).nothingLeft?.message).toBe("Every action has a problem, so nothing is left to import.");
    expect(decide([], [], false).nothingLeft?.message).toBe("No action was found under the header row.");
  });
});
