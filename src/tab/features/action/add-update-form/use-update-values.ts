/**
 * The figures an update may carry: for each of the action's indicators whose last complete period has no value
 * yet, one optional field labelled with the indicator, the period and the unit. The action's indicators are read
 * (one request) once the person starts on the form, not with the page: opening an action stays two requests, and
 * the fields are there long before the person reaches them below the update's text and status. Checked with the domain's rules, as the "Record a value" form checks
 * them, before anything is sent; the server checks them again, all before it writes anything.
 */
import { useCallback, useMemo, useState } from "react";
import type { IndicatorRecord } from "../../../../data/indicators/mapping.ts";
import { getActionIndicators } from "../../../../data/indicators/repository.ts";
import { checkValue } from "../../../../domain/indicator-values.ts";
import type { IndicatorPeriod } from "../../../../domain/indicator-periods.ts";
import { lastCompletePeriod } from "../../../../domain/indicator-progress.ts";
import { INDICATOR_UNIT_LABELS } from "../../../../domain/measure-constants.ts";
import { useLoad } from "../../../hooks/use-load.ts";
import { useAppContext } from "../../../lib/app-context.tsx";

export interface FigureField {
  indicator: IndicatorRecord;
  period: IndicatorPeriod;
  /** "Response rate, 18–24: value for Q2 2026-27 (Per cent)". */
  label: string;
}

export interface ValueWithUpdate {
  indicatorId: number;
  input: { period: string; value: string; note?: string };
  revisionSeen: 0;
}

/** The indicators whose last complete period has no overall value yet (the summary says what the latest is). */
export function figureFields(indicators: readonly IndicatorRecord[], today: string): FigureField[] {
  return indicators.flatMap((indicator) => {
    const period = lastCompletePeriod(indicator, today);
    const latest = indicator.summary?.latestPeriod ?? "";
    if (latest !== "" && latest >= period.id) return [];
    return [{ indicator, period, label: `${indicator.name}: value for ${period.label} (${INDICATOR_UNIT_LABELS[indicator.unit]})` }];
  });
}

export function useUpdateValues(actionId: number, today: string) {
  const { sp } = useAppContext();
  const [wanted, setWanted] = useState(false);
  const load = useLoad(() => (wanted ? getActionIndicators(sp, actionId) : Promise.resolve([])), [sp, actionId, wanted]);
  const fields = useMemo(() => (load.state === "done" ? figureFields(load.data, today) : []), [load.state, load.data, today]);
  const [typed, setTyped] = useState<Record<number, string>>({});
  const [errors, setErrors] = useState<Record<number, string>>({});

  const change = useCallback((indicatorId: number, value: string) => setTyped((t) => ({ ...t, [indicatorId]: value })), []);

  /** The filled-in values, checked; null (with each problem under its field) when one is wrong. */
  const check = useCallback((): ValueWithUpdate[] | null => {
    const out: ValueWithUpdate[] = [];
    const problems: Record<number, string> = {};
    for (const f of fields) {
      const value = (typed[f.indicator.id] ?? "").trim();
      if (value === "") continue;
      const input = { period: f.period.id, value };
      const c = checkValue(f.indicator, input, { today, correcting: false });
      if (c.ok) out.push({ indicatorId: f.indicator.id, input, revisionSeen: 0 });
      else problems[f.indicator.id] = `${f.indicator.name}: ${c.problems[0].message}.`;
    }
    setErrors(problems);
    return Object.keys(problems).length ? null : out;
  }, [fields, typed, today]);

  const clear = useCallback(() => {
    setTyped({});
    setErrors({});
    load.retry(); // the summaries moved on: the fields just filled go
  }, [load]);

  /** The person started on the form: read the indicators (once). */
  const want = useCallback(() => setWanted(true), []);

  return { state: load.state, fields, typed, change, errors, check, clear, want };
}
