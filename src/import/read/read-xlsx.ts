/**
 * Excel: every worksheet is a table. Cell values are read as people see them: rich text joined, formulas by
 * their result, dates as ISO dates (a date typed in a "Due" column arrives as a Date), hyperlinks by their text.
 * Merged cells appear once (in their first cell) so that a role row merged across the sheet looks like one.
 */
import ExcelJS from "exceljs";
import { MAX_ROWS } from "../limits.ts";
import { cellFromText, type SourceRow, type SourceTable } from "./table-model.ts";

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

export async function readXlsxTables(bytes: Uint8Array): Promise<SourceTable[]> {
  const wb = new ExcelJS.Workbook();
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  await wb.xlsx.load(arrayBuffer);
  const tables: SourceTable[] = [];
  wb.eachSheet((ws) => {
    const rows: SourceRow[] = [];
    const width = Math.max(ws.columnCount, ws.actualColumnCount);
    const last = Math.min(ws.rowCount, MAX_ROWS);
    for (let r = 1; r <= last; r++) {
      const row = ws.getRow(r);
      const cells = [];
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        // A merged cell's other positions repeat the master's value in exceljs: keep it only in the master.
        const isSlave = cell.isMerged && cell.master && cell.master.address !== cell.address;
        cells.push(cellFromText(isSlave ? "" : excelValueText(cell.value)));
      }
      rows.push({ number: r, cells });
    }
    tables.push({ label: `Sheet "${ws.name}"`, rows });
  });
  return tables;
}
