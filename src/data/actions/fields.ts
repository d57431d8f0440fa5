/** The actions list: every action of every plan, with who is accountable and when it is due. */
import { ACTION_STATUSES, DISPOSITIONS, DUE_KINDS, DUE_PRECISIONS } from "../../domain/constants.ts";
import { importKeyField, type ListDef, planLookupField, sortOrderField } from "../schema/vocabulary.ts";
import { LIST_TITLES } from "../schema/list-titles.ts";

export const ACTIONS_LIST: ListDef = {
  key: "actions",
  title: LIST_TITLES.actions,
  description: "Actions of the plan, with who is responsible and when they are due.",
  versioning: true,
  titleLabel: "Action (short)",
  fields: [
    planLookupField,
    { name: "Objective", title: "Objective", type: "Lookup", lookupList: "objectives", indexed: true, required: true },
    { name: "Commitment", title: "Commitment", type: "Lookup", lookupList: "commitments" },
    { name: "Reference", title: "Reference", type: "Text", maxLength: 255 },
    { name: "ActionText", title: "Action", type: "Note", required: true },
    // Single-valued and indexed: "my actions" is one indexed query at any size (multi-value person columns
    // cannot be indexed). Officers lists everyone named; Owner is the accountable one who is reminded.
    { name: "Owner", title: "Accountable officer", type: "User", indexed: true },
    { name: "Officers", title: "Responsible officers", type: "UserMulti" },
    { name: "Teams", title: "Responsible teams", type: "Note" },
    { name: "SuccessMeasures", title: "How will we know this is done?", type: "Note" },
    { name: "DueDate", title: "To be delivered by", type: "DateTime", dateOnly: true, indexed: true },
    { name: "DuePrecision", title: "Due precision", type: "Choice", choices: DUE_PRECISIONS },
    { name: "DueKind", title: "Due kind", type: "Choice", choices: DUE_KINDS },
    { name: "DueText", title: "Due (as written)", type: "Text", maxLength: 255 },
    { name: "ActionStatus", title: "Status", type: "Choice", choices: ACTION_STATUSES, indexed: true, required: true },
    { name: "Disposition", title: "Disposition", type: "Choice", choices: DISPOSITIONS, indexed: true, required: true },
    { name: "Characteristics", title: "Protected characteristics", type: "Note" },
    { name: "CarriedFrom", title: "Carried from", type: "Lookup", lookupList: "actions", indexed: true },
    { name: "LastUpdateAt", title: "Last update", type: "DateTime" },
    { name: "LastUpdateSummary", title: "Last update (summary)", type: "Text", maxLength: 255 },
    { name: "SnoozedUntil", title: "Reminders snoozed until", type: "DateTime" },
    sortOrderField,
    importKeyField,
    // The key of the last write through the product: a write whose reply was lost is recognised by it when its
    // retry is refused with 412 (see updateAction). Not indexed: read only on the one item being written.
    { name: "WriteKey", title: "Last write key", type: "Text", maxLength: 255, hiddenFromView: true },
  ],
};
