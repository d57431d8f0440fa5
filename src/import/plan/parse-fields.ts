/**
 * Step 5, field parsing: the cells of one data row → the values of an action, each with the problem it has (if
 * any). Pure and per row; what a value means in context (the objective above, the role in force) is for the tree
 * builder. Limits are SharePoint's: 255 characters in single-line text, 63,999 in notes.
 */
import { parseDuePhrase } from "../../domain/due-phrases.ts";
import { type ActionStatus, MULTI_LINE_MAX, SINGLE_LINE_MAX } from "../../domain/types.ts";
import { count, MAX_CELL_CHARS } from "../limits.ts";
import { cellText, isEmptyCell, type SourceCell } from "../read/table-model.ts";
import { parseRoleCell, type RoleText } from "../roles.ts";
import type { ImportProblem } from "../types.ts";
import { oneLine, short } from "./text.ts";

/** A problem before it knows its place: the tree builder adds table, row, column and the row's key. */
export type FieldProblem = Omit<ImportProblem, "place" | "rowKey">;

const STATUS_WORDS: Array<[RegExp, ActionStatus]> = [
  [/^(?:not\s*started|not\s*yet\s*started|to\s*do|planned|none)$/i, "not-started"],
  [/^(?:on\s*track|green|in\s*progress|ongoing|started)$/i, "on-track"],
  [/^(?:at\s*risk|amber|red|behind|delayed|off\s*track)$/i, "at-risk"],
  [/^(?:complete|completed|done|closed|achieved|finished|blue)$/i, "complete"],
  // Papers that report progress in words give no status; a table may say so in the status column.
  [/^(?:not\s*recorded|no\s*status(?:\s*recorded)?|not\s*reported)$/i, "not-recorded"],
];

/** A cell longer than any SharePoint field: its text was not kept (read/table-model.ts), so it is only reported. */
export function oversize(cell: SourceCell | undefined, which = "This cell"): FieldProblem | undefined {
  if (!cell?.oversize) return undefined;
  return { reason: "too-long", value: "", message: `${which} holds ${count(cell.oversize)} characters; at most ${count(MAX_CELL_CHARS)} are allowed (the most SharePoint keeps in a field).` };
}

/** A cell's lines (officer, measures), or the problem of an oversized cell. */
export const readLines = (cell: SourceCell | undefined): { lines: string[]; problem?: FieldProblem } => ({ lines: [...(cell?.lines ?? [])], problem: oversize(cell) });

/** A Role column's cell: null when empty or merged from above (the role in force goes on). */
export function readRoleCell(cell: SourceCell | undefined): { role: RoleText | null; problem?: FieldProblem } {
  if (!cell || isEmptyCell(cell) || cell.covered) return { role: null };
  if (cell.oversize) return { role: null, problem: oversize(cell) };
  const text = cellText(cell);
  const role = parseRoleCell(text);
  if (!role.name) return { role: null, problem: { reason: "unknown-role", value: short(text), message: `This names no role; write the role's name, e.g. "Community Leader".` } };
  if (role.name.length > SINGLE_LINE_MAX)
    return { role: null, problem: { reason: "too-long", value: short(role.name), message: `A role's name may be at most ${SINGLE_LINE_MAX} characters.` } };
  return { role };
}

/** A role row's role name, checked against SharePoint's single-line limit. */
export function checkRoleName(name: string): FieldProblem | undefined {
  return name.length > SINGLE_LINE_MAX ? { reason: "too-long", value: short(name), message: `A role's name may be at most ${SINGLE_LINE_MAX} characters.` } : undefined;
}

/** The objective's text on one line; "" when empty or merged from above (the objective above goes on). */
export function readObjective(cell: SourceCell | undefined): { text: string; problem?: FieldProblem } {
  if (cell?.oversize && !cell.covered) return { text: "", problem: oversize(cell) };
  const text = cell && !cell.covered ? oneLine(cellText(cell)) : "";
  if (text.length > MULTI_LINE_MAX)
    return { text, problem: { reason: "too-long", value: short(text), message: `An objective may be at most ${MULTI_LINE_MAX} characters (it has ${text.length}).` } };
  return { text };
}

/** Action lines: list items become "• " lines. */
export function actionLines(cell: SourceCell | undefined): string[] {
  if (!cell) return [];
  return cell.lines.map((l, i) => (cell.bullets[i] ? `• ${l}` : l));
}

/** A data row's action: its lines, and the problem when it has none or too much. */
export function readAction(cell: SourceCell | undefined): { lines: string[]; problem?: FieldProblem } {
  const lines = actionLines(cell);
  return { lines, problem: oversize(cell) ?? checkActionText(lines.join("\n")) };
}

export function checkActionText(text: string): FieldProblem | undefined {
  if (!text) return { reason: "missing-value", value: "", message: "This row has no action text." };
  if (text.length > MULTI_LINE_MAX) return { reason: "too-long", value: short(text), message: `An action may be at most ${MULTI_LINE_MAX} characters (it has ${text.length}).` };
  return undefined;
}

export function readStatus(cell: SourceCell | undefined): { status: ActionStatus; problem?: FieldProblem } {
  if (cell?.oversize) return { status: "not-started", problem: oversize(cell) };
  const text = cellText(cell).trim();
  if (!text) return { status: "not-started" };
  const s = STATUS_WORDS.find(([re]) => re.test(text));
  if (s) return { status: s[1] };
  return { status: "not-started", problem: { reason: "bad-status", value: short(text), message: `Unknown status; use Not started, On track, At risk, Complete or Not recorded.` } };
}

export function readReference(cell: SourceCell | undefined): { reference: string; problem?: FieldProblem } {
  if (cell?.oversize) return { reference: "", problem: oversize(cell) };
  const reference = cellText(cell).replace(/\s+/g, " ").trim();
  if (reference.length > SINGLE_LINE_MAX)
    return { reference, problem: { reason: "too-long", value: short(reference), message: `A reference may be at most ${SINGLE_LINE_MAX} characters.` } };
  return { reference };
}

export const readCommitment = (cell: SourceCell | undefined): { commitment: string | null; problem?: FieldProblem } => ({
  commitment: oneLine(cellText(cell)).trim() || null,
  problem: oversize(cell),
});

/** A date phrase's words on one line ("Review by March" and "2018" on two lines are one phrase). */
export const dueWords = (cell: SourceCell | undefined): string => (cell?.lines ?? []).join(" ").trim();

/** A progress update's text, kept as written. */
export const readUpdate = (cell: SourceCell | undefined): { text: string; problem?: FieldProblem } => ({ text: cellText(cell), problem: oversize(cell) });

/** Checks a delivery date phrase by the domain's rules (parseDuePhrase). */
export function checkDue(text: string): FieldProblem | undefined {
  if (text.length > SINGLE_LINE_MAX) return { reason: "too-long", value: short(text), message: `A delivery date may be at most ${SINGLE_LINE_MAX} characters.` };
  const due = parseDuePhrase(text);
  return due.ok ? undefined : { reason: "bad-date", value: short(text), message: due.error };
}
