/**
 * CSV: decoded as UTF-8 (with or without a byte-order mark) or, failing that, Windows-1252 (what Excel writes for
 * "CSV" in the UK), then split by papaparse, which finds the delimiter and handles quoted line breaks.
 */
import Papa from "papaparse";
import { MAX_ROWS } from "../limits.ts";
import { cellFromText, type SourceTable } from "./table-model.ts";

export type CsvRead = { ok: true; table: SourceTable } | { ok: false; reason: "not-text" | "corrupt"; message: string };

export function decodeText(bytes: Uint8Array): string | null {
  // NUL bytes do not occur in text files; they mean a binary file renamed to .csv.
  if (bytes.subarray(0, 4096).includes(0)) return null;
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

export function readCsvTable(bytes: Uint8Array): CsvRead {
  const text = decodeText(bytes);
  if (text === null) return { ok: false, reason: "not-text", message: "The file is not a text (CSV) file: it contains binary data." };
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, preview: MAX_ROWS });
  const fatal = parsed.errors.find((e) => e.type === "Quotes");
  if (fatal)
    return { ok: false, reason: "corrupt", message: `The CSV cannot be read: ${fatal.message} at row ${(fatal.row ?? 0) + 1}. Check for a quote (") that is opened and never closed.` };
  const rows = parsed.data.map((fields, i) => ({ number: i + 1, cells: fields.map((f) => cellFromText(f)) }));
  return { ok: true, table: { label: "CSV", rows } };
}
