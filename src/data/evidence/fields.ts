/** The evidence list: documents an action links to (an EqIA, a committee report, data, a consultation). */
import { EVIDENCE_TYPES } from "../../domain/measure-constants.ts";
import { importKeyField, type ListDef, planLookupField } from "../schema/vocabulary.ts";
import { LIST_TITLES } from "../schema/list-titles.ts";

export const EVIDENCE_LIST: ListDef = {
  key: "evidence",
  title: LIST_TITLES.evidence,
  description: "Evidence linked to actions: EqIAs, committee reports, data, consultations.",
  versioning: true,
  titleLabel: "Evidence",
  fields: [
    { name: "Action", title: "Action", type: "Lookup", lookupList: "actions", indexed: true, required: true },
    planLookupField,
    // Multi-line: SharePoint's own hyperlink column stops at 255 characters and document links run longer.
    { name: "EvidenceLink", title: "Link", type: "Note", required: true },
    { name: "EvidenceType", title: "Type", type: "Choice", choices: EVIDENCE_TYPES, required: true },
    { name: "EvidenceDate", title: "Date", type: "DateTime", dateOnly: true },
    { name: "AddedBy", title: "Added by", type: "User" },
    importKeyField,
  ],
};
