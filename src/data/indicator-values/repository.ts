/**
 * Indicator values: reading them (an indicator's, an action's, a plan's), and recording one. A value is recorded
 * in four requests, ordered so that nothing is lost and nothing is doubled:
 * 1. the value item (added, then read back with who recorded it), whose unique key is the revision after the one
 *    the person saw. If that revision exists, a retry of the same submission finds its own first attempt; anyone
 *    else's means the value changed since it was read: DataError("conflict"), nothing written, the person sees the
 *    newer value and may correct it;
 * 2. the indicator and all its values, read in one $batch;
 * 3. the indicator's summary, written with that ETag (re-read and retried on 412).
 * If step 3 fails after retries the value is safe and the summary is recomputed by the next write (or
 * refreshIndicatorSummary); the summary is a cache of the values, never the truth.
 */
import { checkValue, sameSummary, summariseValues, type ValueInput } from "../../domain/indicator-values.ts";
import { londonDate } from "../../domain/london-time.ts";
import type { Person } from "../../domain/types.ts";
import { addOnce } from "../add-once.ts";
import type { SPFI } from "../create-sp.ts";
import { callSharePoint, DataError } from "../errors.ts";
import { type IndicatorRecord, summaryFields } from "../indicators/mapping.ts";
import { refreshIndicatorSummary } from "../indicators/repository.ts";
import { checked } from "../measure-invalid.ts";
import { eq } from "../odata.ts";
import { list, queryNarrow, queryOnce, queryWindowed } from "../queries.ts";
import { shortTitle, toSpInstant } from "../values.ts";
import { type IndicatorValueRecord, VALUE_EXPAND, VALUE_FIELDS, VALUE_SELECT, valueFrom, valueKey } from "./mapping.ts";

export const byPeriod = (a: IndicatorValueRecord, b: IndicatorValueRecord) =>
  a.indicatorId - b.indicatorId || a.period.localeCompare(b.period) || a.group.localeCompare(b.group) || a.revision - b.revision;

/** Every revision of an indicator's values (the history included), page by page. */
export async function getIndicatorValues(sp: SPFI, indicatorId: number): Promise<IndicatorValueRecord[]> {
  return callSharePoint("Reading the indicator's values", async () =>
    (await queryNarrow(sp, "indicatorValues", { filter: eq("IndicatorId", indicatorId), select: VALUE_SELECT, expand: VALUE_EXPAND })).map(valueFrom).sort(byPeriod),
  );
}

/** Every value of every indicator of an action: one query on the indexed Action lookup each value carries. */
export async function getActionValues(sp: SPFI, actionId: number): Promise<IndicatorValueRecord[]> {
  return callSharePoint("Reading the action's indicator values", async () =>
    (await queryNarrow(sp, "indicatorValues", { filter: eq("ActionId", actionId), select: VALUE_SELECT, expand: VALUE_EXPAND })).map(valueFrom).sort(byPeriod),
  );
}

/** A plan's values, by ID windows: for the committee report and the exports (history included). */
export async function getPlanValues(sp: SPFI, planId: number): Promise<IndicatorValueRecord[]> {
  return callSharePoint("Reading the plan's indicator values", async () =>
    (await queryWindowed(sp, "indicatorValues", { filter: eq("PlanId", planId), select: VALUE_SELECT, expand: VALUE_EXPAND })).map(valueFrom).sort(byPeriod),
  );
}

export interface RecordValue {
  indicator: Pick<IndicatorRecord, "id" | "actionId" | "planId" | "name" | "unit" | "frequency" | "groups">;
  input: ValueInput;
  /**
   * The revision of this (period, group) the person saw: 0 when they saw none (a first value), n to correct
   * revision n. See currentRevision() in the domain.
   */
  revisionSeen: number;
  /** Who recorded it: the validated caller, written by the server only. */
  recordedBy: Person | null;
  /** For values taken from a document: the body that reported them. */
  source?: string;
  /** Generated once per submission by the caller, reused on retry. */
  submissionKey: string;
  now: Date;
}

export interface RecordedValue {
  value: IndicatorValueRecord;
  indicator: IndicatorRecord;
}

/** The fields of a checked value's item. */
export function valueFields(
  indicator: Pick<IndicatorRecord, "id" | "actionId" | "planId" | "name">,
  v: { period: string; group: string; value: number | string; note: string },
  revision: number,
  extra: { recordedById: number | null; recordedAt: Date; source: string; submissionKey: string },
): Record<string, unknown> {
  return {
    Title: shortTitle(`${indicator.name} ${v.period}${v.group ? ` ${v.group}` : ""}`),
    IndicatorId: indicator.id,
    ActionId: indicator.actionId,
    PlanId: indicator.planId,
    Period: v.period,
    BreakdownGroup: v.group,
    NumericValue: typeof v.value === "number" ? v.value : null,
    TextValue: typeof v.value === "string" ? v.value : null,
    ValueNote: v.note,
    Revision: revision,
    RecordedById: extra.recordedById,
    RecordedAt: toSpInstant(extra.recordedAt),
    ValueSource: extra.source,
    ValueKey: valueKey(indicator.id, v.period, v.group, revision),
    SubmissionKey: extra.submissionKey,
  };
}

