/**
 * CSV: decoded as UTF-8 (with or without a byte-order mark) or, failing that, Windows-1252 (what Excel writes for
 * "CSV" in the UK), then split by papaparse, which finds the delimiter and handles quoted line breaks.
 *
 * Before papaparse makes an array of fields, the text is scanned once (scanCsv) with the same quoting rules and
 * the delimiter papaparse chose: rows, fields per row and fields in all are counted without keeping anything, so
 * a 10 MB row of "x,x,x,…" is refused as five million columns instead of being split into them.
 */
import Papa from "papaparse";
import { count, MAX_CELLS, MAX_COLUMNS, MAX_ROWS } from "../limits.ts";
import { ImportLimitError, rowTooWide } from "./limit-error.ts";
import { cellFromText, type SourceTable } from "./table-model.ts";

export type CsvRead = { ok: true; table: SourceTable } | { ok: false; reason: "not-text" | "corrupt"; message: string };

/** Enough text for papaparse to guess the delimiter from the first rows. */
const SNIFF_CHARS = 64 * 1024;

export function decodeText(bytes: Uint8Array): string | null {
  // NUL bytes do not occur in text files; they mean a binary file renamed to .csv.
  if (bytes.subarray(0, 4096).includes(0)) return null;
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/**
 * Counts rows and fields as papaparse will split them (a quote opens a quoted field only at the field's start; ""
 * inside is a quote; any line break outside quotes ends a row) and throws ImportLimitError past a limit.
 */
export function scanCsv(text: string, delimiter: string): void {
  let row = 1;
  let fields = 1;
  let total = 1;
  let fieldStart = true;
  let quoted = false;
  const tooMany = () => new ImportLimitError({ table: "CSV", row }, `The file has more than ${count(MAX_CELLS)} fields; at most ${count(MAX_CELLS)} are allowed.`);
  const endRow = (at: number) => {
    if (fields > MAX_COLUMNS) throw rowTooWide({ table: "CSV", row }, fields);
    if (at >= text.length) return;
    if (++row > MAX_ROWS) throw new ImportLimitError({ table: "CSV", row }, `The file has more than ${count(MAX_ROWS)} rows; at most ${count(MAX_ROWS)} are allowed.`);
    if (++total > MAX_CELLS) throw tooMany();
    fields = 1;
  };
  const d0 = delimiter[0];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else quoted = false;
      }
      continue;
    }
    if (ch === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
    } else if (ch === d0 && (delimiter.length === 1 || text.startsWith(delimiter, i))) {
      i += delimiter.length - 1;
      fields++;
      // Past the cells limit only when the row itself is within the columns limit: a too-wide row says so.
      if (++total > MAX_CELLS && fields <= MAX_COLUMNS) throw tooMany();
      fieldStart = true;
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRow(i + 1);
      fieldStart = true;
    } else fieldStart = false;
  }
  endRow(text.length);
}

export function readCsvTable(bytes: Uint8Array): CsvRead {
  const text = decodeText(bytes);
  if (text === null) return { ok: false, reason: "not-text", message: "The file is not a text (CSV) file: it contains binary data." };
  const { delimiter } = Papa.parse<string[]>(text.slice(0, SNIFF_CHARS), { preview: 10 }).meta;
  scanCsv(text, delimiter);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimiter });
  const fatal = parsed.errors.find((e) => e.type === "Quotes");
  if (fatal)
    return { ok: false, reason: "corrupt", message: `The CSV cannot be read: ${fatal.message} at row ${(fatal.row ?? 0) + 1}. Check for a quote (") that is opened and never closed.` };
  const rows = parsed.data.map((fields, i) => ({ number: i + 1, cells: fields.map((f) => cellFromText(f)) }));
  return { ok: true, table: { label: "CSV", rows } };
}
