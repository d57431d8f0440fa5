/**
 * Everything an action view shows besides the action: its indicators with every value (corrections included), its
 * evidence and its EqIAs. Four indexed queries in ONE $batch request, whatever the number of indicators and
 * periods (the values carry their action, so they need no query per indicator). Kept out of src/data/index.ts,
 * like the action's version history: the tab loads it with the action view only.
 */
import type { EqiaLink, Evidence } from "../../domain/evidence.ts";
import { settleBatch } from "../batching.ts";
import type { SPFI } from "../create-sp.ts";
import { LINK_EXPAND, LINK_SELECT, linkFrom } from "../eqia-links/mapping.ts";
import { byAssessment } from "../eqia-links/repository.ts";
import { callSharePoint, toDataError } from "../errors.ts";
import { EVIDENCE_EXPAND, EVIDENCE_SELECT, evidenceFrom } from "../evidence/mapping.ts";
import { byEvidenceDate } from "../evidence/repository.ts";
import { type IndicatorValueRecord, VALUE_EXPAND, VALUE_SELECT, valueFrom } from "../indicator-values/mapping.ts";
import { byPeriod } from "../indicator-values/repository.ts";
import { INDICATOR_EXPAND, INDICATOR_SELECT, type IndicatorRecord, indicatorFrom } from "../indicators/mapping.ts";
import { byIndicatorOrder } from "../indicators/repository.ts";
import { eq } from "../odata.ts";
import { type Item, isThresholdRefusal, queryOnce, queryWindowed } from "../queries.ts";
import { siteDates } from "../site-time-zone.ts";

export interface IndicatorWithValues extends IndicatorRecord {
  /** Every revision, oldest period first; the domain's currentValues() picks the current ones. */
  values: IndicatorValueRecord[];
}

export interface ActionMeasures {
  indicators: IndicatorWithValues[];
  evidence: Evidence[];
  eqias: EqiaLink[];
}

export async function getActionMeasures(sp: SPFI, actionId: number): Promise<ActionMeasures> {
  // The site's zone for date-only columns (read once per site, then from memory).
  const dates = await siteDates(sp);
  const what = "Reading the action's indicators and evidence";
  const filter = eq("ActionId", actionId);
  const valuesQuery = { filter, select: VALUE_SELECT, expand: VALUE_EXPAND };
  const parts = await callSharePoint(what, () =>
    settleBatch<Item[]>(sp, (b) => [
      queryOnce(b, "indicators", { filter, select: INDICATOR_SELECT, expand: INDICATOR_EXPAND }),
      queryOnce(b, "indicatorValues", valuesQuery),
      queryOnce(b, "evidence", { filter, select: EVIDENCE_SELECT, expand: EVIDENCE_EXPAND }),
      queryOnce(b, "eqiaLinks", { filter, select: LINK_SELECT, expand: LINK_EXPAND }),
    ]),
  );
  // An action holding more values than the list view threshold (corrections included) is read by ID windows.
  if (!parts[1].ok && isThresholdRefusal(parts[1].error)) parts[1] = { ok: true, value: await callSharePoint(what, () => queryWindowed(sp, "indicatorValues", valuesQuery)) };
  const failed = parts.find((p) => !p.ok);
  if (failed && !failed.ok) throw toDataError(failed.error, what);
  const [indicators, values, evidence, links] = parts.map((p) => (p as { value: Item[] }).value);
  const byIndicator = new Map<number, IndicatorValueRecord[]>();
  for (const v of values.map(valueFrom).sort(byPeriod)) {
    byIndicator.set(v.indicatorId, [...(byIndicator.get(v.indicatorId) ?? []), v]);
  }
  return {
    indicators: indicators
      .map((i) => indicatorFrom(i, dates))
      .sort(byIndicatorOrder)
      .map((i) => ({ ...i, values: byIndicator.get(i.id) ?? [] })),
    evidence: evidence.map((i) => evidenceFrom(i, dates)).sort(byEvidenceDate),
    eqias: links.map((i) => linkFrom(i, dates)).sort(byAssessment),
  };
}
