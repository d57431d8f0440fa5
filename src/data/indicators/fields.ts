/**
 * The indicators list: the measurable form of an action's success measures (unit, direction, baseline, target,
 * frequency, breakdown). It also keeps a summary of the values (latest and previous overall value), refreshed on
 * every write, so the dashboard rolls up 30,000 indicators without reading their 300,000 values.
 */
import { INDICATOR_DIRECTIONS, INDICATOR_FREQUENCIES, INDICATOR_UNITS } from "../../domain/measure-constants.ts";
import { importKeyField, type ListDef, planLookupField, sortOrderField } from "../schema/vocabulary.ts";
import { LIST_TITLES } from "../schema/list-titles.ts";

export const INDICATORS_LIST: ListDef = {
  key: "indicators",
  title: LIST_TITLES.indicators,
  description: "Indicators that measure actions' success: unit, direction, baseline, target, frequency and breakdown.",
  versioning: true,
  titleLabel: "Indicator",
  fields: [
    { name: "Action", title: "Action", type: "Lookup", lookupList: "actions", indexed: true, required: true },
    planLookupField,
    { name: "Unit", title: "Unit", type: "Choice", choices: INDICATOR_UNITS, required: true },
    { name: "Direction", title: "Better when", type: "Choice", choices: INDICATOR_DIRECTIONS },
    { name: "Frequency", title: "Frequency", type: "Choice", choices: INDICATOR_FREQUENCIES, required: true },
    { name: "BaselineValue", title: "Baseline", type: "Number" },
    { name: "BaselineDate", title: "Baseline date", type: "DateTime", dateOnly: true },
    { name: "TargetValue", title: "Target", type: "Number" },
    { name: "TargetDate", title: "Target date", type: "DateTime", dateOnly: true },
    { name: "DataSource", title: "Data source", type: "Text", maxLength: 255 },
    // Single-valued and indexed: "indicators I provide values for" is one indexed query, as "my actions" is.
    { name: "IndicatorOwner", title: "Provided by", type: "User", indexed: true },
    { name: "Characteristics", title: "Broken down by (characteristics)", type: "Note" },
    { name: "BreakdownGroups", title: "Breakdown groups", type: "Note" },
    { name: "MeasureText", title: "Success measure (as written)", type: "Note" },
    { name: "ValuesFrom", title: "Values expected from", type: "DateTime", dateOnly: true },
    // The summary of the values: written by the product after each value, never typed.
    { name: "LatestPeriod", title: "Latest period", type: "Text", maxLength: 16 },
    { name: "LatestValue", title: "Latest value", type: "Number" },
    { name: "LatestText", title: "Latest value (words)", type: "Text", maxLength: 255 },
    { name: "PreviousPeriod", title: "Previous period", type: "Text", maxLength: 16 },
    { name: "PreviousValue", title: "Previous value", type: "Number" },
    { name: "PreviousText", title: "Previous value (words)", type: "Text", maxLength: 255 },
    { name: "PeriodsRecorded", title: "Periods recorded", type: "Number" },
    sortOrderField,
    importKeyField,
  ],
};
