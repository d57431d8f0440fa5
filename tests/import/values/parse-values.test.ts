/**
 * Reading indicator values from a spreadsheet (src/import/values/parse-values.ts), pure: rows matched by action
 * reference and indicator name, every bad row named with its place and what is wrong, the export's own sheet read
 * first, a Word document refused.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { type CatalogueEntry, parseValuesFile } from "../../../src/import/values/parse-values.ts";
import { describeProblem } from "../../../src/import/types.ts";

const catalogue: CatalogueEntry[] = [
  { actionReference: "CL-20-4", indicator: { id: 1, actionId: 10, planId: 1, name: "Consultations completed", unit: "count", frequency: "annual", groups: ["External", "Internal"] } },
  { actionReference: "CL-22-4", indicator: { id: 2, actionId: 11, planId: 1, name: "Response rate", unit: "percent", frequency: "quarterly", groups: [] } },
];
const csv = (rows: string[][]) => new TextEncoder().encode(rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(",")).join("\r\n"));
const parse = (bytes: Uint8Array, fileName = "values.csv") => parseValuesFile(bytes, { fileName, catalogue, today: "2023-06-01" });

describe("values from CSV", () => {
  it("reads good rows, matching reference and name without regard to case or spacing", async () => {
    const r = await parse(
      csv([
        ["Action reference", "Indicator", "Period", "Group", "Value", "Note"],
        ["CL-20-4", "Consultations completed", "2020/21", "", "23", ""],
        ["cl-20-4", "consultations  completed", "2020-21", "external", "14", ""],
        ["CL-22-4", "Response rate", "Q4 2022-23", "", "19 %", "From Let's Talk"],
        ["", "", "", "", "", ""],
      ]),
    );
    expect(r.problems).toEqual([]);
    expect(r.rows.map((x) => [x.entry.indicator.id, x.value.period.id, x.value.group, x.value.value, x.value.note])).toEqual([
      [1, "2020-21", "", 23, ""],
      [1, "2020-21", "External", 14, ""],
      [2, "2022-23-Q4", "", 19, "From Let's Talk"],
    ]);
  });

  it("names every bad row with its place, and reads none of the file", async () => {
    const r = await parse(
      csv([
        ["Ref", "Indicator", "Period", "Group", "Value", "Comment"],
        ["CL-20-4", "Consultations completed", "2020-21", "", "twenty three", ""],
        ["CL-20-4", "Consultations completed", "Q1 2020-21", "", "5", ""],
        ["CL-99", "Consultations completed", "2020-21", "", "5", ""],
        ["CL-20-4", "Consultations held", "2020-21", "", "5", ""],
        ["CL-20-4", "Consultations completed", "2020-21", "Residents", "5", ""],
        ["CL-20-4", "Consultations completed", "2024-25", "", "5", ""],
        ["CL-22-4", "Response rate", "Q1 2022-23", "", "", ""],
        ["CL-22-4", "Response rate", "Q2 2022-23", "", "20", ""],
        ["CL-22-4", "Response rate", "2022-23 Q2", "", "21", ""],
      ]),
    );
    expect(r.rows.length).toBeGreaterThan(0);
    expect(r.problems.map(describeProblem)).toEqual([
      'CSV, row 2, column "Value": "twenty three" is not a number; this indicator wants a whole number such as 23 (value: "twenty three")',
      'CSV, row 3, column "Period": "Q1 2020-21" is a quarter; this indicator is annual: give a financial year such as 2022-23 (value: "Q1 2020-21")',
      'CSV, row 4, column "Ref": no action of the plan has this reference (value: "CL-99")',
      'CSV, row 5, column "Indicator": action CL-20-4 has no indicator of this name (its indicators: "Consultations completed") (value: "Consultations held")',
      'CSV, row 6, column "Group": not a breakdown group of "Consultations completed" (its groups: External, Internal) (value: "Residents")',
      'CSV, row 7, column "Period": 2024-25 has not started yet (it starts on 1 April 2024) (value: "2024-25")',
      'CSV, row 8, column "Value": the value is empty',
      'CSV, row 10: the same indicator, period and group as row 9 (value: "CL-22-4 Response rate Q2 2022-23")',
    ]);
  });

  it("says which columns are missing", async () => {
    const r = await parse(csv([["Action reference", "Indicator", "Value"], ["CL-20-4", "Consultations completed", "23"]]));
    expect(r.problems.map(describeProblem)).toEqual(['CSV, row 1: the "Period" column is missing']);
  });

  it("refuses a Word document and a file with no such columns", async () => {
    const { buildDocx } = await import("../fixtures/build-docx.ts");
    const docx = await buildDocx([[{ header: ["Action reference", "Indicator", "Period", "Value"] }, ["CL-20-4", "Consultations completed", "2020-21", "23"]]]);
    const word = await parse(docx, "values.docx");
    expect(word.rows).toEqual([]);
    expect(word.problems[0].message).toMatch(/is a Word document: indicator values are read from Excel \(\.xlsx\) or CSV/);
    const r = await parse(csv([["Objective", "Action"], ["a", "b"]]));
    expect(r.problems[0].message).toMatch(/no sheet has the columns "Action reference", "Indicator", "Period", "Value"/);
  });
});

describe("values from a workbook", () => {
  it("reads the export's own sheet first, and notes the columns it does not read", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Actions").addRow(["Reference", "Action", "Status"]);
    const ws = wb.addWorksheet("Indicator values");
    ws.addRow(["Action reference", "Indicator", "Period", "Group", "Value", "Note", "Unit", "Revision"]);
    ws.addRow(["CL-20-4", "Consultations completed", "2021-22", "Internal", 9, "", "Count", 1]);
    const r = await parse(new Uint8Array(await wb.xlsx.writeBuffer()), "plan.xlsx");
    expect(r.problems).toEqual([]);
    expect(r.table).toBe('Sheet "Indicator values"');
    expect(r.rows.map((x) => [x.value.period.id, x.value.group, x.value.value])).toEqual([["2021-22", "Internal", 9]]);
    expect(r.notes).toEqual(['Sheet "Indicator values": columns not read: "Unit", "Revision"']);
  });

  it("leaves out the export's rows of corrected figures (Current: No)", async () => {
    const r = await parse(
      csv([
        ["Action reference", "Indicator", "Period", "Group", "Value", "Note", "Current"],
        ["CL-20-4", "Consultations completed", "2020-21", "Internal", "9", "", "No (corrected)"],
        ["CL-20-4", "Consultations completed", "2020-21", "Internal", "10", "Missed one", "Yes"],
      ]),
    );
    expect(r.problems).toEqual([]);
    expect(r.rows.map((x) => x.value.value)).toEqual([10]);
    expect(r.notes).toEqual(["CSV: 1 row(s) of corrected figures (Current: No) not read"]);
  });
});
