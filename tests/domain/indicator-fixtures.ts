/** Indicator values for the pure tests: only what a test says differs from a first value of indicator 1. */
import type { IndicatorValue } from "../../src/domain/indicators.ts";

let lastId = 0;

export function indicatorValue(v: Partial<IndicatorValue> & Pick<IndicatorValue, "period" | "value">): IndicatorValue {
  return {
    id: ++lastId,
    indicatorId: 1,
    actionId: 1,
    planId: 1,
    group: "",
    note: "",
    revision: 1,
    recordedById: null,
    recordedByName: "",
    recordedAt: "",
    source: "",
    ...v,
  };
}
