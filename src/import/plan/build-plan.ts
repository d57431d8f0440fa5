/**
 * Steps 3 to 7 composed: tables (any format) → header matching → row classification → field parsing and tree
 * building → validation → the plan tree, or every problem with its place. Nothing is dropped silently: bad rows
 * stop the import unless the person explicitly chose to leave them out.
 */
import { cellText, type DocumentText, gridCells, type SourceTable } from "../read/table-model.ts";
import type { ImportOptions, ImportProblem, ImportResult, TableColumns } from "../types.ts";
import { assembleTree, previewActions, schemaProblems } from "./assemble-tree.ts";
import { DraftBuilder } from "./build-drafts.ts";
import { classifyRows } from "./classify-rows.ts";
import { matchHeaders, nonEmptyRows, type PlanTable } from "./header-match.ts";
import { choosePeriod } from "./period.ts";
import { assignReferences } from "./references.ts";
import { checkJoinedLengths, checkPlanTitle, decide } from "./validate.ts";

export interface BuildOptions extends ImportOptions {
  /** Word tables: a row with no objective, officer or date continues the action above (split at a page break). */
  continuationRows: boolean;
  /** Used when no role row or Role column names a role. */
  defaultRole?: string;
  /** The document's title, headings and opening lines (Word), where the plan's period may be named. */
  documentTexts?: readonly DocumentText[];
}

/** Rows above the first plan table's header: titles such as "Equality Objectives and Action Plan 2023-2027". */
const titleRows = (t: PlanTable | undefined): DocumentText[] =>
  (t?.rows ?? [])
    .filter((r) => r.number < t!.header.row.number)
    .map((r) => ({ text: gridCells(r).map(cellText).filter(Boolean).join(" "), where: `${t!.label}, row ${r.number}` }));

export function buildPlan(tables: readonly SourceTable[], o: BuildOptions): Omit<ImportResult, "format"> {
  const problems: ImportProblem[] = [];
  const notes: string[] = [];
  const columns: TableColumns[] = [];

  const title = checkPlanTitle(o.title);
  const matches = matchHeaders(tables, o.mapping);
  const firstPlan = matches.find((m) => m.plan)?.plan ?? undefined;
  const period = choosePeriod(o.period, title.title, [...(o.documentTexts ?? []), ...titleRows(firstPlan)]);
  problems.push(...title.problems, ...period.problems);
  notes.push(...period.notes);
  if (tables.every((t) => nonEmptyRows(t).length === 0)) {
    problems.push({
      reason: "no-tables",
      place: {},
      value: "",
      message: "The file has no table with any text. Put the action plan in a table (Word) or sheet (Excel, CSV) whose first row names the columns.",
    });
  }

  const builder = new DraftBuilder(problems, { defaultRole: o.defaultRole });
  // A plan that runs over several pages is often several tables (or sheets): the next table with text, under the
  // same header, continues it — the role, the objective and the row in progress carry over.
  let run: { key: string; label: string } | null = null;
  for (const m of matches) {
    if (m.columns) columns.push(m.columns);
    problems.push(...m.problems);
    if (!m.plan) {
      notes.push(...m.notes);
      if (m.columns) run = null;
      continue;
    }
    const continues = run?.key === m.plan.header.key;
    if (continues) notes.push(`${m.plan.label} continues the plan from ${run?.label} (the same columns).`);
    else {
      notes.push(...m.notes);
      builder.startTable();
    }
    run = { key: m.plan.header.key, label: m.plan.label };
    for (const row of classifyRows(m.plan, o.continuationRows, continues)) builder.add(m.plan, row);
  }
  const { roles, drafts } = builder;
  problems.push(...checkJoinedLengths(drafts, problems));
  problems.push(...assignReferences(drafts, roles));

  const verdict = decide(drafts, problems, Boolean(o.skipInvalid));
  const actions = previewActions(drafts, roles, verdict.badRows, o);
  if (verdict.nothingLeft) problems.push(verdict.nothingLeft);
  const result = { period: period.period, problems, notes, tables: columns, actions };
  if (!verdict.writable || !period.period) return { ...result, tree: null };

  const tree = assembleTree(roles, verdict.kept, { title: title.title, period: period.period.value, fileName: o.fileName, people: o.people, today: o.today });
  if (verdict.kept.some((d) => d.update) && !o.today) notes.push("Progress updates were not imported: no date was given for them.");
  const invalid = schemaProblems(tree);
  if (invalid.length) return { ...result, tree: null, problems: [...problems, ...invalid] };
  return { ...result, tree };
}
