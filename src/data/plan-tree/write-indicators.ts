/**
 * Writes a plan's indicators and their values from a list keyed by action reference (the seed; the shape an import
 * of definitions would take), all or nothing in effect, like the plan writer:
 * - everything is checked first (every reference exists in the plan, every definition and every value passes the
 *   domain's checks), and nothing is written if anything is wrong, every problem listed with its place;
 * - each indicator carries an import key and each value a submission key, so running it again after a stop
 *   writes only what is missing.
 */

import { type CheckedValue, checkValue } from "../../domain/indicator-values.ts";
import { checkIndicator, type IndicatorDefinition, type IndicatorInput, type MeasureProblem } from "../../domain/indicators.ts";
import { londonDate } from "../../domain/london-time.ts";
import { getActionReferences } from "../actions/repository.ts";
import { inBatches } from "../batching.ts";
import type { SPFI } from "../create-sp.ts";
import { callSharePoint, DataError } from "../errors.ts";
import { type ValueWrite, type WriteValuesResult, writeValues } from "../indicator-values/write-values.ts";
import { definitionFields, INDICATOR_SELECT, type IndicatorRecord, indicatorFrom } from "../indicators/mapping.ts";
import { eq } from "../odata.ts";
import { type Item, list, queryWindowed } from "../queries.ts";
import { siteDates } from "../site-time-zone.ts";

export interface IndicatorSetEntry {
  actionReference: string;
  definition: IndicatorInput;
  values: ReadonlyArray<{ period: string; group?: string; value: number | string; note?: string; source: string; reportedOn: string }>;
}

export class IndicatorSetInvalid extends DataError {
  readonly problems: Array<MeasureProblem & { place: string }>;
  constructor(problems: Array<MeasureProblem & { place: string }>) {
    super("invalid", `The indicators have ${problems.length} problem(s); nothing was written.\n${problems.map((p) => `- ${p.place}, ${p.field}: ${p.message}`).join("\n")}`);
    this.problems = problems;
  }
}

export interface WriteIndicatorsOptions {
  /** Stable id of this write: re-running with the same id finishes instead of duplicating. */
  importId: string;
  /** The plan's local characteristics, allowed besides the nine. */
  localCharacteristics?: readonly string[];
  now: Date;
}

export interface WriteIndicatorsResult {
  created: number;
  existing: number;
  values: WriteValuesResult;
}

export async function writePlanIndicators(sp: SPFI, planId: number, entries: readonly IndicatorSetEntry[], opts: WriteIndicatorsOptions): Promise<WriteIndicatorsResult> {
  // The site's zone for date-only columns (read once per site, then from memory).
  const dates = await siteDates(sp);
  const actionByRef = new Map([...(await getActionReferences(sp, planId))].map(([id, ref]) => [ref, id]));
  const today = londonDate(opts.now);

  // 1. Check everything.
  const problems: Array<MeasureProblem & { place: string }> = [];
  type Reported = CheckedValue & { source: string; reportedOn: string };
  const checked: Array<{ actionId: number; definition: IndicatorDefinition; values: Reported[]; key: string }> = [];
  const perAction = new Map<string, number>();
  for (const entry of entries) {
    const n = (perAction.get(entry.actionReference) ?? 0) + 1;
    perAction.set(entry.actionReference, n);
    const place = `${entry.actionReference} › indicator ${n} (${entry.definition.name})`;
    const actionId = actionByRef.get(entry.actionReference);
    if (actionId === undefined) problems.push({ place, field: "actionReference", value: entry.actionReference, message: "no action of the plan has this reference" });
    const d = checkIndicator(entry.definition, { localCharacteristics: opts.localCharacteristics });
    if (!d.ok) {
      problems.push(...d.problems.map((p) => ({ ...p, place })));
      continue;
    }
    const values: Reported[] = [];
    for (const v of entry.values) {
      const c = checkValue(d.definition, v, { today });
      if (c.ok) values.push({ ...c.value, source: v.source, reportedOn: v.reportedOn });
      else problems.push(...c.problems.map((p) => ({ ...p, place: `${place} › ${v.period}${v.group ? ` (${v.group})` : ""}` })));
    }
    if (actionId !== undefined) checked.push({ actionId, definition: d.definition, values, key: `${opts.importId}/indicator/${entry.actionReference}/${n}`.slice(0, 255) });
  }
  if (problems.length) throw new IndicatorSetInvalid(problems);

  // 2. Indicators not yet written (by import key).
  const found = await callSharePoint("Reading the plan's indicators", () =>
    queryWindowed(sp, "indicators", { filter: eq("PlanId", planId), select: INDICATOR_SELECT.filter((f) => !f.includes("/")).concat("ImportKey") }),
  );
  const byKey = new Map(found.map((i) => [String(i.ImportKey), indicatorFrom(i, dates)]));
  const missing = checked.filter((c) => !byKey.has(c.key));
  const added = await callSharePoint("Writing indicators", () =>
    inBatches(sp, missing, (b, c) =>
      list(b, "indicators").items.add({
        ...definitionFields(c.definition, dates),
        ActionId: c.actionId,
        PlanId: planId,
        SortOrder: Number(c.key.split("/").at(-1)),
        ImportKey: c.key,
      }) as Promise<Item>,
    ),
  );
  for (const [i, c] of missing.entries()) byKey.set(c.key, indicatorFrom(added[i], dates));

  // 3. Values, through the same writer as an import.
  const writes: ValueWrite[] = checked.flatMap((c) => {
    const indicator = byKey.get(c.key) as IndicatorRecord;
    return c.values.map(
      (v): ValueWrite => ({
        indicator,
        period: v.period.id,
        group: v.group,
        value: v.value,
        note: v.note,
        correctionNote: `Corrected from ${v.source || "the source"}`,
        recordedById: null,
        // Values from documents carry the day the document reported them; noon keeps it on that civil date.
        recordedAt: new Date(`${v.reportedOn}T12:00:00Z`),
        source: v.source,
        submissionKey: `${c.key}/value/${v.period.id}/${v.group}`,
      }),
    );
  });
  const values = await writeValues(sp, writes);
  return { created: missing.length, existing: checked.length - missing.length, values };
}
