/**
 * What the importers (Word, Excel, CSV) give back: a plan tree or nothing, and every problem found, each with its
 * place in the file (table or sheet, row, column) so that a person can find and fix it in the original document.
 * Pure: no SharePoint here, so the tab runs the same parsers in the browser as the CLI runs in Node.
 */
import type { PlanTreeInput } from "../domain/plan-tree.ts";

export const IMPORT_FORMATS = ["docx", "xlsx", "csv"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Why an import cannot go ahead (machine-readable; the message says it for people). */
export type ImportProblemReason =
  | "empty-file"
  | "too-large"
  | "zip-bomb"
  /** A span, column, row, cell count or cell size beyond the stated limits (limits.ts). */
  | "over-limit"
  | "corrupt"
  | "unsupported-type"
  | "not-text"
  | "no-tables"
  | "no-columns"
  | "missing-column"
  | "bad-mapping"
  | "bad-date"
  | "bad-status"
  | "too-long"
  | "missing-value"
  | "no-role"
  | "unknown-role"
  | "bad-plan"
  /** Indicator values: no such action or indicator, a value or period the indicator cannot take, a row twice. */
  | "unknown-indicator"
  | "bad-value"
  | "bad-period"
  | "duplicate-row"
  | "invalid";

/** Where a problem is: 1-based table/row numbers as a person counts them in Word or Excel. */
export interface ImportPlace {
  /** "Table 2", "Sheet "Plan"", "CSV"; absent for problems with the whole file. */
  table?: string;
  /** Row number in that table or sheet (header rows count). */
  row?: number;
  /** The column's header as written in the file. */
  column?: string;
}

export interface ImportProblem {
  reason: ImportProblemReason;
  place: ImportPlace;
  /** The offending value (shortened). */
  value: string;
  message: string;
  /**
   * The source row the problem belongs to, when it is about one action: such problems can be left out if the
   * person explicitly chooses to leave bad rows out. Problems with the file or a whole table cannot.
   */
  rowKey?: string;
}

/** The fields a column can mean. */
export const IMPORT_FIELDS = [
  "role",
  "objective",
  "commitment",
  "action",
  "reference",
  "officer",
  "measures",
  "due",
  "status",
  "update",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Header text (as written, compared without case and punctuation) → field, or "ignore" to leave the column out. */
export type ColumnMapping = Record<string, ImportField | "ignore">;

/**
 * A person the site knows: matched when their email, sign-in name or name appears in a "Responsible officer" cell,
 * and then named by their sign-in name (UPN), which is what identifies them; their email may differ or be "".
 */
export interface KnownPerson {
  /** User principal name (sign-in name). */
  login: string;
  /** Mailbox address, "" for someone without one. */
  email: string;
  name: string;
  /** "Data Intelligence Officer, Policy and Information team": the part before the comma is matched too. */
  jobTitle?: string;
}

export interface ImportOptions {
  /** File name as uploaded: its extension helps tell CSV from other text. */
  fileName: string;
  /** The new plan's title. */
  title: string;
  /** The plan's period ("2023-2027"); when absent, inferred from the title or the document (see ImportPeriod). */
  period?: string;
  mapping?: ColumnMapping;
  people?: readonly KnownPerson[];
  /** Leave actions with problems out instead of refusing the whole import (only when the person asks for it). */
  skipInvalid?: boolean;
  /** Civil date (YYYY-MM-DD) given to imported progress updates; the clock is passed in. */
  today?: string;
}

/** How one table's columns were read: shown in the preview and in the mapping step. */
export interface TableColumns {
  table: string;
  headerRow: number;
  columns: Array<{ header: string; field: ImportField | null; mapped: boolean }>;
}

/** One action as it will be written, for the preview. */
export interface PreviewAction {
  rowKey: string;
  place: ImportPlace;
  role: string;
  objective: string;
  reference: string;
  text: string;
  teams: string;
  officerLogins: string[];
  successMeasures: string[];
  dueText: string;
  /** Left out because it has problems and the person chose to leave bad rows out. */
  skipped: boolean;
}

/** The plan's period and where it comes from, for the preview. */
export interface ImportPeriod {
  /** "2017-2021". */
  value: string;
  source: "given" | "plan-name" | "document";
  /** Where, as people read it: "the plan's name", 'a heading ("Our Equalities Policy and Objectives 2017-2021")'. */
  where: string;
}

export interface ImportResult {
  format: ImportFormat | null;
  /** The period the plan will have, or null when it was not given and could not be inferred (a problem says so). */
  period: ImportPeriod | null;
  /** The plan to write, or null when anything is wrong (unless bad rows are explicitly left out). */
  tree: PlanTreeInput | null;
  /** Every problem, in file order. With skipInvalid, those of left-out rows are still listed here. */
  problems: ImportProblem[];
  /** Things worth knowing that do not stop the import (ignored tables, unmapped columns). */
  notes: string[];
  tables: TableColumns[];
  actions: PreviewAction[];
}

/** Formats a place as people read it: "Table 1, row 5, column "To be delivered by:"". */
export function describePlace(p: ImportPlace): string {
  const parts: string[] = [];
  if (p.table) parts.push(p.table);
  if (p.row !== undefined) parts.push(`row ${p.row}`);
  if (p.column !== undefined) parts.push(`column "${p.column}"`);
  return parts.length ? parts.join(", ") : "file";
}

export function describeProblem(p: ImportProblem): string {
  const where = p.reason === "bad-plan" ? "Plan name and period" : describePlace(p.place);
  return `${where}: ${p.message}${p.value ? ` (value: "${p.value}")` : ""}`;
}
