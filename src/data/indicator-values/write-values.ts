/**
 * Writing many checked values at once (an import, the seed), in $batch requests, re-runnable:
 * 1. the affected indicators and their values are read (one query each, 20 per $batch request);
 * 2. a value equal to the current one of its (period, group) is left alone ("unchanged"): re-running an import
 *    that stopped part-way writes only what is missing; a different one is written as the next revision (a
 *    correction, kept in the history with its note);
 * 3. the new items are added in $batch requests; a unique-key clash with another submission means someone
 *    recorded that value in between: it is reported as a conflict, not overwritten;
 * 4. each affected indicator's summary is recomputed and written with its ETag (re-read on 412).
 * Checking comes first and belongs to the caller (all or nothing): this writes what it is given.
 */

import { currentValues, sameSummary, seriesKey, summariseValues } from "../../domain/indicator-values.ts";
import type { IndicatorSummary } from "../../domain/indicators.ts";
import { BATCH_SIZE, settleBatch } from "../batching.ts";
import type { SPFI } from "../create-sp.ts";
import { callSharePoint, DataError, toDataError } from "../errors.ts";
import type { IndicatorRecord } from "../indicators/mapping.ts";
import { INDICATOR_SELECT, indicatorFrom, summaryFields } from "../indicators/mapping.ts";
import { refreshIndicatorSummary } from "../indicators/repository.ts";
import { eq } from "../odata.ts";
import { type Item, isThresholdRefusal, list, queryOnce, queryWindowed } from "../queries.ts";
import { siteDates } from "../site-time-zone.ts";
import { type IndicatorValueRecord, VALUE_SELECT, valueFrom } from "./mapping.ts";
import { valueFields } from "./repository.ts";

export interface ValueWrite {
  indicator: Pick<IndicatorRecord, "id" | "actionId" | "planId" | "name" | "frequency">;
  /** A checked value: period id, group as the indicator names it. */
  period: string;
  group: string;
  value: number | string;
  /** Written with a correction (a new value needs none). */
  note: string;
  /** Note for a correction when `note` is empty: "Corrected by the import of values.xlsx". */
  correctionNote: string;
  recordedById: number | null;
  recordedAt: Date;
  source: string;
  /** Stable per row of the import (or seed), so a re-run recognises its own writes. */
  submissionKey: string;
}

export interface WriteValuesResult {
  added: number;
  corrected: number;
  unchanged: number;
  /** Values someone else recorded in between; nothing was written for them. */
  conflicts: Array<{ write: ValueWrite; message: string }>;
  indicators: number;
}

const OWN_COLUMNS = VALUE_SELECT.filter((f) => !f.includes("/"));
const INDICATOR_COLUMNS = INDICATOR_SELECT.filter((f) => !f.includes("/"));

async function readValuesOf(sp: SPFI, indicatorIds: readonly number[]): Promise<Map<number, IndicatorValueRecord[]>> {
  const out = new Map<number, IndicatorValueRecord[]>();
  for (let i = 0; i < indicatorIds.length; i += BATCH_SIZE) {
    const chunk = indicatorIds.slice(i, i + BATCH_SIZE);
    const query = (id: number) => ({ filter: eq("IndicatorId", id), select: OWN_COLUMNS });
    const pages = await settleBatch(sp, (b) => chunk.map((id) => queryOnce(b, "indicatorValues", query(id))));
    for (const [j, p] of pages.entries()) {
      // An indicator with more values than the threshold is read by ID windows.
      if (!p.ok && !isThresholdRefusal(p.error)) throw toDataError(p.error, "Reading the indicators' values");
      const items = p.ok ? p.value : await callSharePoint("Reading the indicators' values", () => queryWindowed(sp, "indicatorValues", query(chunk[j])));
      out.set(chunk[j], items.map(valueFrom));
    }
  }
  return out;
}

