/** The commitments list: the "We will ..." commitments under an objective. */
import { type ListDef, importKeyField, planLookupField, sortOrderField } from "../schema/vocabulary.ts";

export const COMMITMENTS_LIST: ListDef = {
  key: "commitments",
  title: "EAP Commitments",
  description: "\"We will ...\" commitments under an objective.",
  versioning: true,
  titleLabel: "Commitment (short)",
  fields: [
    planLookupField,
    { name: "Objective", title: "Objective", type: "Lookup", lookupList: "objectives", indexed: true, required: true },
    { name: "Statement", title: "Commitment", type: "Note", required: true },
    sortOrderField,
    importKeyField,
  ],
};