/** The value checked with the domain's rules, and the fields of its item (the revision after the one seen). */
function prepare(r: RecordValue) {
  if (!Number.isInteger(r.revisionSeen) || r.revisionSeen < 0) throw new DataError("invalid", "revisionSeen is the revision the person saw (0 for none).");
  const correcting = r.revisionSeen > 0;
  const { value: v } = checked(correcting ? "The correction cannot be saved" : "The value cannot be saved", checkValue(r.indicator, r.input, { today: londonDate(r.now), correcting }));
  const revision = r.revisionSeen + 1;
  const fields = valueFields(r.indicator, { ...v, period: v.period.id }, revision, {
    recordedById: r.recordedBy?.id ?? null,
    recordedAt: r.now,
    source: r.source ?? "",
    submissionKey: r.submissionKey,
  });
  return { v, correcting, fields };
}

/** Every revision of an indicator's values in ONE query, without people (batchable): what its summary needs. */
export async function getIndicatorValuesOnce(sp: SPFI, indicatorId: number): Promise<IndicatorValueRecord[]> {
  return callSharePoint("Reading the indicator's values", async () => (await queryOnce(sp, "indicatorValues", { filter: eq("IndicatorId", indicatorId), select: VALUE_FIELDS })).map(valueFrom));
}

/** What a caller already read in its own $batch: the indicator with its ETag, and every revision of its values. */
export interface KnownValues {
  indicator: IndicatorRecord;
  values: readonly IndicatorValueRecord[];
}

/**
 * recordIndicatorValue in TWO requests, for a caller that read the indicator and its values in its own $batch (a
 * card's press, whose budget is three requests): the value added (its record made from what was written, the
 * recorder being the caller, not read back), then the summary written with the ETag of that read. Anything
 * unusual (the revision already there, a duplicate key, a 412 on the summary) goes the full way, reading again.
 */
export async function recordIndicatorValueKnown(sp: SPFI, r: RecordValue, known: KnownValues): Promise<RecordedValue> {
  const { v, fields } = prepare(r);
  if (!known.indicator.etag || known.values.some((x) => x.key === fields.ValueKey)) return recordIndicatorValue(sp, r);
  let id: number;
  try {
    const added = (await callSharePoint(`Saving the value of "${r.indicator.name}" for ${v.period.label}`, () => list(sp, "indicatorValues").items.add(fields))) as {
      Id?: number;
      data?: { Id?: number };
    };
    id = Number(added.Id ?? added.data?.Id);
  } catch (err) {
    if (err instanceof DataError && err.reason === "duplicate") return recordIndicatorValue(sp, r);
    throw err;
  }
  const saved: IndicatorValueRecord = { ...valueFrom({ ...fields, Id: id }), recordedBy: r.recordedBy, recordedByName: r.recordedBy?.name ?? "" };
  const summary = summariseValues(known.indicator, [...known.values, saved]);
  if (sameSummary(known.indicator.summary, summary)) return { value: saved, indicator: known.indicator };
  try {
    await callSharePoint(`Updating the summary of "${known.indicator.name}"`, () => list(sp, "indicators").items.getById(known.indicator.id).update(summaryFields(summary), known.indicator.etag));
    return { value: saved, indicator: { ...known.indicator, summary } };
  } catch (err) {
    // Someone wrote the indicator since the press read it: the full refresh reads both again.
    if (!(err instanceof DataError && err.reason === "conflict")) throw err;
    return { value: saved, indicator: await refreshIndicatorSummary(sp, known.indicator.id) };
  }
}

export async function recordIndicatorValue(sp: SPFI, r: RecordValue): Promise<RecordedValue> {
  const { v, correcting, fields } = prepare(r);
  const { item, existed } = await addOnce(sp, {
    list: "indicatorValues",
    fields,
    keyField: "ValueKey",
    select: VALUE_SELECT,
    expand: VALUE_EXPAND,
    what: `Saving the value of "${r.indicator.name}" for ${v.period.label}`,
  });
  const saved = valueFrom(item);
  if (existed && saved.submissionKey !== r.submissionKey) {
    const who = saved.recordedBy?.name || saved.source || "someone else";
    throw new DataError(
      "conflict",
      `The value of "${r.indicator.name}" for ${v.period.label}${v.group ? ` (${v.group})` : ""} was ${correcting ? "corrected" : "recorded"} by ${who} since you read it: it is now ${String(saved.value)}. Nothing was written; look at it and correct it if it is wrong.`,
    );
  }
  const indicator = await refreshIndicatorSummary(sp, r.indicator.id);
  return { value: saved, indicator };
}