export interface WriteValuesOptions {
  /** Read and compare only: the counts say what a write would do, and nothing is written. */
  dryRun?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export async function writeValues(sp: SPFI, writes: readonly ValueWrite[], opts: WriteValuesOptions = {}): Promise<WriteValuesResult> {
  // The site's zone for date-only columns (read once per site, then from memory).
  const dates = await siteDates(sp);
  const result: WriteValuesResult = { added: 0, corrected: 0, unchanged: 0, conflicts: [], indicators: 0 };
  const ids = [...new Set(writes.map((w) => w.indicator.id))];
  const existing = await readValuesOf(sp, ids);

  // 2. What to write: the next revision of each (indicator, period, group) whose current value differs.
  const current = new Map<string, IndicatorValueRecord>();
  for (const [id, values] of existing) for (const v of currentValues(values)) current.set(`${id}:${seriesKey(v.period, v.group)}`, v);
  const toAdd: Array<{ write: ValueWrite; fields: Record<string, unknown>; correction: boolean }> = [];
  const planned = new Set<string>();
  for (const w of writes) {
    const k = `${w.indicator.id}:${seriesKey(w.period, w.group)}`;
    if (planned.has(k)) throw new DataError("invalid", `The value of "${w.indicator.name}" for ${w.period}${w.group ? ` (${w.group})` : ""} is given twice.`);
    planned.add(k);
    const have = current.get(k);
    if (have && have.value === w.value) {
      result.unchanged++;
      continue;
    }
    const note = have ? w.note || w.correctionNote : w.note;
    const fields = valueFields(w.indicator, { period: w.period, group: w.group, value: w.value, note }, (have?.revision ?? 0) + 1, w);
    toAdd.push({ write: w, fields, correction: have !== undefined });
  }
  if (opts.dryRun) {
    result.corrected = toAdd.filter((a) => a.correction).length;
    result.added = toAdd.length - result.corrected;
    return result;
  }

  // 3. Add, batch by batch; each part settles on its own.
  const landed = new Map<number, IndicatorValueRecord[]>();
  for (let i = 0; i < toAdd.length; i += BATCH_SIZE) {
    const chunk = toAdd.slice(i, i + BATCH_SIZE);
    const results = await settleBatch(sp, (b) => chunk.map((a) => list(b, "indicatorValues").items.add(a.fields) as Promise<Item>));
    for (const [j, r] of results.entries()) {
      const a = chunk[j];
      let item: Item | undefined = r.ok ? r.value : undefined;
      if (!r.ok) {
        const e = toDataError(r.error, "Saving indicator values");
        if (e.reason !== "duplicate") throw e;
        const key = String(a.fields.ValueKey);
        [item] = await callSharePoint("Saving indicator values", () => queryOnce(sp, "indicatorValues", { filter: eq("ValueKey", key), select: OWN_COLUMNS, top: 1 }));
        if (!item || String(item.SubmissionKey) !== a.write.submissionKey) {
          result.conflicts.push({ write: a.write, message: `"${a.write.indicator.name}" ${a.write.period}${a.write.group ? ` (${a.write.group})` : ""}: someone recorded this value while the import ran; nothing was written for it` });
          continue;
        }
      }
      if (a.correction) result.corrected++;
      else result.added++;
      const v = valueFrom(item as Item);
      landed.set(a.write.indicator.id, [...(landed.get(a.write.indicator.id) ?? []), v]);
    }
    opts.onProgress?.(Math.min(i + BATCH_SIZE, toAdd.length), toAdd.length);
  }

  // 4. Summaries: computed from what was read plus what landed; written with each indicator's ETag.
  const touched = [...landed.keys()];
  result.indicators = touched.length;
  for (let i = 0; i < touched.length; i += BATCH_SIZE) {
    const chunk = touched.slice(i, i + BATCH_SIZE);
    const heads = await settleBatch(sp, (b) => chunk.map((id) => list(b, "indicators").items.getById(id).select(...INDICATOR_COLUMNS)() as Promise<Item>));
    const updates: Array<{ id: number; summary: IndicatorSummary | null; etag: string }> = [];
    heads.forEach((h) => {
      if (!h.ok) return;
      const head = indicatorFrom(h.value, dates);
      const summary = summariseValues(head, [...(existing.get(head.id) ?? []), ...(landed.get(head.id) ?? [])]);
      if (!sameSummary(head.summary, summary)) updates.push({ id: head.id, summary, etag: head.etag ?? "*" });
    });
    const written = await settleBatch(sp, (b) => updates.map((u) => list(b, "indicators").items.getById(u.id).update(summaryFields(u.summary), u.etag)));
    // Someone wrote an indicator in between (or its read failed): recompute that one from SharePoint.
    const retry = [...chunk.filter((_, j) => !heads[j].ok), ...updates.filter((_, j) => !written[j].ok).map((u) => u.id)];
    for (const id of retry) await refreshIndicatorSummary(sp, id);
  }
  return result;
}
