/**
 * The plan's period, when not given, inferred from the plan's name or the document itself — Word's Title style,
 * a heading, the opening lines, or a title row above the table's header — and the result says from where.
 */
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow } from "docx";
import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";
import { describeProblem, parsePlanFile } from "../../src/import/index.ts";
import { buildDocx, seedDocRows } from "./fixtures/build-docx.ts";
import { seedTableRows } from "./fixtures/seed-2017.ts";

const cell = (t: string) => new TableCell({ children: [new Paragraph(t)] });
const PLAN_ROWS = [
  ["Objective", "Actions", "Responsible officer", "To be delivered by"],
  ["Role 1: As an Employer: To have a workforce that feels valued."],
  ["Fair pay", "Publish the pay gap", "HR", "March 2024"],
];

async function docxWith(before: Paragraph[]): Promise<Uint8Array> {
  const rows = PLAN_ROWS.map((r) => new TableRow({ children: r.length === 1 ? [new TableCell({ columnSpan: 4, children: [new Paragraph(r[0])] })] : r.map(cell) }));
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [...before, new Table({ rows }), new Paragraph("Strategic Plan 2015-2020 sets the vision.")] }] })));
}

const parse = (bytes: Uint8Array, fileName: string, title = "Equality plan") => parsePlanFile(bytes, { fileName, title });

describe("the period inferred", () => {
  test("from the plan's name", async () => {
    const r = await parse(await docxWith([]), "plan.docx", "Equality Objectives and Action Plan 2023-2027");
    expect(r.period).toEqual({ value: "2023-2027", source: "plan-name", where: "the plan's name" });
    expect(r.tree?.period).toBe("2023-2027");
  });

  test("from Word's Title style, or a heading; body text elsewhere does not count", async () => {
    const title = await parse(await docxWith([new Paragraph({ text: "Equality Objectives and Action Plan 2023–27", heading: HeadingLevel.TITLE })]), "plan.docx");
    expect(title.period).toEqual({ value: "2023-2027", source: "document", where: 'the document\'s title ("Equality Objectives and Action Plan 2023–27")' });
    expect(title.tree?.period).toBe("2023-2027");
    const h = await parse(await docxWith([new Paragraph({ text: "Action plan 2024 to 2028", heading: HeadingLevel.HEADING_2 })]), "plan.docx");
    expect(h.period?.where).toBe('a heading ("Action plan 2024 to 2028")');
  });

  test("from the opening lines of the seeds' 2017 document", async () => {
    const bytes = await buildDocx([seedDocRows(seedTableRows())], "Our Equalities Policy and Objectives 2017-2021");
    const r = await parse(bytes, "equalities.docx");
    expect(r.problems).toEqual([]);
    expect(r.period).toEqual({ value: "2017-2021", source: "document", where: 'the document\'s opening lines ("Our Equalities Policy and Objectives 2017-2021")' });
  });

  test("from a title row above a sheet's header", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Plan");
    ws.addRow(["Equality Action Plan 2023-2027"]);
    for (const r of PLAN_ROWS) ws.addRow(r);
    const r = await parse(new Uint8Array(await wb.xlsx.writeBuffer()), "plan.xlsx");
    expect(r.period).toEqual({ value: "2023-2027", source: "document", where: 'Sheet "Plan", row 1 ("Equality Action Plan 2023-2027")' });
  });

  test("nothing names it: a clear problem, and no plan", async () => {
    const r = await parse(await docxWith([new Paragraph("Equality action plan")]), "plan.docx");
    expect(r.period).toBeNull();
    expect(r.tree).toBeNull();
    expect(r.problems.map(describeProblem)).toEqual([
      "Plan name and period: No period was given, and neither the plan's name nor the document's title, headings or opening lines name the plan's years (such as 2023-2027). Give the period (--period 2023-2027).",
    ]);
  });

  test("given, it wins and nothing is inferred", async () => {
    const r = await parsePlanFile(await docxWith([]), { fileName: "plan.docx", title: "Plan 2023-2027", period: "2019-23" });
    expect(r.period).toEqual({ value: "2019-2023", source: "given", where: "as given" });
    expect(r.tree?.period).toBe("2019-2023");
  });
});
