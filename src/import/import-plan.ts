/**
 * The one entry point: bytes of an uploaded file → plan tree or problems. A pipeline of small steps, each its own
 * module with its own input and output:
 *   1. read (read/read-file.ts): size, type and zip checks, then mammoth, exceljs or papaparse;
 *   2. tables of rows of cells (read/table-model.ts), the same for every format;
 *   3. header matching (plan/header-match.ts);
 *   4. row classification (plan/classify-rows.ts);
 *   5. field parsing (plan/parse-fields.ts);
 *   6. tree building (plan/build-drafts.ts, plan/references.ts, plan/assemble-tree.ts);
 *   7. validation (plan/validate.ts), composed in plan/build-plan.ts.
 */
import { buildPlan } from "./plan/build-plan.ts";
import { readPlanFile } from "./read/read-file.ts";
import type { ImportOptions, ImportResult } from "./types.ts";

export interface PlanFileOptions extends ImportOptions {
  /** Used when no role row or Role column names a role. */
  defaultRole?: string;
}

export async function parsePlanFile(bytes: Uint8Array, o: PlanFileOptions): Promise<ImportResult> {
  const read = await readPlanFile(bytes, o.fileName);
  if (!read.ok) return { format: null, period: null, tree: null, problems: [{ reason: read.reason, place: read.place ?? {}, value: "", message: read.message }], notes: [], tables: [], actions: [] };
  return { format: read.format, ...buildPlan(read.tables, { ...o, continuationRows: read.format === "docx", documentTexts: read.texts }) };
}
