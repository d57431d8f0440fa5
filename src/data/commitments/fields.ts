/** The commitments list: the "We will ..." commitments under an objective. */
import { CONTINUITY_KINDS } from "../../domain/continuity.ts";
import { importKeyField, type ListDef, planLookupField, sortOrderField } from "../schema/vocabulary.ts";
import { LIST_TITLES } from "../schema/list-titles.ts";

export const COMMITMENTS_LIST: ListDef = {
  key: "commitments",
  title: LIST_TITLES.commitments,
  description: "\"We will ...\" commitments under an objective.",
  versioning: true,
  titleLabel: "Commitment (short)",
  fields: [
    planLookupField,
    { name: "Objective", title: "Objective", type: "Lookup", lookupList: "objectives", indexed: true, required: true },
    { name: "Statement", title: "Commitment", type: "Note", required: true },
    // The action of the same plan this commitment restates, by reference (text, not a lookup: commitments are
    // written before actions), and whether carried word for word or developed.
    { name: "ContinuesReference", title: "Carries on action", type: "Text", maxLength: 255 },
    { name: "ContinuityKind", title: "Carried or developed", type: "Choice", choices: CONTINUITY_KINDS },
    sortOrderField,
    importKeyField,
  ],
};
