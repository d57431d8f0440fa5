/**
 * Attacks on the importer's memory, each a small file claiming far more than it holds. Before the limits, each of
 * the first three exhausted a 1 GB heap. Now each is refused with the limit it breaks named, by the scan of the
 * raw XML or text before mammoth, exceljs or papaparse allocate anything proportional to the claim; the readers
 * check again on what the parsers give (shown by calling them directly). Memory is measured in
 * bench/import.bench.ts, not here.
 */
import { describe, expect, test } from "vitest";
import { describeProblem, type ImportResult, parsePlanFile } from "../../../src/import/index.ts";
import { ImportLimitError } from "../../../src/import/read/limit-error.ts";
import { readDocxTables } from "../../../src/import/read/read-docx.ts";
import { readXlsxTables } from "../../../src/import/read/read-xlsx.ts";
import { csvOf } from "../fixtures/malformed.ts";
import { docxOfRows, gridSpanDocx, singleRowCsv, sparseXlsx, wideDocx, withPart } from "../fixtures/hostile.ts";
import { generatedWorkbook } from "../fixtures/generated-plan.ts";

const parse = (bytes: Uint8Array, fileName: string) => parsePlanFile(bytes, { fileName, title: "Plan", period: "2023-2027" });
const refused = (r: ImportResult) => {
  expect(r.tree).toBeNull();
  expect(r.problems).toHaveLength(1);
  expect(r.problems[0].reason).toBe("over-limit");
  return describeProblem(r.problems[0]);
};

describe("Word", () => {
  test("a 1 kB .docx with a cell spanning 50,000,000 columns", async () => {
    const bytes = await gridSpanDocx();
    expect(bytes.byteLength).toBeLessThan(1300);
    expect(refused(await parse(bytes, "plan.docx"))).toBe("Table 1, row 3: A cell spans 50,000,000 columns; at most 64 are allowed.");
    // The reader checks again on mammoth's HTML, whatever the scan of the XML did.
    await expect(readDocxTables(bytes)).rejects.toThrow(ImportLimitError);
  });

  test("the span hidden from a naive scan: another prefix, an entity, a quoted '>' before the attribute", async () => {
    const bytes = await gridSpanDocx();
    const variants = [
      (x: string) => x.replaceAll("w:", "x:").replace('xmlns:x="', 'xmlns:x="'),
      (x: string) => x.replace('w:val="50000000"', 'w:val="&#53;0000000"'),
      (x: string) => x.replace('<w:gridSpan w:val="50000000"/>', '<w:gridSpan w:note="a>b" w:val="50000000"/>'),
    ];
    for (const edit of variants) {
      const r = await parse(await withPart(bytes, "word/document.xml", edit), "plan.docx");
      expect(refused(r)).toBe("Table 1, row 3: A cell spans 50,000,000 columns; at most 64 are allowed.");
    }
  });

  test("a row of 65 columns, 5,001 rows, more than 100,000 cells", async () => {
    expect(refused(await parse(await wideDocx(65), "plan.docx"))).toBe("Table 1, row 1: This row has 65 columns; at most 64 are allowed.");
    expect(refused(await parse(await wideDocx(5, 5_001), "plan.docx"))).toBe("Table 1, row 5001: The file has more than 5,000 table rows; at most 5,000 are allowed.");
    expect(refused(await parse(await wideDocx(60, 1_700), "plan.docx"))).toBe("Table 1, row 1667: The file has more than 100,000 cells; at most 100,000 are allowed.");
  });

  test("more than 100 tables", async () => {
    const many = await docxOfRows([]);
    const bytes = await withPart(many, "word/document.xml", (x) => x.replace(/<w:tbl>.*<\/w:tbl>/, "<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>".repeat(101)));
    expect(refused(await parse(bytes, "plan.docx"))).toBe("Table 101: The file has more than 100 tables; at most 100 are allowed.");
  });
});

