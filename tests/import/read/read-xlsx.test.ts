/** Excel: every sheet a table; values as people see them; merged cells once. */
import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";
import { readXlsxTables } from "../../../src/import/read/read-xlsx.ts";

describe("reading Excel", () => {
  test("rich text, formulas by result, dates as ISO dates, merged cells once, sheets in order", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Plan");
    ws.addRow(["Role 1: As an Employer"]);
    ws.mergeCells(1, 1, 1, 3);
    ws.addRow([{ richText: [{ text: "Fair " }, { text: "pay", font: { bold: true } }] }, { formula: "1+1", result: 2 }, new Date(Date.UTC(2024, 5, 30))]);
    wb.addWorksheet("Notes").addRow(["x"]);
    const tables = await readXlsxTables(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(tables.map((t) => t.label)).toEqual(['Sheet "Plan"', 'Sheet "Notes"']);
    expect(tables[0].rows.map((r) => r.cells.map((c) => c.lines.join("|")))).toEqual([
      ["Role 1: As an Employer", "", ""],
      ["Fair pay", "2", "2024-06-30"],
    ]);
  });
});
