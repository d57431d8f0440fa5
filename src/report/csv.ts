/**
 * CSV bytes for any table of text: UTF-8 with a byte order mark (without it Excel opens a UTF-8 CSV as
 * Windows-1252 and mangles "–" and "’"), every field quoted (multi-line text survives any reader), CRLF line
 * ends as RFC 4180 says. Cells must already be neutralised against formula injection (cell-safety.ts).
 */
import Papa from "papaparse";

const BOM = "\uFEFF";

export function csvBytes(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): Uint8Array {
  const csv = Papa.unparse({ fields: [...headers], data: rows.map((r) => [...r]) }, { quotes: true, newline: "\r\n" });
  return new TextEncoder().encode(BOM + csv);
}