describe("Excel", () => {
  test("a 6 kB .xlsx with cells at A1, XFD1 and A20000", async () => {
    const bytes = await sparseXlsx();
    expect(bytes.byteLength).toBeLessThan(7000);
    expect(refused(await parse(bytes, "plan.xlsx"))).toBe('Sheet "Plan", row 1: Cell XFD1 is in column 16,384; at most 64 columns are allowed.');
    expect(refused(await parse(await sparseXlsx(["A1", "A20000"]), "plan.xlsx"))).toBe('Sheet "Plan", row 20000: Cell A20000 is on row 20,000; at most 5,000 rows are allowed.');
    // The reader checks again on what exceljs read, whatever the scan of the XML did.
    await expect(readXlsxTables(bytes)).rejects.toThrow(ImportLimitError);
  });

  test("a name covering the whole sheet (exceljs would list its 17 billion cells)", async () => {
    const bytes = await withPart(await sparseXlsx(["A1"]), "xl/workbook.xml", (x) =>
      x.replace("</sheets>", '</sheets><definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">Plan!$A$1:$XFD$1048576</definedName></definedNames>'),
    );
    expect(refused(await parse(bytes, "plan.xlsx"))).toBe(
      'file: The workbook\'s name "_xlnm.Print_Area" covers $A$1:$XFD$1048576 (17,179,869,184 cells); names and print areas may cover at most 320,000 cells in all.',
    );
  });

  test("whole-sheet merges, validations and column formats are skipped, so a real plan with them imports", async () => {
    const plan = await generatedWorkbook(30);
    const bytes = await withPart(plan, "xl/worksheets/sheet1.xml", (x) =>
      x
        .replace("<sheetData>", '<cols><col min="1" max="16384" width="12" customWidth="1"/></cols><sheetData>')
        .replace(
          "</sheetData>",
          '</sheetData><mergeCells count="1"><mergeCell ref="H1:XFD1048576"/></mergeCells><dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="F2:F1048576 A1:XFD1048576"><formula1>"On track,At risk"</formula1></dataValidation></dataValidations>',
        ),
    );
    const r = await parse(bytes, "plan.xlsx");
    expect(r.problems).toEqual([]);
    expect(r.actions).toHaveLength(30);
  });
});

describe("CSV", () => {
  test("a 10 MB single-row CSV: five million columns, or one field of ten million characters", async () => {
    expect(refused(await parse(singleRowCsv(10_000_000), "plan.csv"))).toBe("CSV, row 1: This row has 5,000,001 columns; at most 64 are allowed.");
    const one = await parse(singleRowCsv(10_000_000, "one-field"), "plan.csv");
    expect(one.tree).toBeNull();
    expect(describeProblem(one.problems[0])).toBe(
      "CSV, row 1: The cell in column 1 holds 10,000,000 characters; at most 63,999 are allowed (the most SharePoint keeps in a field).",
    );
  });

  test("5,001 rows, and more than 100,000 fields", async () => {
    const rows = (n: number, width: number) => csvOf(Array.from({ length: n }, (_, i) => Array.from({ length: width }, (_, j) => (i === 0 ? `H${j}` : "v"))));
    expect(refused(await parse(rows(5_001, 2), "plan.csv"))).toBe("CSV, row 5001: The file has more than 5,000 rows; at most 5,000 are allowed.");
    expect(refused(await parse(rows(1_700, 60), "plan.csv"))).toBe("CSV, row 1667: The file has more than 100,000 fields; at most 100,000 are allowed.");
  });

  test("quoted delimiters and line breaks do not count", async () => {
    const cell = `"${"a,b\n".repeat(200)}"`;
    const text = `Objective,Actions\r\n${cell},x\r\n`;
    const r = await parse(new TextEncoder().encode(text), "plan.csv");
    expect(r.problems.map((p) => p.reason)).not.toContain("over-limit");
  });
});
