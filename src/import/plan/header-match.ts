/**
 * Step 3, header matching: in each table, the first row (of the first 15 with text) that names at least two
 * known columns, or the Action column, is the header. Its cells say which column holds which field
 * (columns.ts; a mapping given by the person wins). A table with no such row is left out with a note when another
 * table is recognised, and is a problem when none is; a recognised table without Objective and Action columns is a
 * problem too.
 */
import { FIELD_LABELS, fieldForHeader, normaliseHeader } from "../columns.ts";
import { cellText, gridCells, isEmptyCell, type SourceRow, type SourceTable } from "../read/table-model.ts";
import type { ColumnMapping, ImportField, ImportProblem, TableColumns } from "../types.ts";
import { oversize } from "./parse-fields.ts";
import { short } from "./text.ts";

/** Rows searched for a header before a table is declared unrecognisable (titles often sit above it). */
const HEADER_SEARCH_ROWS = 15;

export interface TableHeader {
  row: SourceRow;
  /** Header text of each grid column ("" for none). */
  headers: string[];
  fields: Array<ImportField | null>;
  /** The header row normalised, to recognise it when it is typed again further down. */
  key: string;
}

/** A table whose header names at least the Objective and Action columns: the later steps read its rows. */
export interface PlanTable {
  label: string;
  /** Rows with any text, header and rows above it included (row numbers are as the file counts them). */
  rows: SourceRow[];
  header: TableHeader;
  /** Grid column of each field (the first such column when several mean the same). */
  columns: Map<ImportField, number>;
}

/** What header matching found for one table, in file order: a plan table or nothing, with its notes and problems. */
export interface TableMatch {
  plan: PlanTable | null;
  columns: TableColumns | null;
  notes: string[];
  problems: ImportProblem[];
}

export const nonEmptyRows = (t: SourceTable): SourceRow[] => t.rows.filter((r) => r.cells.some((c) => !isEmptyCell(c)));

export const headerTexts = (row: SourceRow): string[] => gridCells(row).map((c) => cellText(c).replace(/\s+/g, " "));

export const rowKeyText = (row: SourceRow): string => gridCells(row).map((c) => normaliseHeader(cellText(c))).join("|");

function headerOf(row: SourceRow, mapping: ColumnMapping | undefined): TableHeader {
  const headers = headerTexts(row);
  const fields = headers.map((h) => {
    const f = fieldForHeader(h, mapping);
    return f === "ignore" ? null : f;
  });
  return { row, headers, fields, key: headers.map(normaliseHeader).join("|") };
}

export function findHeader(rows: readonly SourceRow[], mapping?: ColumnMapping): TableHeader | null {
  for (const row of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const h = headerOf(row, mapping);
    const recognised = h.fields.filter(Boolean).length;
    if (recognised >= 2 || (recognised >= 1 && h.fields.includes("action"))) return h;
  }
  return null;
}

export const columnName = (t: PlanTable, f: ImportField): string | undefined => {
  const i = t.columns.get(f);
  return i === undefined ? undefined : t.header.headers[i];
};

function unrecognised(label: string, rows: SourceRow[], anyRecognised: boolean): TableMatch {
  const first = rows[0];
  const firstHeaders = headerTexts(first);
  const columns: TableColumns = { table: label, headerRow: first.number, columns: firstHeaders.map((header) => ({ header, field: null, mapped: false })) };
  if (anyRecognised) {
    const named = firstHeaders.filter(Boolean).map((x) => `"${short(x, 30)}"`);
    return { plan: null, columns, notes: [`${label} was left out: none of its columns is recognised (first row: ${named.join(", ")}).`], problems: [] };
  }
  const examples = (["objective", "action", "officer", "measures", "due"] as const).map((f) => `"${FIELD_LABELS[f]}"`).join(", ");
  return {
    plan: null,
    columns,
    notes: [],
    problems: [
      {
        reason: "no-columns",
        place: { table: label, row: first.number },
        value: short(firstHeaders.filter(Boolean).join(" | ")),
        message: `No column is recognised. The first row should name columns such as ${examples}; or map each header to a field (e.g. --map "${firstHeaders.find(Boolean) ?? "Header"}=action").`,
      },
    ],
  };
}

function recognised(label: string, rows: SourceRow[], h: TableHeader, mapping: ColumnMapping | undefined): TableMatch {
  const notes: string[] = [];
  const problems: ImportProblem[] = [];
  const columns = new Map<ImportField, number>();
  h.fields.forEach((f, i) => {
    if (f && !columns.has(f)) columns.set(f, i);
    else if (f) notes.push(`${label}: column "${h.headers[i]}" also means ${FIELD_LABELS[f]}; only the first such column is read.`);
  });
  const mapped = (header: string) => Boolean(mapping && Object.keys(mapping).some((k) => normaliseHeader(k) === normaliseHeader(header)));
  const tableColumns: TableColumns = {
    table: label,
    headerRow: h.row.number,
    columns: h.headers.map((header, i) => ({ header, field: h.fields[i], mapped: mapped(header) })),
  };
  const unknown = h.headers.filter((x, i) => x && !h.fields[i] && fieldForHeader(x, mapping) !== "ignore");
  if (unknown.length) notes.push(`${label}: column(s) not recognised and left out: ${unknown.map((x) => `"${short(x, 40)}"`).join(", ")}.`);
  for (const need of ["action", "objective"] as const) {
    if (columns.has(need)) continue;
    problems.push({
      reason: "missing-column",
      place: { table: label, row: h.row.number },
      value: short(h.headers.filter(Boolean).join(" | ")),
      message: `There is no ${FIELD_LABELS[need]} column. Name one "${FIELD_LABELS[need]}", or map an existing header to it (e.g. --map "${unknown[0] ?? "Header"}=${need}").`,
    });
  }
  const plan = columns.has("action") && columns.has("objective") ? { label, rows, header: h, columns } : null;
  return { plan, columns: tableColumns, notes, problems };
}

/** Cells too long to keep in the rows searched for the header (titles, the header itself): each is a problem. */
function oversizedAbove(label: string, rows: readonly SourceRow[], header: TableHeader | null): ImportProblem[] {
  const searched = header ? rows.filter((r) => r.number <= header.row.number) : rows.slice(0, HEADER_SEARCH_ROWS);
  return searched.flatMap((row) =>
    gridCells(row).flatMap((c, i) => {
      const p = oversize(c, `The cell in column ${i + 1}`);
      return p ? [{ ...p, place: { table: label, row: row.number } }] : [];
    }),
  );
}

/** One entry per table, in file order (tables with no text give an empty match). */
export function matchHeaders(tables: readonly SourceTable[], mapping?: ColumnMapping): TableMatch[] {
  const found = tables.map((t) => {
    const rows = nonEmptyRows(t);
    return { t, rows, header: findHeader(rows, mapping) };
  });
  const anyRecognised = found.some((f) => f.header);
  return found.map(({ t, rows, header }) => {
    if (rows.length === 0) return { plan: null, columns: null, notes: [], problems: [] };
    const m = header ? recognised(t.label, rows, header, mapping) : unrecognised(t.label, rows, anyRecognised);
    return { ...m, problems: [...oversizedAbove(t.label, rows, header), ...m.problems] };
  });
}
