/** The common table model: lines, typed bullets and the column grid. */
import { describe, expect, test } from "vitest";
import { cellFromLines, cellFromText, gridCells } from "../../../src/import/read/table-model.ts";

describe("table model", () => {
  test("lines are trimmed, empty ones dropped, typed bullets recognised", () => {
    expect(cellFromText("  • Audit \r\n\n- Fix\u00a0it\n*not a bullet")).toEqual({ lines: ["Audit", "Fix it", "*not a bullet"], bullets: [true, true, false], span: 1, covered: false });
    expect(cellFromLines(["Plain", "Listed"], { bullets: [false, true] }).bullets).toEqual([false, true]);
  });

  test("a cell spanning columns occupies each of them on the grid", () => {
    const row = { number: 1, cells: [cellFromText("a", 3), cellFromText("b")] };
    expect(gridCells(row).map((c) => c.lines.join())).toEqual(["a", "", "", "b"]);
  });
});
