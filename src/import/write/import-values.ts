/**
 * Importing indicator values into a plan, end to end: the plan's indicators (by action reference and name) are the
 * catalogue the file is checked against; nothing is written unless every row is good (all or nothing); then the
 * values are written in $batch requests by the same writer as the seed. A value equal to the one recorded is left
 * alone and a different one becomes a correction (kept in the history, with the row's note or "Corrected by the
 * import of <file>"), so running the same file again after a stop writes only what is missing.
 * The CLI (`eap import-values`) and, later, the tab call this; the parser beside it runs in the browser as well.
 */

import { getActionReferences, getPlanIndicators, type SPFI } from "../../data/index.ts";
import { type WriteValuesResult, writeValues } from "../../data/indicator-values/write-values.ts";
import type { Person, Plan } from "../../domain/types.ts";
import { type CatalogueEntry, parseValuesFile, type ValuesImport } from "../values/parse-values.ts";

/** The indicators a file may name: the plan's, each with its action's reference. */
export async function valueCatalogue(sp: SPFI, planId: number): Promise<CatalogueEntry[]> {
  const [reference, indicators] = await Promise.all([getActionReferences(sp, planId), getPlanIndicators(sp, planId)]);
  return indicators.map((indicator) => ({ actionReference: reference.get(indicator.actionId) ?? "", indicator }));
}

export interface ImportValuesOptions {
  fileName: string;
  /** Stable per file and plan (importIdFor): the rows' submission keys, so a re-run recognises its own writes. */
  importId: string;
  /** Who ran the import: written as who recorded the values. */
  recordedBy: Person | null;
  now: Date;
  today: string;
  dryRun?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface ValuesImportOutcome {
  parsed: ValuesImport;
  /** What was (or, in a dry run, would be) written; null when the file has problems and nothing was written. */
  result: WriteValuesResult | null;
}

export async function importValues(sp: SPFI, plan: Plan, bytes: Uint8Array, o: ImportValuesOptions): Promise<ValuesImportOutcome> {
  const catalogue = await valueCatalogue(sp, plan.id);
  const parsed = await parseValuesFile(bytes, { fileName: o.fileName, catalogue, today: o.today });
  if (parsed.problems.length) return { parsed, result: null };
  const writes = parsed.rows.map((r) => ({
    indicator: r.entry.indicator,
    period: r.value.period.id,
    group: r.value.group,
    value: r.value.value,
    note: r.value.note,
    correctionNote: `Corrected by the import of ${o.fileName}`,
    recordedById: o.recordedBy?.id ?? null,
    recordedAt: o.now,
    source: "",
    submissionKey: `${o.importId}/${r.entry.indicator.id}/${r.value.period.id}/${r.value.group}`.slice(0, 255),
  }));
  const result = await writeValues(sp, writes, { dryRun: o.dryRun, onProgress: o.onProgress });
  return { parsed, result };
}
