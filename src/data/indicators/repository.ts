/**
 * Indicators: reading an action's or a plan's (index-first at any size), defining one (checked in full, written
 * once per submission), changing one with its ETag, and keeping the summary of its values current.
 */

import { sameSummary, summariseValues } from "../../domain/indicator-values.ts";
import { checkIndicator, type IndicatorInput } from "../../domain/indicators.ts";
import { addOnce } from "../add-once.ts";
import { settleBatch } from "../batching.ts";
import type { SPFI } from "../create-sp.ts";
import { callSharePoint, DataError, toDataError } from "../errors.ts";
import { VALUE_FIELDS, valueFrom } from "../indicator-values/mapping.ts";
import { checked } from "../measure-invalid.ts";
import { eq } from "../odata.ts";
import { type Item, isThresholdRefusal, list, queryByIds, queryOnce, queryWindowed } from "../queries.ts";
import { siteDates, withSiteDates } from "../site-time-zone.ts";
import { definitionFields, definitionOf, INDICATOR_EXPAND, INDICATOR_SELECT, type IndicatorRecord, indicatorFrom, summaryFields } from "./mapping.ts";

export const byIndicatorOrder = (a: IndicatorRecord, b: IndicatorRecord) => a.actionId - b.actionId || a.order - b.order || a.id - b.id;

/** An action's indicators: one query on the indexed Action lookup. */
export async function getActionIndicators(sp: SPFI, actionId: number): Promise<IndicatorRecord[]> {
  return callSharePoint("Reading the action's indicators", () =>
    withSiteDates(sp, queryOnce(sp, "indicators", { filter: eq("ActionId", actionId), select: INDICATOR_SELECT, expand: INDICATOR_EXPAND }), (items, dates) => items.map((i) => indicatorFrom(i, dates)).sort(byIndicatorOrder)),
  );
}

/** A plan's indicators, by ID windows (index-first however many there are). */
export async function getPlanIndicators(sp: SPFI, planId: number): Promise<IndicatorRecord[]> {
  return callSharePoint("Reading the plan's indicators", () =>
    withSiteDates(sp, queryWindowed(sp, "indicators", { filter: eq("PlanId", planId), select: INDICATOR_SELECT, expand: INDICATOR_EXPAND }), (items, dates) => items.map((i) => indicatorFrom(i, dates)).sort(byIndicatorOrder)),
  );
}

/** The request is issued before anything is awaited, so that it can travel in a $batch (with the site's dates). */
export async function getIndicator(sp: SPFI, id: number): Promise<IndicatorRecord> {
  return callSharePoint(`Reading indicator ${id}`, async () => {
    const [item, dates] = await Promise.all([list(sp, "indicators").items.getById(id).select(...INDICATOR_SELECT).expand(...INDICATOR_EXPAND)() as Promise<Item>, siteDates(sp)]);
    return indicatorFrom(item, dates);
  });
}

/** Indicators by id (the card's "Figures due", re-read with a press), in the caller's $batch; the gone are left out. */
export async function getIndicatorsByIds(sp: SPFI, ids: readonly number[]): Promise<IndicatorRecord[]> {
  if (ids.length === 0) return [];
  return callSharePoint("Reading indicators by id", () =>
    withSiteDates(sp, queryByIds(sp, "indicators", ids, { select: INDICATOR_SELECT, expand: INDICATOR_EXPAND }), (items, dates) => items.map((i) => indicatorFrom(i, dates))),
  );
}

export interface NewIndicator {
  action: { id: number; planId: number };
  input: IndicatorInput;
  /** The plan's local characteristics, allowed besides the nine. */
  localCharacteristics?: readonly string[];
  /** Generated once per submission by the caller; a retry of the same submission returns the first one. */
  submissionKey: string;
  /** Position among the action's indicators; default: after the last. */
  order?: number;
}

