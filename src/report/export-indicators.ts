/**
 * The plan's indicators in the exports, pure like export-rows.ts: a line per indicator in the action's row ("Visits:
 * up from 12 in 2021-22 to 19 in 2022-23, target 25"), and for the workbook a sheet of definitions and a sheet of
 * every value with its history. The values sheet's first six columns are exactly what `eap import-values` reads,
 * so a council can export, fill in the next period and import the file back.
 */
import { formatLongDate } from "../domain/dates.ts";
import { indicatorProgress } from "../domain/indicator-progress.ts";
import { formatIndicatorValue } from "../domain/indicator-units.ts";
import { currentValues } from "../domain/indicator-values.ts";
import type { Indicator, IndicatorValue } from "../domain/indicators.ts";
import { INDICATOR_DIRECTION_LABELS, INDICATOR_FREQUENCY_LABELS, INDICATOR_UNIT_LABELS, TARGET_STATUS_LABELS } from "../domain/measure-constants.ts";
import { CHARACTERISTIC_LABELS } from "../domain/types.ts";
import { neutraliseCell } from "./cell-safety.ts";

export type ExportIndicator = Pick<
  Indicator,
  "id" | "actionId" | "name" | "unit" | "direction" | "frequency" | "baseline" | "target" | "valuesFrom" | "groups" | "order" | "dataSource" | "characteristics" | "measure"
>;
export type ExportValue = Pick<IndicatorValue, "indicatorId" | "period" | "group" | "revision" | "value" | "note" | "recordedByName" | "recordedAt" | "source">;

export interface PlanMeasures {
  indicators: readonly ExportIndicator[];
  values: readonly ExportValue[];
}

/** The columns `eap import-values` reads, in its order; the values sheet starts with them. */
export const VALUE_IMPORT_HEADERS = ["Action reference", "Indicator", "Period", "Group", "Value", "Note"] as const;

export const VALUE_COLUMNS = [
  ...VALUE_IMPORT_HEADERS.map((header, i) => ({ key: `c${i}`, header, width: [14, 40, 12, 24, 12, 40][i] })),
  { key: "unit", header: "Unit", width: 14 },
  { key: "revision", header: "Revision", width: 10 },
  { key: "current", header: "Current", width: 10 },
  { key: "recordedBy", header: "Recorded by", width: 24 },
  { key: "recordedAt", header: "Recorded at", width: 18 },
  { key: "source", header: "Reported by", width: 40 },
] as const;

export const INDICATOR_COLUMNS = [
  { key: "reference", header: "Action reference", width: 14 },
  { key: "name", header: "Indicator", width: 40 },
  { key: "unit", header: "Unit", width: 14 },
  { key: "direction", header: "Better when", width: 18 },
  { key: "frequency", header: "Frequency", width: 12 },
  { key: "baseline", header: "Baseline", width: 22 },
  { key: "target", header: "Target", width: 26 },
  { key: "dataSource", header: "Data source", width: 30 },
  { key: "breakdown", header: "Broken down by", width: 30 },
  { key: "measure", header: "Success measure", width: 40 },
  { key: "latest", header: "Latest", width: 18 },
  { key: "trend", header: "Trend", width: 50 },
  { key: "status", header: "Against target", width: 16 },
] as const;

type Cell = string | number;
export type SheetRow = Cell[];

const text = (s: string) => neutraliseCell(s);

function byActionThenOrder(indicators: readonly ExportIndicator[], referenceOf: ReadonlyMap<number, string>, actionOrder: ReadonlyMap<number, number>) {
  return indicators
    .filter((i) => referenceOf.has(i.actionId))
    .slice()
    .sort((a, b) => (actionOrder.get(a.actionId) ?? 0) - (actionOrder.get(b.actionId) ?? 0) || a.order - b.order || a.id - b.id);
}

/** For the action's row: one line per indicator, its name and its trend in words as of `today`. */
export function indicatorSummaries(measures: PlanMeasures, today: string): Map<number, string> {
  const out = new Map<number, string[]>();
  const sorted = [...measures.indicators].sort((a, b) => a.order - b.order || a.id - b.id);
  for (const ind of sorted) {
    const p = indicatorProgress(ind, measures.values.filter((v) => v.indicatorId === ind.id), today);
    out.set(ind.actionId, [...(out.get(ind.actionId) ?? []), `${ind.name}: ${p.words}`]);
  }
  return new Map([...out].map(([k, lines]) => [k, lines.join("\n")]));
}

/** The "Indicators" sheet: one row per indicator in plan order (actions as `actions` orders them). */
export function indicatorSheetRows(actions: ReadonlyArray<{ id: number; reference: string }>, measures: PlanMeasures, today: string): SheetRow[] {
  const referenceOf = new Map(actions.map((a) => [a.id, a.reference]));
  const order = new Map(actions.map((a, i) => [a.id, i]));
  return byActionThenOrder(measures.indicators, referenceOf, order).map((ind) => {
    const p = indicatorProgress(ind, measures.values.filter((v) => v.indicatorId === ind.id), today);
    const fmt = (v: number) => formatIndicatorValue(ind.unit, v);
    return [
      text(referenceOf.get(ind.actionId) ?? ""),
      text(ind.name),
      INDICATOR_UNIT_LABELS[ind.unit],
      ind.direction ? INDICATOR_DIRECTION_LABELS[ind.direction] : "",
      INDICATOR_FREQUENCY_LABELS[ind.frequency],
      ind.baseline ? `${fmt(ind.baseline.value)} (${formatLongDate(ind.baseline.date)})` : "",
      ind.target ? `${fmt(ind.target.value)}${ind.target.date ? ` by ${formatLongDate(ind.target.date)}` : ""}` : "",
      text(ind.dataSource),
      text([...ind.characteristics.map((c) => CHARACTERISTIC_LABELS[c] ?? c), ...ind.groups].join("; ")),
      text(ind.measure),
      p.latest ? `${formatIndicatorValue(ind.unit, p.latest.value)} (${p.latest.period.label})` : "",
      text(p.words),
      TARGET_STATUS_LABELS[p.status],
    ];
  });
}

/** The "Indicator values" sheet: every revision, oldest first per period; "Current" marks the one that counts. */
export function valueSheetRows(actions: ReadonlyArray<{ id: number; reference: string }>, measures: PlanMeasures): SheetRow[] {
  const referenceOf = new Map(actions.map((a) => [a.id, a.reference]));
  const order = new Map(actions.map((a, i) => [a.id, i]));
  const rows: SheetRow[] = [];
  for (const ind of byActionThenOrder(measures.indicators, referenceOf, order)) {
    const mine = measures.values.filter((v) => v.indicatorId === ind.id);
    const current = new Set(currentValues(mine));
    const groupOrder = (g: string) => (g === "" ? -1 : ind.groups.indexOf(g));
    const sorted = [...mine].sort((a, b) => a.period.localeCompare(b.period) || groupOrder(a.group) - groupOrder(b.group) || a.revision - b.revision);
    for (const v of sorted) {
      rows.push([
        text(referenceOf.get(ind.actionId) ?? ""),
        text(ind.name),
        v.period,
        text(v.group),
        typeof v.value === "number" ? v.value : text(v.value),
        text(v.note),
        INDICATOR_UNIT_LABELS[ind.unit],
        v.revision,
        current.has(v) ? "Yes" : "No (corrected)",
        text(v.recordedByName),
        v.recordedAt ? v.recordedAt.slice(0, 10) : "",
        text(v.source),
      ]);
    }
  }
  return rows;
}
