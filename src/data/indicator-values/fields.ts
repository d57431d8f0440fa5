/**
 * The indicator values list: one item per recorded value (indicator, period, breakdown group, revision). Values are
 * never edited: a correction is a new item with the next revision, so the history keeps every figure, who recorded
 * it and why. `ValueKey` ("<indicator>/<period>/<group>#<revision>") is unique: two people correcting the same
 * value at once cannot both write the same revision (the second is told, nothing is lost), and a retried write
 * finds its own first attempt (same `SubmissionKey`) instead of adding a duplicate.
 */
import { type ListDef, planLookupField } from "../schema/vocabulary.ts";
import { LIST_TITLES } from "../schema/list-titles.ts";

export const INDICATOR_VALUES_LIST: ListDef = {
  key: "indicatorValues",
  title: LIST_TITLES.indicatorValues,
  description: "Values of indicators per period and breakdown group; corrections are new revisions, never overwrites.",
  versioning: true,
  titleLabel: "Value (short)",
  fields: [
    { name: "Indicator", title: "Indicator", type: "Lookup", lookupList: "indicators", indexed: true, required: true },
    // The action and plan are the indicator's, kept on each value so an action's values are one indexed query.
    { name: "Action", title: "Action", type: "Lookup", lookupList: "actions", indexed: true, required: true },
    planLookupField,
    { name: "Period", title: "Period", type: "Text", maxLength: 16, required: true },
    { name: "BreakdownGroup", title: "Group", type: "Text", maxLength: 100 },
    { name: "NumericValue", title: "Value", type: "Number" },
    { name: "TextValue", title: "Value (words)", type: "Text", maxLength: 255 },
    { name: "ValueNote", title: "Note", type: "Note" },
    { name: "Revision", title: "Revision", type: "Number", required: true },
    { name: "RecordedBy", title: "Recorded by", type: "User" },
    { name: "RecordedAt", title: "Recorded at", type: "DateTime" },
    // Values taken from documents: the body that reported them (not authorship; see update-source.ts).
    { name: "ValueSource", title: "Reported by", type: "Text", maxLength: 255 },
    { name: "ValueKey", title: "Value key", type: "Text", maxLength: 255, indexed: true, unique: true, required: true },
    { name: "SubmissionKey", title: "Submission key", type: "Text", maxLength: 255 },
  ],
};
