/** The objectives list: equality objectives under each role, with their reasons, outcomes and connections. */
import { importKeyField, type ListDef, planLookupField, sortOrderField } from "../schema/vocabulary.ts";
import { LIST_TITLES } from "../schema/list-titles.ts";

export const OBJECTIVES_LIST: ListDef = {
  key: "objectives",
  title: LIST_TITLES.objectives,
  description: "Equality objectives under each role.",
  versioning: true,
  titleLabel: "Objective (short)",
  fields: [
    planLookupField,
    { name: "Role", title: "Role", type: "Lookup", lookupList: "roles", indexed: true, required: true },
    { name: "Statement", title: "Objective", type: "Note", required: true },
    { name: "WhyItMatters", title: "Why it matters", type: "Note" },
    { name: "Outcomes", title: "Outcomes and measures", type: "Note" },
    { name: "Connections", title: "Connections to other plans", type: "Note" },
    { name: "Priorities", title: "Strategic plan priorities", type: "Note" },
    { name: "CrossCutting", title: "Cross-cutting objectives", type: "Note" },
    // Which document sets the objective out, when a plan holds several framings of itself ("2020 revision").
    { name: "SourceDocument", title: "Set out in", type: "Text", maxLength: 255 },
    sortOrderField,
    importKeyField,
  ],
};
