/**
 * Links between the EqIA register and actions, one item per (EqIA, action): both sides are indexed lookups, so an
 * action's EqIAs and an EqIA's actions are each one indexed query (a multi-value lookup could not be filtered).
 * `LinkKey` ("<eqia>/<action>") is unique: the same pair is never linked twice.
 */
import { EQIA_RELATIONS } from "../../domain/measure-constants.ts";
import { type ListDef, planLookupField } from "../schema/vocabulary.ts";
import { LIST_TITLES } from "../schema/list-titles.ts";

export const EQIA_LINKS_LIST: ListDef = {
  key: "eqiaLinks",
  title: LIST_TITLES.eqiaLinks,
  description: "Which actions each Equality Impact Assessment gave rise to or informs.",
  versioning: true,
  titleLabel: "Link",
  fields: [
    { name: "Eqia", title: "EqIA", type: "Lookup", lookupList: "eqias", indexed: true, required: true },
    { name: "Action", title: "Action", type: "Lookup", lookupList: "actions", indexed: true, required: true },
    planLookupField,
    { name: "Relation", title: "Relation", type: "Choice", choices: EQIA_RELATIONS, required: true },
    { name: "LinkKey", title: "Link key", type: "Text", maxLength: 255, indexed: true, unique: true, required: true },
  ],
};
