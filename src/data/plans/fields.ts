/** The plans list: one item per plan period, its status and its predecessor (rollover). */
import { PLAN_STATUSES } from "../../domain/constants.ts";
import { importKeyField, type ListDef } from "../schema/vocabulary.ts";
import { LIST_TITLES } from "../schema/list-titles.ts";

export const PLANS_LIST: ListDef = {
  key: "plans",
  title: LIST_TITLES.plans,
  description: "Equality objectives and action plans, one item per plan period.",
  versioning: true,
  titleLabel: "Plan",
  fields: [
    { name: "Period", title: "Period", type: "Text", maxLength: 9, required: true },
    { name: "PlanStatus", title: "Status", type: "Choice", choices: PLAN_STATUSES, indexed: true, required: true },
    { name: "Predecessor", title: "Predecessor plan", type: "Lookup", lookupList: "plans" },
    { name: "LocalCharacteristics", title: "Local characteristics", type: "Note" },
    // A demonstration plan (fictional delivery, for trying the product) is shown as such, never as the council's.
    { name: "Demonstration", title: "Demonstration plan", type: "Boolean" },
    importKeyField,
  ],
};
