/**
 * Indicator values from a spreadsheet (.xlsx or .csv): one row per indicator, period and breakdown group, matched to
 * the plan's indicators by the action's reference and the indicator's name. Pure, like the plan importer: the file
 * is read into tables (the same hardened readers), the header row found, and every row checked with the domain's
 * rules (period of the indicator's frequency, a number where the unit wants one, a known group). Every problem is
 * named with its place (sheet, row, column) and the offending value; the caller writes nothing unless there are
 * none (all or nothing).
 *
 * Columns (headers compared without case and punctuation): Action reference (or Reference, Ref), Indicator,
 * Period, Value, and optionally Group (or Breakdown) and Note (or Comment). Other columns are ignored with a note:
 * the workbook `eap export` writes has these six first and more after them, so it imports back as it is (its rows of
 * corrected figures, "Current: No", are history and are not read).
 */

import { type CheckedValue, checkValue } from "../../domain/indicator-values.ts";
import type { Indicator } from "../../domain/indicators.ts";
import { normaliseHeader } from "../columns.ts";
import { readPlanFile } from "../read/read-file.ts";
import { cellText, gridCells, type SourceTable } from "../read/table-model.ts";
import type { ImportFormat, ImportPlace, ImportProblem } from "../types.ts";

/** An indicator the file may name: its action's reference and its definition. */
export interface CatalogueEntry {
  actionReference: string;
  indicator: Pick<Indicator, "id" | "actionId" | "planId" | "name" | "unit" | "frequency" | "groups">;
}

export interface ValueRow {
  place: ImportPlace;
  entry: CatalogueEntry;
  value: CheckedValue;
}

export interface ValuesImport {
  format: ImportFormat | null;
  /** The table read ("Sheet "Indicator values"", "CSV"), or null when none has the columns. */
  table: string | null;
  rows: ValueRow[];
  problems: ImportProblem[];
  notes: string[];
}

type Column = "reference" | "indicator" | "period" | "group" | "value" | "note" | "current";

const SYNONYMS: Record<Column, readonly string[]> = {
  reference: ["action reference", "reference", "ref", "action ref", "action no", "action number"],
  indicator: ["indicator", "indicator name", "measure", "kpi"],
  period: ["period", "year", "financial year", "quarter", "month"],
  group: ["group", "breakdown", "breakdown group"],
  value: ["value", "figure", "result", "actual"],
  note: ["note", "notes", "comment", "comments"],
  current: ["current"],
};
const REQUIRED: readonly Column[] = ["reference", "indicator", "period", "value"];
const LABEL: Record<Column, string> = { reference: "Action reference", indicator: "Indicator", period: "Period", group: "Group", value: "Value", note: "Note", current: "Current" };
const HEADER_SEARCH_ROWS = 15;
/** The sheet `eap export` writes: read first when a workbook has it. */
export const VALUES_SHEET = "Indicator values";

const columnFor = (header: string): Column | null => {
  const n = normaliseHeader(header);
  return (Object.keys(SYNONYMS) as Column[]).find((c) => SYNONYMS[c].includes(n)) ?? null;
};
const norm = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();
const short = (s: string) => (s.length > 80 ? `${s.slice(0, 79)}…` : s);

interface Header {
  rowIndex: number;
  columns: Map<Column, number>;
  headers: string[];
}

function findHeader(t: SourceTable): Header | null {
  for (const [rowIndex, row] of t.rows.slice(0, HEADER_SEARCH_ROWS).entries()) {
    const headers = gridCells(row).map((c) => cellText(c).replace(/\s+/g, " ").trim());
    const columns = new Map<Column, number>();
    headers.forEach((h, i) => {
      const c = columnFor(h);
      if (c && !columns.has(c)) columns.set(c, i);
    });
    if (REQUIRED.filter((c) => columns.has(c)).length >= 3) return { rowIndex, columns, headers };
  }
  return null;
}

