/**
 * CSV and XLSX files from export rows. Both return bytes (Uint8Array) so the CLI writes them to disk and the tab
 * wraps them in a Blob for download, from the same code.
 */
import ExcelJS from "exceljs";
import { csvBytes } from "./csv.ts";
import { INDICATOR_COLUMNS, type SheetRow, VALUE_COLUMNS } from "./export-indicators.ts";
import { EXPORT_COLUMNS, type ExportRow } from "./export-rows.ts";

export function exportCsv(rows: readonly ExportRow[]): Uint8Array {
  return csvBytes(
    EXPORT_COLUMNS.map((c) => c.header),
    rows.map((r) => EXPORT_COLUMNS.map((c) => r[c.key])),
  );
}

export interface XlsxMeta {
  title: string;
  creator?: string;
  now: Date;
}

/** The workbook's sheets besides "Actions": the plan's indicators and every value recorded for them. */
export interface XlsxMeasures {
  indicators: readonly SheetRow[];
  values: readonly SheetRow[];
}

function addSheet(wb: ExcelJS.Workbook, name: string, columns: ReadonlyArray<{ header: string; key: string; width: number }>, rows: readonly SheetRow[]): void {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r).alignment = { wrapText: true, vertical: "top" };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

export async function exportXlsx(rows: readonly ExportRow[], meta: XlsxMeta, measures?: XlsxMeasures): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.title = meta.title;
  wb.creator = meta.creator ?? "Equality Action Plan";
  wb.created = meta.now;
  wb.modified = meta.now;
  // Sheet names: at most 31 characters and none of []:*?/\ (Excel refuses the file otherwise).
  const ws = wb.addWorksheet("Actions", { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = EXPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    const row = ws.addRow(EXPORT_COLUMNS.map((c) => r[c.key]));
    row.alignment = { wrapText: true, vertical: "top" };
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_COLUMNS.length } };
  if (measures) {
    addSheet(wb, "Indicators", INDICATOR_COLUMNS, measures.indicators);
    addSheet(wb, "Indicator values", VALUE_COLUMNS, measures.values);
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
