/**
 * Step 4, row classification: what each row under a table's header is, from its shape alone.
 * - the header typed again (at the top of a printed page): left out;
 * - a row across the table (one filled cell spanning it, or one cell that reads "Role 1: ..." when there is no
 *   Role column): a role row, or a statement row when it names no role;
 * - a continuation: the rest of the row above, broken at a page break (Word) — its objective cell is empty and not
 *   merged, it has no reference, it does not name both its own officer and its own date, and its officer and date
 *   cells are not merged from above;
 * - otherwise a data row (one action).
 * Whether a continuation really continues something (there is a row above it in the same role) is for the tree
 * builder, which knows what came before (the row in progress carries over into a table that continues the plan).
 */
import { parseRoleRow, type RoleText } from "../roles.ts";
import { cellText, gridCells, isEmptyCell, type SourceCell, type SourceRow } from "../read/table-model.ts";
import type { ImportField } from "../types.ts";
import { type PlanTable, rowKeyText } from "./header-match.ts";

export type ClassifiedRow =
  /** `role.name` is "" when the row presents itself as a role ("Role 2:") but names none. */
  | { kind: "role"; row: SourceRow; text: string; role: RoleText }
  /** `oversize`: the row's one cell was longer than any field (its text was not kept). */
  | { kind: "statement"; row: SourceRow; text: string; oversize?: number }
  | { kind: "continuation" | "data"; row: SourceRow; cells: SourceCell[] };

export const fieldCell = (t: PlanTable, cells: readonly SourceCell[], f: ImportField): SourceCell | undefined => {
  const i = t.columns.get(f);
  return i === undefined ? undefined : cells[i];
};

/** The shape of the rest of a row broken at a page break (see the module comment). */
export function looksContinued(t: PlanTable, cells: readonly SourceCell[]): boolean {
  const at = (f: ImportField) => fieldCell(t, cells, f);
  const objective = at("objective");
  const officer = at("officer");
  const due = at("due");
  const ownOfficerAndDue = !isEmptyCell(officer) && !isEmptyCell(due);
  return isEmptyCell(objective) && !objective?.covered && !ownOfficerAndDue && isEmptyCell(at("reference")) && !(due?.covered || officer?.covered);
}

export function classifyRow(t: PlanTable, row: SourceRow, continuationRows: boolean): ClassifiedRow | null {
  const cells = gridCells(row);
  if (rowKeyText(row) === t.header.key) return null;
  const filled = row.cells.filter((c) => !isEmptyCell(c) && !c.covered);
  if (filled.length === 1) {
    const text = cellText(filled[0]).replace(/\s+/g, " ");
    const role = parseRoleRow(text);
    const across = filled[0].span >= Math.max(2, t.header.headers.length - 1) || (role !== null && !t.columns.has("role"));
    if (across) return role ? { kind: "role", row, text, role } : { kind: "statement", row, text, ...(filled[0].oversize ? { oversize: filled[0].oversize } : {}) };
  }
  return { kind: continuationRows && looksContinued(t, cells) ? "continuation" : "data", row, cells };
}

/**
 * The rows under the header of one table, classified, in order. When the table continues the one before it (the
 * same header, next in the file), its first row may be the rest of the row the previous table ended with, in any
 * format: a sheet's first row continues the previous sheet's last row as a Word table's does.
 */
export function classifyRows(t: PlanTable, continuationRows: boolean, continuesPrevious = false): ClassifiedRow[] {
  const out: ClassifiedRow[] = [];
  let first = continuesPrevious;
  for (const row of t.rows) {
    if (row.number <= t.header.row.number) continue;
    const c = classifyRow(t, row, continuationRows || first);
    if (!c) continue;
    first = false;
    out.push(c);
  }
  return out;
}