export async function parseValuesFile(bytes: Uint8Array, o: { fileName: string; catalogue: readonly CatalogueEntry[]; today: string }): Promise<ValuesImport> {
  const read = await readPlanFile(bytes, o.fileName);
  const none = (problem: ImportProblem): ValuesImport => ({ format: read.ok ? read.format : null, table: null, rows: [], problems: [problem], notes: [] });
  if (!read.ok) return none({ reason: read.reason, place: read.place ?? {}, value: "", message: read.message });
  if (read.format === "docx")
    return none({ reason: "unsupported-type", place: {}, value: "", message: `"${o.fileName}" is a Word document: indicator values are read from Excel (.xlsx) or CSV, one row per indicator and period.` });

  // The export's own sheet first, then the others in file order: the first with the columns is read.
  const tables = [...read.tables].sort((a, b) => Number(b.label.includes(`"${VALUES_SHEET}"`)) - Number(a.label.includes(`"${VALUES_SHEET}"`)));
  let table: SourceTable | undefined;
  let header: Header | null = null;
  for (const t of tables) {
    header = findHeader(t);
    if (header) {
      table = t;
      break;
    }
  }
  if (!table || !header)
    return none({ reason: "no-columns", place: {}, value: "", message: `no sheet has the columns ${REQUIRED.map((c) => `"${LABEL[c]}"`).join(", ")} (and optionally "Group" and "Note") in one of its first ${HEADER_SEARCH_ROWS} rows` });

  const problems: ImportProblem[] = [];
  const notes: string[] = [];
  const missing = REQUIRED.filter((c) => !header.columns.has(c));
  for (const c of missing) problems.push({ reason: "missing-column", place: { table: table.label, row: table.rows[header.rowIndex].number }, value: "", message: `the "${LABEL[c]}" column is missing` });
  const used = new Set(header.columns.values());
  const ignored = header.headers.filter((h, i) => h !== "" && !used.has(i));
  if (ignored.length) notes.push(`${table.label}: columns not read: ${ignored.map((h) => `"${h}"`).join(", ")}`);
  if (missing.length) return { format: read.format, table: table.label, rows: [], problems, notes };

  const byAction = new Map<string, CatalogueEntry[]>();
  for (const e of o.catalogue) byAction.set(norm(e.actionReference), [...(byAction.get(norm(e.actionReference)) ?? []), e]);
  const rows: ValueRow[] = [];
  const seen = new Map<string, number>();
  let history = 0;
  for (const row of table.rows.slice(header.rowIndex + 1)) {
    const cells = gridCells(row);
    const get = (c: Column) => {
      const i = header.columns.get(c);
      return i === undefined ? "" : cellText(cells[i]).trim();
    };
    const at = (c: Column): ImportPlace => ({ table: table.label, row: row.number, column: header.headers[header.columns.get(c) ?? -1] ?? LABEL[c] });
    const fields = (["reference", "indicator", "period", "value", "group", "note"] as const).map(get);
    if (fields.every((f) => f === "")) continue;
    // A figure since corrected (the export lists every revision): history, not a value to import.
    if (/^no\b/i.test(get("current"))) {
      history++;
      continue;
    }
    const [reference, name, period, value, group, note] = fields;
    let bad = false;
    for (const c of REQUIRED) {
      if (get(c) === "") {
        problems.push({ reason: "missing-value", place: at(c), value: "", message: `the ${LABEL[c].toLowerCase()} is empty` });
        bad = true;
      }
    }
    if (bad) continue;
    const onAction = byAction.get(norm(reference));
    if (!onAction) {
      problems.push({ reason: "unknown-indicator", place: at("reference"), value: short(reference), message: "no action of the plan has this reference" });
      continue;
    }
    const matches = onAction.filter((e) => norm(e.indicator.name) === norm(name));
    if (matches.length !== 1) {
      const names = onAction.map((e) => `"${e.indicator.name}"`).join(", ");
      problems.push({
        reason: "unknown-indicator",
        place: at("indicator"),
        value: short(name),
        message: matches.length ? `action ${reference} has ${matches.length} indicators of this name` : `action ${reference} has no indicator of this name (its indicators: ${names})`,
      });
      continue;
    }
    const entry = matches[0];
    const checked = checkValue(entry.indicator, { period, group, value, note }, { today: o.today });
    if (!checked.ok) {
      for (const p of checked.problems) {
        const column: Column = p.field === "period" || p.field === "group" || p.field === "note" ? p.field : "value";
        problems.push({ reason: column === "period" ? "bad-period" : column === "value" ? "bad-value" : "invalid", place: at(column), value: short(p.value), message: p.message });
      }
      continue;
    }
    const key = `${entry.indicator.id}\u0000${checked.value.period.id}\u0000${checked.value.group}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({
        reason: "duplicate-row",
        place: { table: table.label, row: row.number },
        value: short(`${reference} ${name} ${checked.value.period.label}${checked.value.group ? ` ${checked.value.group}` : ""}`),
        message: `the same indicator, period and group as row ${first}`,
      });
      continue;
    }
    seen.set(key, row.number);
    rows.push({ place: { table: table.label, row: row.number }, entry, value: checked.value });
  }
  if (history) notes.push(`${table.label}: ${history} row(s) of corrected figures (Current: No) not read`);
  if (rows.length === 0 && problems.length === 0) problems.push({ reason: "empty-file", place: { table: table.label }, value: "", message: "the sheet has a header but no values under it" });
  return { format: read.format, table: table.label, rows, problems, notes };
}
