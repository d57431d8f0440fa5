/** The roll-up's rows: the domain's counts per objective with the objective's label, in plan order. */
import type { IndicatorRecord } from "../../../data/indicators/mapping.ts";
import { indicatorRollup, type ObjectiveIndicatorRow } from "../../../domain/indicator-progress.ts";
import type { IndicatorRollupProps } from "./indicators.types.ts";

export interface RollupRow extends ObjectiveIndicatorRow {
  label: string;
  statement: string;
}

export function rollupRows(p: IndicatorRollupProps, indicators: readonly IndicatorRecord[], asOf: string): RollupRow[] {
  const byId = new Map(p.objectives.map((o) => [o.objectiveId, o]));
  return indicatorRollup(
    p.objectives.map((o) => o.objectiveId),
    p.actions,
    indicators,
    asOf,
  ).map((r) => ({ ...r, label: byId.get(r.objectiveId)?.label ?? "", statement: byId.get(r.objectiveId)?.statement ?? "" }));
}