export async function createIndicator(sp: SPFI, n: NewIndicator): Promise<IndicatorRecord> {
  const dates = await siteDates(sp);
  const { definition } = checked("The indicator cannot be saved", checkIndicator(n.input, { localCharacteristics: n.localCharacteristics }));
  const order = n.order ?? (await getActionIndicators(sp, n.action.id)).reduce((m, i) => Math.max(m, i.order), 0) + 1;
  const { item } = await addOnce(sp, {
    list: "indicators",
    fields: { ...definitionFields(definition, dates), ActionId: n.action.id, PlanId: n.action.planId, SortOrder: order, ImportKey: `submission:${n.submissionKey}` },
    keyField: "ImportKey",
    select: INDICATOR_SELECT,
    expand: INDICATOR_EXPAND,
    what: "Saving the indicator",
  });
  return indicatorFrom(item, dates);
}

/**
 * Changes a definition with the ETag it was read with (a 412 writes nothing: DataError "conflict"). The whole new
 * definition is checked. Once values are recorded the unit and frequency stay: the values were recorded in them.
 */
export async function updateIndicator(
  sp: SPFI,
  indicator: IndicatorRecord,
  input: IndicatorInput,
  ctx: { localCharacteristics?: readonly string[] } = {},
): Promise<string | undefined> {
  if (!indicator.etag) throw new DataError("invalid", "An indicator is changed with the ETag it was read with.");
  const { definition } = checked("The indicator cannot be changed", checkIndicator(input, ctx));
  const before = definitionOf(indicator);
  const dates = await siteDates(sp);
  if (definition.unit !== before.unit || definition.frequency !== before.frequency) {
    const [any] = await callSharePoint("Reading the indicator's values", () => queryOnce(sp, "indicatorValues", { filter: eq("IndicatorId", indicator.id), select: ["Id"], top: 1 }));
    if (any) {
      const field = definition.unit !== before.unit ? "unit" : "frequency";
      throw new DataError("invalid", `The ${field} of "${indicator.name}" cannot change: values are recorded in it. Define a new indicator instead.`, { field });
    }
  }
  const res = await callSharePoint(`Changing indicator "${indicator.name}"`, () => list(sp, "indicators").items.getById(indicator.id).update(definitionFields(definition, dates), indicator.etag));
  return (res as { etag?: string } | undefined)?.etag;
}


/** How many times a summary refresh re-reads after someone else wrote the indicator in between. */
const SUMMARY_ATTEMPTS = 5;

/**
 * Recomputes the summary from the indicator's values and writes it with the indicator's ETag, read in the same
 * $batch as the values. A 412 means someone wrote the indicator since: read both again and retry. Whoever writes
 * last has read every value added before its read, so concurrent writers converge on the right summary.
 */
export async function refreshIndicatorSummary(sp: SPFI, indicatorId: number): Promise<IndicatorRecord> {
  const dates = await siteDates(sp);
  for (let attempt = 1; ; attempt++) {
    const valuesQuery = { filter: eq("IndicatorId", indicatorId), select: VALUE_FIELDS };
    const [head, some] = await callSharePoint("Reading the indicator and its values", () =>
      settleBatch<unknown>(sp, (b) => [list(b, "indicators").items.getById(indicatorId).select(...INDICATOR_SELECT).expand(...INDICATOR_EXPAND)(), queryOnce(b, "indicatorValues", valuesQuery)]),
    );
    if (!head.ok) throw toDataError(head.error, `Reading indicator ${indicatorId}`);
    // More values than the threshold (a busy monthly indicator with many groups): read them by ID windows.
    if (!some.ok && !isThresholdRefusal(some.error)) throw toDataError(some.error, "Reading the indicator's values");
    const raw = head.value;
    const values = some.ok ? some.value : await callSharePoint("Reading the indicator's values", () => queryWindowed(sp, "indicatorValues", valuesQuery));
    const indicator = indicatorFrom(raw as Item, dates);
    const summary = summariseValues(indicator, (values as Item[]).map(valueFrom));
    if (sameSummary(indicator.summary, summary)) return indicator;
    try {
      await callSharePoint(`Updating the summary of "${indicator.name}"`, () => list(sp, "indicators").items.getById(indicatorId).update(summaryFields(summary), indicator.etag));
      return { ...indicator, summary };
    } catch (err) {
      if (!(err instanceof DataError && err.reason === "conflict") || attempt >= SUMMARY_ATTEMPTS) throw err;
    }
  }
}
