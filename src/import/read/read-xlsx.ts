/**
 * Excel: every worksheet is a table. Cell values are read as people see them: rich text joined, formulas by
 * their result, dates as ISO dates (a date typed in a "Due" column arrives as a Date), hyperlinks by their text.
 *
 * exceljs reads values only: merges, data validations, column formats, conditional formats and the rest are
 * skipped (ignoreNodes), because exceljs makes an object for every cell of such ranges, and a whole-column
 * validation (F2:F1048576, common for a status drop-down) would cost a million of them. A merged range's other
 * cells are empty in the file, so a role row merged across the sheet still reads as one cell. The limits were
 * checked on the XML first (scan-xlsx.ts) and are checked again here on what exceljs read, before the grid is
 * laid out: only cells with a value count, and the grid is as wide as the widest of them.
 */
import ExcelJS from "exceljs";
import { count, MAX_COLUMNS, MAX_ROWS } from "../limits.ts";
import { ImportLimitError, LimitCounter } from "./limit-error.ts";
import { cellFromText, type SourceRow, type SourceTable } from "./table-model.ts";

/** Worksheet parts exceljs is told not to read: everything but the cells themselves and the sheet's properties. */
const IGNORED = [
  "dimension",
  "sheetViews",
  "cols",
  "autoFilter",
  "mergeCells",
  "rowBreaks",
  "hyperlinks",
  "dataValidations",
  "pageSetup",
  "headerFooter",
  "printOptions",
  "picture",
  "drawing",
  "sheetProtection",
  "tableParts",
  "conditionalFormatting",
  "extLst",
];

const pad = (n: number) => String(n).padStart(2, "0");

/** Excel stores civil dates as UTC midnight; read them back as that civil date. */
const isoOf = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

export function excelValueText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : isoOf(v);
  if (typeof v === "object") {
    if ("richText" in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join("");
    if ("result" in v) return excelValueText((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ("text" in v && typeof (v as { text: unknown }).text === "string") return (v as { text: string }).text;
    if ("error" in v) return String((v as { error: unknown }).error);
    return "";
  }
  return String(v);
}

function readSheet(ws: ExcelJS.Worksheet, counter: LimitCounter): SourceTable {
  const label = `Sheet "${ws.name}"`;
  counter.table({ table: label });
  // Values by row, each within the limits; then the grid, as wide as the widest row with a value.
  const values: Array<{ number: number; texts: Map<number, string> }> = [];
  let width = 0;
  ws.eachRow((row, r) => {
    const texts = new Map<number, string>();
    row.eachCell((cell, c) => {
      const text = excelValueText(cell.value);
      if (!text) return;
      if (c > MAX_COLUMNS) throw new ImportLimitError({ table: label, row: r }, `Cell ${cell.address} is in column ${count(c)}; at most ${MAX_COLUMNS} columns are allowed.`);
      if (r > MAX_ROWS) throw new ImportLimitError({ table: label, row: r }, `Cell ${cell.address} is on row ${count(r)}; at most ${count(MAX_ROWS)} rows are allowed.`);
      counter.cell({ table: label, row: r });
      texts.set(c, text);
      width = Math.max(width, c);
    });
    if (texts.size) {
      counter.row({ table: label, row: r });
      values.push({ number: r, texts });
    }
  });
  const rows: SourceRow[] = values.map(({ number, texts }) => ({ number, cells: Array.from({ length: width }, (_, i) => cellFromText(texts.get(i + 1) ?? "")) }));
  return { label, rows };
}

export async function readXlsxTables(bytes: Uint8Array): Promise<SourceTable[]> {
  const wb = new ExcelJS.Workbook();
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  await wb.xlsx.load(arrayBuffer, { ignoreNodes: IGNORED } as Parameters<typeof wb.xlsx.load>[1]);
  const counter = new LimitCounter({ tables: "sheets", cells: "cells" });
  const tables: SourceTable[] = [];
  wb.eachSheet((ws) => {
    tables.push(readSheet(ws, counter));
  });
  return tables;
}
